/**
 * The cover paper and the glance are published documents: they go through the published edition's
 * disclosure control as board.yaml sets it, and never print a case reference from the returns.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { discloseIndicators } from '../../src/disclosure/disclose-indicators.js';
import { headlineFigures } from '../../src/glance/headline.js';
import type { IndicatorReport } from '../../src/indicators/types.js';
import { runCli } from '../cli/helpers.js';
import { copySample, loadSample } from '../report/sample.js';
import { rewordTypedSmallCounts } from '../trust/support.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function sample(): string {
  const c = copySample();
  cleanups.push(c.remove);
  return c.dir;
}

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lscb-cover-disclosure-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Turn suppression on in a copy of the sample, with `threshold`. */
function suppressing(dir: string, threshold: number): void {
  const file = path.join(dir, 'board.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/disclosure:\n  suppress: false\n  threshold: 5/, `disclosure:\n  suppress: true\n  threshold: ${threshold}`));
  // The published edition refuses the small counts the sample's narrative types, as a build would.
  rewordTypedSmallCounts(dir);
}

let indicators: IndicatorReport;
beforeAll(async () => {
  ({ indicators } = await loadSample());
});

describe('headline figures after disclosure control', () => {
  it('a suppressed figure shows [c], its change is not published, and a note says why', () => {
    const disclosed = discloseIndicators(indicators, { edition: 'published', threshold: 20 });
    const [deaths] = headlineFigures(disclosed, ['cdop.deaths_notified']).figures;
    expect(deaths).toMatchObject({ value: '[c]', change: 'not published', verdict: 'no-comparison' });
    expect(deaths!.valueReason).toMatch(/^suppressed/);
  });
});

describe('cover and glance apply the board’s disclosure settings', () => {
  it('with suppression on, a small count never reaches the glance', async () => {
    const dir = sample();
    suppressing(dir, 20);
    const out = scratch();
    const r = await runCli(['glance', '2012-13', '--data', dir, '--out', out, '--format', 'html', '--id', 'cdop.deaths_notified,lado.referrals']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Disclosure control: \d+ figures? shown as \[c\]/);
    const html = readFileSync(path.join(out, readdirSync(out)[0]!), 'utf8');
    const card = /Child deaths notified[\s\S]*?<\/li>/.exec(html)![0];
    expect(card).toContain('[c]');
    expect(card).not.toMatch(/>17\b|\b17</);
    expect(html).toContain('144');
  });

  it('with suppression on, the cover paper’s live figures and tables show [c]', async () => {
    const dir = sample();
    suppressing(dir, 20);
    const out = scratch();
    const r = await runCli(['cover', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(out, readdirSync(out)[0]!), 'utf8');
    expect(html).toContain('[c] deaths of children were notified');
    expect(html).not.toContain('17 deaths');
  });
});

describe('no case reference is ever published', () => {
  it('a case reference in the cover paper’s words stops it: exit 1, nothing written, the reference not repeated', async () => {
    const dir = sample();
    const file = path.join(dir, '2012-13', 'cover-paper.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('The report gives a frank account', 'Referral L-0002 shows it. The report gives a frank account'));
    const out = scratch();
    const r = await runCli(['cover', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    expect(r.stderr).toContain('[case-reference-in-output]');
    expect(r.stderr).toContain('2012-13/lado-referrals.csv row 3');
    expect(r.stderr).toContain('Take it out of 2012-13/cover-paper.yaml');
    expect(r.stderr).not.toContain('L-0002');
  });
});
