// The own-text editor's shared state (issue 38: the editor split by step): the form, the text as
// the atlas will hold it, and the places found in it, read and changed by each step's component
// (TextStep, PlacesStep, PassagesStep) and by the shell that saves. The pure work is in own/
// (draft, find, accept, merge); this holds what the reader is doing with it.
import { createContext } from 'svelte';
import { loadFindGazetteer } from '../../data/repo-files-vite.ts';
import type { Atlas } from '../../data/schema.ts';
import type { MapCalls } from '../../map/map-link.svelte.ts';
import { parseDate } from '../../time/instant.ts';
import { dateInWords } from '../../time/words.ts';
import { linked, placeFor } from '../accept.ts';
import { entryFromForm, formOf, formProblems, newOwnText, placeFromClick, type OwnText, type TextForm } from '../draft.ts';
import { findPlaces, nameIndex, type Candidate, type GazetteerPlace, type Proposal } from '../find.ts';
import { withOwnTexts } from '../merge.ts';

/** What the reader decided about one place name found in the text. */
export interface Decision {
  status: 'open' | 'accepted' | 'rejected';
  /** The candidate's index, or "map" to put it on the map. */
  choice: string;
  placeId: string | null;
}

export const candidateLabel = (c: Candidate): string =>
  c.kind === 'place'
    ? `${c.name} (in the atlas)`
    : c.kind === 'governorate'
      ? `${c.name} (governorate)`
      : `${c.name}, ${c.country} (GeoNames town; new to the atlas)`;

export class EditorDraft {
  /** The atlas with the reader's other texts: the text is checked against it. */
  readonly base: Atlas;
  private readonly takenTextIds: Set<string>;

  // No kind is chosen for the reader (issue 40): a silent default would mislabel a memoir as a news report.
  form = $state<TextForm>({ title: '', date: '', author: '', outlet: '', genre: '', text: '', fileName: null });
  own = $state.raw<OwnText | null>(null);
  /** Field messages appear once the reader has asked to go on, not while they type. */
  checked = $state(false);
  status = $state('');
  readonly problems = $derived(formProblems(this.form));
  readonly shownProblems = $derived(this.checked ? this.problems : {});
  readonly dateEcho = $derived.by(() => {
    const d = this.form.date.trim();
    return d && parseDate(d, { anyYear: true }).ok ? `Read as: ${dateInWords(d)}` : '';
  });
  /** Once anything points into the text by offset, the words cannot change under it. */
  readonly textFixed = $derived(!!this.own && (this.own.mentions.length > 0 || Object.keys(this.own.places).length > 0));

  // Find places.
  proposals = $state.raw<Proposal[]>([]);
  decisions = $state<Decision[]>([]);
  found = $state(false);
  private index: Map<string, Candidate[]> | null = null;

  // A place put on the map: the words it is for, and coordinates typed instead of a click.
  placing = $state<string | null>(null);
  typed = $state('');
  typedError = $state('');
  private typedAt: [number, number] | null = null;

  constructor(
    shipped: Atlas,
    others: OwnText[],
    editing: OwnText | null,
    private map: Pick<MapCalls, 'pickPoint' | 'cancelPoint'>,
  ) {
    this.base = withOwnTexts(shipped, others).atlas;
    // Made once and never changed: nothing reacts to it, so a plain Set.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.takenTextIds = new Set(this.base.sources.map((s) => s.id));
    if (editing) {
      this.form = formOf(editing);
      this.own = editing;
    }
  }

  placeName = (id: string): string => this.own?.places[id]?.properties.name ?? this.base.places.find((p) => p.id === id)?.properties.name ?? id;

  /** New words before any place is accepted: what was found in the old ones no longer applies. */
  textChanged = (): void => {
    this.found = false;
    this.proposals = [];
  };

  /** The text as the form now describes it (its words, if not yet fixed, and its title, date and credit). */
  described(): OwnText | null {
    this.checked = true;
    if (Object.keys(this.problems).length) {
      document.querySelector<HTMLElement>('.own-editor [aria-invalid="true"]')?.focus();
      return null;
    }
    const form = $state.snapshot(this.form);
    if (!this.own) return newOwnText(form, this.takenTextIds);
    return { ...this.own, entry: entryFromForm(form, this.own.entry.id), text: this.textFixed ? this.own.text : form.text };
  }

