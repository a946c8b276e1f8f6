// Source and layer ids, in one place so components never spell them out.
export const sources = {
  governorates: 'governorates',
  places: 'places',
} as const;

export const layers = {
  background: 'background',
  governoratesFill: 'governorates_fill',
  governoratesLine: 'governorates_line',
  governoratesLabel: 'governorates_label',
  placeAreas: 'places_area',
  placesCircle: 'places_circle',
  placesLabel: 'places_label',
} as const;
