import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { SAMPLE_DIR } from '../report/sample.js';

const HTML = 'calderdale-safeguarding-children-board-at-a-glance-2012-13.html';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lscb-glance-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('lscb-report glance', () => {
  it('--format html writes the page and never looks for a browser', async () => {
    const out = scratch();
    const r = await runCli(['glance', '2012-13', '--data', SAMPLE_DIR, '--out', out, '--format', 'html', '--browser', '/no/such/chrome']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Printing');
    expect(readdirSync(out)).toEqual([HTML]);
    const html = readFileSync(path.join(out, HTML), 'utf8');
    expect(html).toContain('<title>Calderdale Safeguarding Children Board: 2012-13 at a glance</title>');
    expect(html.match(/<li class="glance-card /g)).toHaveLength(10);
  });

  it('--id chooses the figures, in order', async () => {
    const out = scratch();
    const r = await runCli(['glance', '2012-13', '--data', SAMPLE_DIR, '--out', out, '--format', 'html', '--id', 'lado.referrals,cp.reviewed_in_time_pct']);
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(out, HTML), 'utf8');
    const titles = [...html.matchAll(/class="glance-card-title glance-no-bookmark">([^<]*)</g)].map((m) => m[1]);
    expect(titles).toEqual(['Allegations referred to the LADO', 'Plans reviewed on time (%)']);
  });

  it('an unknown --id is a usage error naming the nearest id, before any work', async () => {
    const r = await runCli(['glance', '2012-13', '--data', SAMPLE_DIR, '--format', 'html', '--id', 'lado.referals']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"lado.referals" is not an indicator.');
    expect(r.stderr).toContain('lado.referrals');
    expect(r.stderr).not.toContain('Validating');
  });

  it('a year without data is a usage error', async () => {
    const r = await runCli(['glance', '2013-14', '--data', SAMPLE_DIR, '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no data for 2013-14');
  });

  it('without a browser: exit 3, the HTML still written', async () => {
    const out = scratch();
    const r = await runCli(['glance', '2012-13', '--data', SAMPLE_DIR, '--out', out, '--browser', '/no/such/chrome']);
    expect(r.code).toBe(3);
    expect(readdirSync(out)).toEqual([HTML]);
  });
});
