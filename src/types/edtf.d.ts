// The `edtf` package ships no types; this is the part of its API the atlas uses.
declare module 'edtf' {
  interface EdtfValue {
    type: 'Date' | 'Interval' | 'Season' | 'Set' | 'List' | 'Century' | 'Decade' | 'Year';
    min: number;
    max: number;
    precision?: number;
  }
  export default function edtf(value: string): EdtfValue;
}
