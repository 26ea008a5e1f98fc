/**
 * Pathological Markdown answers with a finding or a render, never a parse that runs for minutes or
 * exhausts the memory. Asserted by outcome (exit code and findings), never by a duration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NARRATIVE_MAX_BYTES } from '../../src/load/narrative-limits.js';
import { renderNarrative } from '../../src/report/narrative.js';
import { runCli } from '../cli/helpers.js';
import { BoardFiles } from '../corpus/board-files.js';

const BASE = fileURLToPath(new URL('../corpus/base/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'lscb-md-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const NARRATIVE = '2012-13/narrative/priority-groups.md';

async function validateWith(name: string, text: string) {
  const board = BoardFiles.fromDir(BASE);
  board.setText(NARRATIVE, text);
  const dir = path.join(work, name);
  board.writeTo(dir);
  const r = await runCli(['validate', '2012-13', '--data', dir, '--format', 'json']);
  expect(r.stderr).not.toMatch(/^ {4}at /m);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: { code: string; file: string; row: number | null }[] }).findings };
}

describe('pathological narrative', () => {
  it('8 KB of "[1](" renders (the parser no longer takes cubic time on it)', () => {
    const { html } = renderNarrative('[1]('.repeat(2048), { sectionNumber: 1 });
    expect(html).toContain('[1](');
  });

  it('8 KB of "[1](" through validate gives an answer, not a hang', async () => {
    const r = await validateWith('links', '[1]('.repeat(2048));
    expect([0, 1]).toContain(r.code);
  });

  it('a list nested 3,000 deep is a finding naming the line, and nothing parses it', async () => {
    const deep = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    const r = await validateWith('deep', deep.slice(0, NARRATIVE_MAX_BYTES - 1));
    expect(r.code).toBe(1);
    expect(r.findings.filter((f) => f.file === NARRATIVE).map((f) => [f.code, f.row])).toEqual([['narrative-too-deep', 41]]);
  });

  it('quotes nested 1,000 deep are a finding', async () => {
    const r = await validateWith('quotes', `${'>'.repeat(1000)} x\n`);
    expect(r.findings.filter((f) => f.file === NARRATIVE).map((f) => f.code)).toEqual(['narrative-too-deep']);
  });

  it('a narrative file larger than the limit is a finding, not a parse', async () => {
    const r = await validateWith('large', '*a'.repeat(NARRATIVE_MAX_BYTES));
    expect(r.code).toBe(1);
    expect(r.findings.filter((f) => f.file === NARRATIVE).map((f) => f.code)).toEqual(['narrative-too-large']);
  });

  it('ordinary nesting (lists four deep, a quote in a list) is read as usual', async () => {
    const r = await validateWith('ordinary', '# Priorities\n\n- one\n  - two\n    - three\n      - four\n- > quoted\n');
    expect(r.findings.filter((f) => f.file === NARRATIVE && /narrative-too/.test(f.code))).toEqual([]);
  });
});
