// One problem found in the data, located well enough to fix: the file, the feature and the field.

export interface Problem {
  /** Repository-relative path, e.g. "places/fallujah.geojson". */
  file: string;
  /** The feature's id, where there is one. */
  feature?: string;
  /** Dotted field path, e.g. "properties.events[0].sources[1].quote"; or "line 3, column 5" for syntax. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.feature ?? '(no id)'} ${p.path}: ${p.message}`;
}
