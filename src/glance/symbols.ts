/**
 * The verdict symbols: one shape per verdict (tick in a circle, warning triangle, equals sign in a square,
 * minus in a ring, dashed ring), so the verdict can be told apart in black and white and by people who
 * cannot tell red from green. Each is drawn beside its word, so the symbol is hidden from assistive
 * technology (the word is read instead) and from the PDF's tags. Constant markup, never built from data.
 */
import type { Verdict } from './headline.js';

const svg = (body: string): string =>
  `<svg class="glance-symbol" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${body}</svg>`;

const SYMBOLS: Record<Verdict, string> = {
  improved: svg('<circle cx="8" cy="8" r="7.5" fill="currentColor"/><path d="M4.4 8.4l2.4 2.4 4.9-5.3" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'),
  worsened: svg('<path d="M8 .9l7.4 13.6H.6z" fill="currentColor"/><path d="M8 5.6v4.3" stroke="#fff" stroke-width="2" stroke-linecap="round"/><circle cx="8" cy="12.3" r="1.1" fill="#fff"/>'),
  unchanged: svg('<rect x="1" y="1" width="14" height="14" rx="2" fill="currentColor"/><path d="M4.5 6.3h7M4.5 9.7h7" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/>'),
  'not-rated': svg('<circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M4.8 8h6.4" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>'),
  'no-comparison': svg('<circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="2.6 2"/>'),
};

/** The inline SVG for a verdict (trusted constant markup). */
export function verdictSymbol(verdict: Verdict): string {
  return SYMBOLS[verdict];
}
