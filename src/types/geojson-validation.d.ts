// `geojson-validation` ships no types; with trace=true `valid` returns the list of problems.
declare module 'geojson-validation' {
  const gjv: { valid(object: unknown, trace: true): string[] };
  export default gjv;
}
