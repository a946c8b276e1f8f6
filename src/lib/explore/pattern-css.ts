// A legend swatch drawn with CSS in the same pattern the map fills with (map/patterns.ts), over the
// colour it lies on, so the legend shows exactly what the map does.
import type { PatternKind } from '../look/leads.ts';

export function patternCss(kind: PatternKind, colour: string, base: string): string {
  switch (kind) {
    case 'horizontal':
      return `repeating-linear-gradient(0deg, ${colour} 0 1.5px, transparent 1.5px 4px), ${base}`;
    case 'vertical':
      return `repeating-linear-gradient(90deg, ${colour} 0 1.5px, transparent 1.5px 4px), ${base}`;
    case 'diagonal':
      return `repeating-linear-gradient(45deg, ${colour} 0 1.5px, transparent 1.5px 4px), ${base}`;
    case 'dots':
      return `radial-gradient(circle, ${colour} 1.2px, transparent 1.4px) 0 0 / 4px 4px, ${base}`;
  }
}
