// The `edtf` package ships no types; this is the part of its API the atlas uses.
declare module 'edtf' {
  interface EdtfValue {
    min: number;
    max: number;
    precision?: number;
  }
  export default function edtf(value: string): EdtfValue;
  /** The parse tree; `type` names the kind of EDTF value (Date, Interval, Season, …). */
  export function parse(value: string): { type: string };
}
