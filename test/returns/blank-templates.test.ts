/**
 * The committed blank templates in templates/returns/ are exactly what the generator gives, so they cannot
 * drift from the definitions. Regenerate them with `UPDATE_TEMPLATES=1 npx vitest run test/returns`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/load/read-csv.js';
import { blankTemplate, blankTemplates, writeBlankTemplates } from '../../src/returns/blank-templates.js';
import { COMPARATOR_COLUMNS, PUBLISHED_FIGURES_COLUMNS, RETURNS } from '../../src/returns/definitions.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/returns/', import.meta.url));
const normaliseLineEnds = (s: string) => s.replace(/\r\n/g, '\n');

describe('blank return templates', () => {
  it('are a header row only, with every column in definition order', () => {
    const lado = RETURNS.find((r) => r.id === 'ladoReferrals')!;
    expect(blankTemplate(lado)).toBe(
      '\uFEFFReferral ref,Date received,Referral source,Sector,Nature,Work based,Outcome,Date concluded,Police involvement,Disciplinary involvement\r\n',
    );
  });

  it('quote a header that holds a comma or a quote', () => {
    const columns = [{ ...RETURNS[0]!.columns[0]!, header: 'Plan ref, new' }, { ...RETURNS[0]!.columns[1]!, header: 'Say "hi"' }];
    expect(blankTemplate({ columns })).toBe('\uFEFF"Plan ref, new","Say ""hi"""\r\n');
  });

  it.each(blankTemplates().map((t) => [t.file, t] as const))('%s reads back as a valid, empty return', (_file, t) => {
    const columns =
      RETURNS.find((r) => r.file === t.file)?.columns ??
      (t.file === 'published-figures.csv' ? PUBLISHED_FIGURES_COLUMNS : COMPARATOR_COLUMNS);
    const { table, findings } = readCsv(Buffer.from(t.content, 'utf8'), t.file, columns);
    expect(findings).toEqual([]);
    expect(table?.rows).toEqual([]);
    expect(table?.columnIndex.size).toBe(columns.length);
  });

  it('are committed in templates/returns/ exactly as generated', async () => {
    if (process.env.UPDATE_TEMPLATES === '1') await writeBlankTemplates(TEMPLATES);
    const expected = blankTemplates();
    const committed = readdirSync(TEMPLATES).filter((f) => f.endsWith('.csv')).sort();
    expect(committed).toEqual(expected.map((t) => t.file).sort());
    for (const t of expected) {
      const actual = readFileSync(path.join(TEMPLATES, t.file), 'utf8');
      expect(normaliseLineEnds(actual), `${t.file} is out of date: run UPDATE_TEMPLATES=1 npx vitest run test/returns`).toBe(
        normaliseLineEnds(t.content),
      );
    }
  });

  it('has a README for agencies that covers every template', () => {
    const readme = readFileSync(path.join(TEMPLATES, 'README.md'), 'utf8');
    for (const t of blankTemplates()) expect(readme).toContain(t.file);
  });

  it('writeBlankTemplates writes every template into a folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lscb-templates-'));
    try {
      const written = await writeBlankTemplates(path.join(dir, 'nested'));
      expect(written.map((p) => path.basename(p)).sort()).toEqual(blankTemplates().map((t) => t.file).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
