/**
 * Links say where they lead: `validate` warns on an empty or non-descriptive link in the narrative at its
 * file and line, and the report gives a cross-reference's bare number an accessible name.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleReport } from '../../src/report/build-report.js';
import { linkTextProblems } from '../../src/validate/checks/link-text.js';
import { runCli } from '../cli/helpers.js';
import { copySample, loadSample } from '../report/sample.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const problems = (md: string) => linkTextProblems(md).map((p) => [p.code, p.line, p.text]);

describe('linkTextProblems', () => {
  it('finds "click here", "read more", a bare address and an empty link, each on its line', () => {
    const md = [
      'The board published its plan. [Click here](https://example.org/plan) to read it.',
      '',
      '- See the review [here](https://example.org/review).',
      '- The full text: <https://example.org/full>.',
      '',
      'Also at https://example.org/bare and [](https://example.org/empty).',
      '',
      '> [**Read more!**](https://example.org/more)',
    ].join('\n');
    expect(problems(md)).toEqual([
      ['link-text-not-descriptive', 1, 'Click here'],
      ['link-text-not-descriptive', 3, 'here'],
      ['link-text-not-descriptive', 4, 'https://example.org/full'],
      ['link-text-not-descriptive', 6, 'https://example.org/bare'],
      ['link-text-empty', 6, ''],
      ['link-text-not-descriptive', 8, 'Read more!'],
    ]);
  });

  it('accepts descriptive text, an e-mail address as its own text, and [](#label) cross-references', () => {
    const md = [
      'Read [the serious case review of Child A](https://example.org/scr) and [Ofsted’s report](https://example.org/ofsted).',
      'Write to [board@example.org](mailto:board@example.org), or board@example.org.',
      'As section [](#training) and paragraph [](#cp-review) show; see also [the training section](#training).',
      'Click here is not a link, and `[click here](https://x)` in code is not one either.',
    ].join('\n');
    expect(problems(md)).toEqual([]);
  });

  it('counts lines in a file whose links repeat, so each finding points at its own line', () => {
    expect(problems('[here](https://a)\n\n[here](https://a)\n')).toEqual([
      ['link-text-not-descriptive', 1, 'here'],
      ['link-text-not-descriptive', 3, 'here'],
    ]);
  });
});

describe('validate on the sample with badly written links', () => {
  it('warns at the narrative file and line, with the link text as the value, and still exits 0', async () => {
    const c = copySample();
    cleanups.push(c.remove);
    const file = path.join(c.dir, '2012-13', 'narrative', 'training.md');
    const before = readFileSync(file, 'utf8').split('\n').length;
    appendFileSync(file, '\nThe full programme is on the website: [click here](https://example.org/training).\n\n[](https://example.org/empty)\n');
    const r = await runCli(['validate', '2012-13', '--data', c.dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    const links = findings.filter((f) => String(f.code).startsWith('link-text')).map((f) => [f.code, f.severity, f.file, f.row, f.value]);
    expect(links).toEqual([
      ['link-text-not-descriptive', 'warning', '2012-13/narrative/training.md', before + 1, 'click here'],
      ['link-text-empty', 'warning', '2012-13/narrative/training.md', before + 3, 'https://example.org/empty'],
    ]);
  });
});

describe('links in the rendered report', () => {
  it('a cross-reference prints the number and is named for what it leads to; an empty link shows its address', async () => {
    const c = copySample();
    cleanups.push(c.remove);
    const file = path.join(c.dir, '2012-13', 'narrative', 'finance.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nTraining costs are set out in section [](#training). The accounts are at [](https://example.org/accounts).\n`);
    const s = await loadSample(c.dir);
    const html = (await assembleReport(s.board, s.data, s.indicators)).html;
    expect(html).toMatch(/section <a href="#section-training" aria-label="section \d+: Training provision">\d+<\/a>/);
    expect(html).toContain('<a href="https://example.org/accounts">https://example.org/accounts</a>');
    expect(html).not.toMatch(/<a [^>]*>\s*<\/a>/);
  });
});
