// What "Cite" was asked for (issue 42): the view on screen, or a quote by its text and offset. Set
// by the header's "Cite this view" and a quote card's "Cite"; the page opens CiteDialog.svelte
// while it is set. Module state, so a panel need not know whether the dialog has loaded.
export type CiteRequest = { kind: 'view' } | { kind: 'quote'; doc: string; start: number; words: string };

export const citeRequest = $state<{ current: CiteRequest | null }>({ current: null });