  findAll = async (): Promise<void> => {
    const next = this.described();
    if (!next) return;
    this.own = next;
    this.status = 'Finding places…';
    if (!this.index) {
      const gazetteer = (JSON.parse(await loadFindGazetteer()) as { entries: GazetteerPlace[] }).entries;
      this.index = nameIndex(this.base.places, this.base.governorates.features, gazetteer);
    }
    this.proposals = findPlaces(next.text, this.index);
    this.decisions = this.proposals.map((p) => {
      const kept = next.mentions.find((m) => m.start === p.start && m.end === p.end);
      return { status: kept ? 'accepted' : 'open', choice: '0', placeId: kept?.placeId ?? null };
    });
    this.found = true;
    const n = this.proposals.length;
    this.status = n ? `${n} mention${n === 1 ? '' : 's'} of places found.` : 'No place names found. Select a place name in the text and put it on the map.';
  };

  /** The place a candidate stands for, made if it is a gazetteer town the atlas lacks. */
  private placeForCandidate(c: Candidate, words: string): string {
    const found = placeFor(this.own!, c, words, this.base);
    this.own = found.own;
    return found.placeId;
  }

  private async placeOnMap(words: string): Promise<string | null> {
    this.placing = words;
    this.typed = '';
    this.typedError = '';
    this.typedAt = null;
    const at = (await this.map.pickPoint()) ?? this.typedAt;
    this.placing = null;
    if (!at) return null;
    const own = this.own!;
    const made = Object.values(own.places).find((p) => p.properties.precision === 'approximate' && p.properties.name === words.trim());
    if (made) return made.id;
    // The ids taken, asked once for this place: a plain Set nothing reacts to.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const taken = new Set([...this.base.places.map((p) => p.id), ...Object.keys(own.places)]);
    const place = placeFromClick(words, at, this.base, taken);
    this.own = { ...own, places: { ...own.places, [place.id]: place } };
    this.status = `${place.properties.name} is placed at ${at[1].toFixed(3)}° N, ${at[0].toFixed(3)}° E (approximate: placed by you, from no gazetteer).`;
    return place.id;
  }

  useTyped = (): void => {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(this.typed);
    if (!m) {
      this.typedError = 'Type longitude, latitude in degrees, such as 44.36, 33.31.';
      return;
    }
    this.typedAt = [Number(m[1]), Number(m[2])];
    this.map.cancelPoint();
  };

  cancelPoint = (): void => this.map.cancelPoint();

  private mention(p: Proposal, placeId: string) {
    this.own = linked(this.own!, p, placeId);
  }

  accept = async (i: number): Promise<void> => {
    const p = this.proposals[i];
    const d = this.decisions[i];
    const placeId = d.choice === 'map' ? await this.placeOnMap(p.words) : this.placeForCandidate(p.candidates[Number(d.choice)], p.words);
    if (!placeId) return;
    this.mention(p, placeId);
    this.decisions[i] = { ...d, status: 'accepted', placeId };
  };

  reject = (i: number): void => {
    this.own = { ...this.own!, mentions: this.own!.mentions.filter((m) => m.start !== this.proposals[i].start) };
    this.decisions[i] = { ...this.decisions[i], status: 'rejected', placeId: null };
  };

  undo = (i: number): void => {
    if (this.decisions[i].status === 'accepted') this.own = { ...this.own!, mentions: this.own!.mentions.filter((m) => m.start !== this.proposals[i].start) };
    this.decisions[i] = { ...this.decisions[i], status: 'open', placeId: null };
  };

  /** Accepts every open proposal as proposed (those to be put on the map wait for a click). */
  acceptAll = (): void => {
    let n = 0;
    this.decisions.forEach((d, i) => {
      if (d.status !== 'open' || d.choice === 'map') return;
      const placeId = this.placeForCandidate(this.proposals[i].candidates[Number(d.choice)], this.proposals[i].words);
      this.mention(this.proposals[i], placeId);
      this.decisions[i] = { ...d, status: 'accepted', placeId };
      n++;
    });
    this.status = `${n} accepted.`;
  };

  /** Up to 40 characters either side of a proposal, for the reader to judge it by. */
  context = (p: Proposal): { before: string; after: string } => {
    const text = this.own!.text;
    const before = text.slice(Math.max(0, p.start - 40), p.start).replace(/\s+/g, ' ');
    const after = text.slice(p.end, p.end + 40).replace(/\s+/g, ' ');
    return { before: `${p.start > 40 ? '…' : ''}${before}`, after: `${after}${p.end + 40 < text.length ? '…' : ''}` };
  };
}

export const [getDraft, setDraft] = createContext<EditorDraft>();
