// Where "Add to chapter" puts a quote (issue 41): the tour being made, while its editor is open.
// The editor sets it on opening and clears it on closing; a quote card offers the button only
// while it is set. Module state, so the place panel need not know whether the editor has loaded.
export interface ChapterTarget {
  /** What the button says: "Add to chapter 3". */
  label: string;
  /** Adds the quote ("<doc>@<start>") to the chapter, and rings its place there. */
  add: (ref: string, placeId: string) => void;
}

export const chapterTarget = $state<{ current: ChapterTarget | null }>({ current: null });
