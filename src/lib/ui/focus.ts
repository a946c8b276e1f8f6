// Keyboard focus for overlays and for what replaces a control (issue 15): a dialog takes focus,
// keeps Tab inside, closes on Escape and gives focus back to what opened it; a control that
// appears in place of the one just pressed takes focus, so it never falls to <body>.
import type { Action } from 'svelte/action';

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What can take focus inside `root`, in document order, leaving out what is hidden. */
const tabStops = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.getClientRects().length > 0);

/** Gives focus back to `opener` if it is still on the page, else to `fallback` (a selector). */
export function returnFocus(opener: Element | null, fallback: string): void {
  const target = opener instanceof HTMLElement && opener.isConnected ? opener : document.querySelector<HTMLElement>(fallback);
  target?.focus();
}

/**
 * A modal overlay: focus moves in (to `initial`, a selector inside, or the first tab stop), Tab and
 * Shift+Tab wrap around inside, Escape calls `onclose`, and focus goes back to the opener when the
 * overlay goes (or to `fallback` if the opener has gone too).
 */
export const trapFocus: Action<HTMLElement, { onclose: () => void; initial?: string; fallback: string }> = (node, options) => {
  let current = options;
  const opener = document.activeElement;
  const start = (current.initial && node.querySelector<HTMLElement>(current.initial)) || tabStops(node)[0] || node;
  start.focus();

  function onkeydown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      current.onclose();
      return;
    }
    if (e.key !== 'Tab') return;
    const stops = tabStops(node);
    if (!stops.length) return;
    const [first, last] = [stops[0], stops.at(-1)!];
    if (e.shiftKey && (document.activeElement === first || !node.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (document.activeElement === last || !node.contains(document.activeElement))) {
      e.preventDefault();
      first.focus();
    }
  }
  node.addEventListener('keydown', onkeydown);
  return {
    update: (next) => (current = next),
    destroy: () => {
      node.removeEventListener('keydown', onkeydown);
      // After the overlay has left the page, so the opener is not hidden behind it.
      queueMicrotask(() => returnFocus(opener, current.fallback));
    },
  };
};

/** Focus the element when it appears (a control that replaces the one just pressed). */
export const focusOnMount: Action<HTMLElement> = (node) => {
  node.focus();
};
