import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCoverPaper } from '../../src/cover/load-cover-paper.js';
import { starterCoverPaperYaml } from '../../src/cover/starter.js';
import { runCli } from '../cli/helpers.js';
import { copySample } from '../report/sample.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('starterCoverPaperYaml', () => {
  it('is a valid paper whose words still to write are warnings, on their lines', () => {
    const text = starterCoverPaperYaml({ year: '2013-14' });
    const { paper, findings } = checkCoverPaper(text, '2013-14/cover-paper.yaml');
    expect(paper).not.toBeNull();
    expect(findings.every((f) => f.severity === 'warning' && f.code === 'cover-paper-placeholder')).toBe(true);
    expect(findings.map((f) => f.column)).toEqual(['meeting.board', 'reportOf', 'contacts.0.name', 'contacts.1.name', 'purpose', 'keyIssues', 'actions.0']);
    const lines = text.split('\n');
    expect(findings.map((f) => lines[f.row! - 1]!.trim().split(':')[0])).toEqual(['board', 'reportOf', '- name', '- name', 'purpose', 'keyIssues', '- "To write']);
    expect(paper!.meeting.date).toBe('2014-09-30');
  });

  it('fills in the people it is told about', () => {
    const text = starterCoverPaperYaml({ year: '2012-13', boardName: 'Calderdale Safeguarding Children Board', chair: 'Jane Booth', businessManager: 'Bernadette Johansen' });
    const { paper, findings } = checkCoverPaper(text, 'x');
    expect(paper!.contacts.map((c) => [c.name, c.role, c.organisation])).toEqual([
      ['Jane Booth', 'Independent Chair', 'Calderdale Safeguarding Children Board'],
      ['Bernadette Johansen', 'Business Manager', 'Calderdale Safeguarding Children Board'],
    ]);
    expect(paper!.reportOf).toBe('Jane Booth, Independent Chair');
    expect(findings.map((f) => f.column)).toEqual(['meeting.board', 'purpose', 'keyIssues', 'actions.0']);
  });

  it('makes a paper, with the placeholders listed as warnings', async () => {
    const c = copySample();
    cleanups.push(c.remove);
    writeFileSync(path.join(c.dir, '2012-13', 'cover-paper.yaml'), starterCoverPaperYaml({ year: '2012-13' }));
    const out = path.join(c.dir, 'out');
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const r = await runCli(['cover', '2012-13', '--data', c.dir, '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[cover-paper-placeholder]');
    expect(r.stderr).toContain('0 errors, 7 warnings in 2012-13/cover-paper.yaml; making the cover paper anyway.');
  });
});
