/**
 * Check: what is still to collect or write in a year started with `lscb-report init`: returns that have a
 * header but no rows, narrative still holding init's placeholder note, and "To write:" values left in
 * board.yaml or recommendations.yaml. All warnings: they say what is left to do, they do not stop a build.
 */
import { knownSection } from '../../config/sections.js';
import { isToWrite, placeholderLine } from '../../init/placeholders.js';
import { RETURN_SUPPLIERS } from '../../init/return-suppliers.js';
import { OTHER_FILES, RETURNS } from '../../returns/definitions.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';

/** Board settings `init` fills with "To write:" text. */
const BOARD_SETTINGS = ['name', 'area', 'chair', 'chairTitle', 'shortName', 'businessManager'] as const;

/** The `placeholders` check: what is still to collect or write, as warnings. */
export const placeholders: Check = {
  id: 'placeholders',
  description: 'Lists what is still to collect or write: empty returns, placeholder narrative and "To write:" values.',
  run({ board, data }) {
    const findings: Finding[] = [];
    const year = data.year.label;
    const titleOf = (id: string) => board.sections.find((s) => s.id === id)?.title ?? knownSection(id)?.title ?? id;
    const configured = new Set(board.sections.map((s) => s.id));

    for (const def of RETURNS) {
      const rows = data.returns[def.id];
      if (!Array.isArray(rows) || rows.length > 0) continue;
      // A file whose rows all failed to parse has errors already; "no rows" is only for a bare header.
      const file = `${year}/${def.file}`;
      if (data.findings.some((f) => f.file === file && f.severity === 'error')) continue;
      const feeds = def.sections.filter((s) => configured.has(s));
      findings.push({
        code: 'return-empty',
        severity: 'warning',
        file,
        message: `"${def.title}" has no rows yet: collect this return from ${RETURN_SUPPLIERS[def.id]}.`,
        hint:
          (feeds.length > 0
            ? `It feeds the report sections ${feeds.map((s) => `"${titleOf(s)}"`).join(', ')}, which show its figures as not available while it has no rows. `
            : 'No configured report section uses it. ') +
          `Fill in ${def.grain} (${year}/README.md lists the columns and an example row). ` +
          'If it cannot be supplied, say why in the section\'s narrative.',
      });
    }

    for (const [id, text] of data.narrative) {
      const line = placeholderLine(text);
      if (line === null) continue;
      const guidance = knownSection(id)?.guidance;
      findings.push({
        code: 'narrative-placeholder',
        severity: 'warning',
        file: `${year}/${OTHER_FILES.narrativeDir}/${id}.md`,
        row: line,
        message: `The narrative for "${titleOf(id)}" is still the placeholder from init.`,
        hint: `${guidance ? `Write what the section should show: ${guidance} ` : ''}Then delete the placeholder line and the "To write" note.`,
      });
    }

    const objectives = data.recommendations?.objectives ?? [];
    const unwritten = objectives.filter((o) => isToWrite(o.title) || o.recommendations.some((r) => isToWrite(r.text)));
    if (unwritten.length > 0) {
      findings.push({
        code: 'recommendations-placeholder',
        severity: 'warning',
        file: `${year}/${OTHER_FILES.recommendations}`,
        message: `The recommendations still hold placeholder text (objective${unwritten.length === 1 ? '' : 's'} ${unwritten.map((o) => o.number).join(', ')}).`,
        hint: 'Replace every value starting "To write:" with the board\'s own objectives and recommendations; the comments in the file show the shape.',
      });
    }

    const settings = board.config?.board;
    if (settings) {
      for (const key of BOARD_SETTINGS) {
        if (!isToWrite(settings[key])) continue;
        findings.push({
          code: 'config-placeholder',
          severity: 'warning',
          file: OTHER_FILES.boardConfig,
          column: `board.${key}`,
          value: settings[key],
          message: `The setting board.${key} still holds the placeholder text from init.`,
          hint: 'Replace it with the real value; it is printed in the report.',
        });
      }
    }
    // A partnership's three statutory partners (and any relevant agency) `init --kind partnership` leaves to write.
    const partners = board.config?.partners;
    if (partners) {
      const named: [string, string][] = [
        ['partners.localAuthority', partners.localAuthority],
        ['partners.police', partners.police],
        ['partners.health', partners.health],
        ...partners.relevantAgencies.map((a, i): [string, string] => [`partners.relevantAgencies[${i}]`, a]),
      ];
      for (const [column, value] of named) {
        if (!isToWrite(value)) continue;
        findings.push({
          code: 'config-placeholder',
          severity: 'warning',
          file: OTHER_FILES.boardConfig,
          column,
          value,
          message: `The setting ${column} still holds the placeholder text from init.`,
          hint: 'Replace it with the partner\'s name as the arrangements give it; it is printed in the report and on the cover paper.',
        });
      }
    }
    return findings;
  },
};
