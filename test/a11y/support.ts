/**
 * What the accessibility tests need: a browser (no poppler: nothing here reads a PDF), axe-core run inside
 * the page, and a measure of what sticks out of the viewport. Outside CI a machine without a browser skips
 * the suites with a reason; in CI (CI=true) a missing browser fails them, never a skip.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { describe } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';

const IN_CI = process.env.CI === 'true';
const browserPath = findBrowser({ env: process.env })?.path ?? null;

/** `describe` for suites that drive a real browser: skipped with a reason locally, failing in CI. */
export function describeInBrowser(name: string, body: () => void): void {
  if (browserPath === null && !IN_CI) describe.skip(`${name} [skipped: no Chrome, Chromium or Edge found; set CHROME_PATH]`, body);
  else describe(name, body);
}

/** The browser to test with; throws (failing the suite) when there is none, which only happens in CI. */
export function a11yBrowserPath(): string {
  if (browserPath === null) throw new Error('The accessibility tests need Chrome, Chromium or Edge in CI (set CHROME_PATH or install chromium).');
  return browserPath;
}

/** One axe violation, summarised: rule, impact, what it asks, and up to three elements. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Rules switched off, each with its reason. Kept empty on purpose: every axe rule applies, at every
 * impact, so "minor" and "moderate" findings fail the test too. Add a rule here only with the reason.
 */
export const DISABLED_AXE_RULES: Record<string, string> = {};

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Run axe-core on the page as it stands, against WCAG 2.0, 2.1 and 2.2 A and AA and axe's best practices.
 * The page's Content-Security-Policy forbids scripts, so the caller opens it with CSP bypassed.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const disabled = Object.keys(DISABLED_AXE_RULES);
  const result = (await page.evaluate(async (off: string[]) => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
    return axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])),
    });
  }, disabled)) as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** What overflows the viewport: the page's own scroll width, and each element that sticks out. */
export interface Overflow {
  viewport: number;
  scrollWidth: number;
  /** Elements whose box goes past the left or right edge, outside any region that scrolls or clips. */
  outside: string[];
}

/**
 * Measure the page at its current viewport. An element counts as outside when its box reaches left of 0
 * or right of the viewport and no ancestor scrolls or clips it sideways (a wide table inside its own
 * scrolling region is fine: the region is inside the page). Visually hidden elements (clipped to 1 px),
 * elements of no size and a skip link parked off screen until it has focus are ignored.
 */
export async function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const clipsSideways = (el: Element): boolean => {
      const s = getComputedStyle(el);
      return s.overflowX !== 'visible' || s.clip !== 'auto' || s.clipPath !== 'none';
    };
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
    };
    const outside: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      // A skip link waits off screen until it has focus; that is its design, not an overflow.
      if (el.classList.contains('skip-link') && document.activeElement !== el) continue;
      if (r.left >= -0.5 && r.right <= viewport + 0.5) continue;
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (clipsSideways(a)) {
          clipped = true;
          break;
        }
      }
      if (!clipped) outside.push(`${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
    }
    return { viewport, scrollWidth: document.documentElement.scrollWidth, outside: outside.slice(0, 10) };
  });
}
