/**
 * docs/data-folder.md holds the generated reference exactly as `renderDataFolderDocs()` gives it. After
 * changing the definitions, regenerate it with `UPDATE_DOCS=1 npx vitest run test/returns`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boardConfigSchema } from '../../src/config/board-config.js';
import {
  BOARD_SETTING_DOCS,
  GENERATED_END,
  GENERATED_START,
  RECOMMENDATION_FIELD_DOCS,
  generatedPartOf,
  renderDataFolderDocs,
  staleSettingDocs,
  updateDataFolderDocs,
} from '../../src/returns/data-folder-docs.js';
import { RETURNS } from '../../src/returns/definitions.js';
import { recommendationsSchema } from '../../src/returns/schemas.js';
import { CHECKS } from '../../src/validate/checks/index.js';
import { FINDING_CODES } from '../../src/validate/checks/finding-codes.js';

const DOCS = fileURLToPath(new URL('../../docs/data-folder.md', import.meta.url));

describe('docs/data-folder.md', () => {
  it('contains the generated reference exactly', () => {
    const generated = renderDataFolderDocs();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOCS, updateDataFolderDocs(readFileSync(DOCS, 'utf8'), generated));
    const text = readFileSync(DOCS, 'utf8');
    expect(text).toContain(GENERATED_START);
    expect(text).toContain(GENERATED_END);
    expect(generatedPartOf(text), 'docs/data-folder.md is out of date: run UPDATE_DOCS=1 npx vitest run test/returns').toBe(
      generated.trimEnd(),
    );
  });

  it('documents every return, column, allowed code, check and finding code', () => {
    const generated = renderDataFolderDocs();
    for (const def of RETURNS) {
      expect(generated).toContain(`\`<year>/${def.file}\``);
      for (const col of def.columns) {
        expect(generated).toContain(`| ${col.header} |`);
        for (const v of col.values ?? []) expect(generated).toContain(`\`${v.code}\``);
      }
    }
    for (const check of CHECKS) expect(generated).toContain(`| \`${check.id}\` |`);
    for (const f of FINDING_CODES) expect(generated).toContain(`| \`${f.code}\` |`);
  });

  it('has a description for every setting of board.yaml and recommendations.yaml, and none left over', () => {
    // renderDataFolderDocs throws naming any undocumented setting; stale descriptions are caught here.
    expect(() => renderDataFolderDocs()).not.toThrow();
    expect(staleSettingDocs(boardConfigSchema, BOARD_SETTING_DOCS)).toEqual([]);
    expect(staleSettingDocs(recommendationsSchema, RECOMMENDATION_FIELD_DOCS)).toEqual([]);
  });

  it('keeps the hand-written sections the issue asks for', () => {
    const text = readFileSync(DOCS, 'utf8');
    for (const heading of ['## Folder layout', '## Writing values', '## Narrative', '## How problems are reported']) {
      expect(text).toContain(heading);
    }
  });

  it('updateDataFolderDocs replaces only what lies between the markers', () => {
    const before = `intro\n${GENERATED_START}\nold\n${GENERATED_END}\noutro\n`;
    const after = updateDataFolderDocs(before, 'new\n');
    expect(after).toBe(`intro\n${GENERATED_START}\n\nnew\n\n${GENERATED_END}\noutro\n`);
    expect(generatedPartOf(after)).toBe('new');
    expect(() => updateDataFolderDocs('no markers')).toThrow(/markers/);
  });
});
