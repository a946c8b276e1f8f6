// Source and layer ids, in one place so components never spell them out.
export const sources = {
  countries: 'countries',
  countryLabels: 'country_labels',
  coast: 'coast',
  rivers: 'rivers',
  lakes: 'lakes',
  waterLabels: 'water_labels',
  governorates: 'governorates',
  governorateLabels: 'governorate_labels',
  places: 'places',
  placeShapes: 'place_shapes',
  /** Added by MapView while a figure is being prepared. */
  printFrame: 'print_frame',
  /** Added by MapView while a collection server is named (npm run db -- serve). */
  server: 'server',
} as const;

export const layers = {
  background: 'background',
  countriesFill: 'countries_fill',
  lakesFill: 'lakes_fill',
  lakesEdge: 'lakes_edge',
  /** WDBII levels 0–1 (double-lined and major rivers). */
  riversMajor: 'rivers_major_line',
  /** Level 2. */
  riversMinor: 'rivers_minor_line',
  /** Level 3, fainter while zoomed out. */
  riversFaint: 'rivers_faint_line',
  coast: 'coast_line',
  countriesBorder: 'countries_border',
  countriesLabel: 'countries_label',
  waterLabel: 'water_label',
  riversLabel: 'rivers_label',
  lakesLabel: 'lakes_label',
  governoratesFill: 'governorates_fill',
  controlFill: 'control_fill',
  controlLeadUs: 'control_lead_us',
  controlLeadUk: 'control_lead_uk',
  controlLeadPl: 'control_lead_pl',
  controlLeadKr: 'control_lead_kr',
  displacementCircle: 'displacement_circle',
  selectedArea: 'selected_area',
  governoratesLine: 'governorates_line',
  governoratesLabel: 'governorates_label',
  placeLines: 'places_line',
  placesCircle: 'places_circle',
  /** The shipped events (a custom layer, added by MapView under the place dots). */
  eventsCircle: 'events_circle',
  selectedCircle: 'selected_circle',
  highlightCircle: 'highlight_circle',
  placesLabel: 'places_label',
  highlightLabel: 'highlight_label',
  printFrameMask: 'print_frame_mask',
  /** A reader's imported events (a custom layer, added by MapView). */
  importedEvents: 'imported_events',
  serverCells: 'server_cells',
  serverPoints: 'server_points',
  printFrameLine: 'print_frame_line',
} as const;

/** The map's global state: the selection, read by layer filters, and whether control is shown (global-state). */
export const state = {
  selected: 'selected',
  selectedAreas: 'selectedAreas',
  highlighted: 'highlighted',
  /** Control is shown: the governorates' names carry their leads' words (style/layers.ts). */
  control: 'control',
} as const;
