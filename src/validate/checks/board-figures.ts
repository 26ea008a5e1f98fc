/**
 * Check: the board's own tables and charts (tables.yaml) name real things. Each row must be an indicator
 * (the tool's, or one of the board's own from indicators.yaml), each id used once and outside the built-in
 * figures' names, a chart's type bar or line (a bar chart draws one indicator), comparators known, the
 * section it falls back to in the report, and the figure shown somewhere. Findings carry the line in
 * tables.yaml.
 */
import { closest } from 'fastest-levenshtein';
import { catalogueOf, suggestIndicatorId } from '../../indicators/catalogue.js';
import { OTHER_FILES } from '../../returns/definitions.js';
import {
  BOARD_FIGURES_FILE,
  BUILT_IN_COMPARATOR_TABLES,
  BUILT_IN_FIGURE_SECTIONS,
  CHART_TYPES,
  COMPARATOR_COLUMNS,
  PLACE_MARKER,
  rowOfDeclaration,
} from '../../report/figure-declarations.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';

/** Every placement marker in the year's narrative: `table:<id>` / `chart:<id>`. */
function placedKeys(narrative: Map<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const text of narrative.values()) {
    for (const line of text.split('\n')) {
      const m = PLACE_MARKER.exec(line);
      if (m) keys.add(`${m[1]!.toLowerCase()}:${m[2]}`);
    }
  }
  return keys;
}

/** Located findings for tables.yaml. */
export const boardFigures: Check = {
  id: 'board-figures',
  description:
    'The board\'s own tables and charts (tables.yaml) name indicators that exist, use each id once and outside the built-in figures\' names, ask for a bar or line chart (a bar chart draws one indicator), known comparators and a section of the report, and are placed somewhere.',
  run({ board, data }) {
    const declared = board.figures;
    if (!declared) return [];
    const findings: Finding[] = [];
    const known = new Set(catalogueOf(board).map((d) => d.id));
    const sections = new Set(board.sections.map((s) => s.id));
    const placed = placedKeys(data.narrative);
    const add = ({ severity, code }: Pick<Finding, 'severity' | 'code'>, keyPath: (string | number)[], value: string, message: string, hint: string) =>
      findings.push({ code, severity, file: BOARD_FIGURES_FILE, row: declared.lineOf(keyPath), column: keyPath.join('.'), value, message, hint });

    for (const kind of ['tables', 'charts'] as const) {
      const one = kind === 'tables' ? 'table' : 'chart';
      const seen = new Map<string, number>();
      declared[kind].forEach((decl, i) => {
        const namespace = decl.id.slice(0, decl.id.lastIndexOf('.'));
        if (seen.has(decl.id)) {
          add({ severity: 'error', code: 'figure-id-duplicate' }, [kind, i, 'id'], decl.id, `The ${one} "${decl.id}" is declared twice in ${BOARD_FIGURES_FILE} (also as ${kind}[${seen.get(decl.id)}]).`, `Give each ${one} its own id.`);
        } else if (BUILT_IN_FIGURE_SECTIONS.includes(namespace)) {
          add({ severity: 'error', code: 'figure-id-duplicate' }, [kind, i, 'id'], decl.id, `"${decl.id}" is in the namespace of the built-in figures of the section "${namespace}", so it could be taken for one of them.`, `Name the board's own ${one} in a namespace of its own, such as local.${decl.id.slice(decl.id.lastIndexOf('.') + 1)}.`);
        }
        seen.set(decl.id, i);

        decl.rows.forEach((row, r) => {
          const { id } = rowOfDeclaration(row);
          if (known.has(id)) return;
          add({ severity: 'error', code: 'figure-indicator-unknown' },
            [kind, i, 'rows', r, ...(typeof row === 'string' ? [] : ['id'])],
            id,
            `The ${one} "${decl.id}" has the row "${id}", which is not an indicator.`,
            `Did you mean "${suggestIndicatorId(id, [...known])}"? Rows are indicator ids: \`lscb-report indicators --list --data <board>\` lists the tool's and the board's own (indicators.yaml).`,
          );
        });

        if ('type' in decl) {
          if (!(CHART_TYPES as readonly string[]).includes(decl.type)) {
            add({ severity: 'error', code: 'figure-chart-type-unknown' }, [kind, i, 'type'], decl.type, `The chart "${decl.id}" asks for a "${decl.type}" chart, which the tool does not draw.`, `Did you mean "${closest(decl.type, [...CHART_TYPES])}"? Chart types: ${CHART_TYPES.join(', ')}.`);
          } else if (decl.type === 'bar' && decl.rows.length > 1) {
            add({ severity: 'error', code: 'figure-chart-type-unknown' }, [kind, i, 'rows'], String(decl.rows.length), `The bar chart "${decl.id}" has ${decl.rows.length} rows, but a bar chart draws one indicator over the years.`, 'Keep one row, or make it a line chart (type: line), which draws a line for each indicator.');
          }
        } else {
          (Array.isArray(decl.comparators) ? decl.comparators : []).forEach((c, k) => {
            if ((COMPARATOR_COLUMNS as readonly string[]).includes(c)) return;
            add({ severity: 'error', code: 'figure-comparator-unknown' }, [kind, i, 'comparators', k], c, `The table "${decl.id}" asks for the comparator "${c}", which is not one of the tool's.`, `Did you mean "${closest(c, [...COMPARATOR_COLUMNS])}"? Comparators: ${COMPARATOR_COLUMNS.join(', ')} (their figures come from aggregates/comparators.csv or indicators.yaml).`);
          });
        }

        const isPlaced = placed.has(`${one}:${decl.id}`);
        if (decl.section !== undefined && !sections.has(decl.section)) {
          add({ severity: 'warning', code: 'figure-section-unknown' }, [kind, i, 'section'], decl.section, `The ${one} "${decl.id}" belongs to the section "${decl.section}", which is not in the report (board.yaml sections).`, `Name a section of the report${sections.size ? `, e.g. ${closest(decl.section, [...sections])}` : ''}, or place the ${one} in a narrative with <!-- ${one}: ${decl.id} -->.`);
        } else if (decl.section === undefined && !isPlaced) {
          add({ severity: 'warning', code: 'figure-unplaced' }, [kind, i, 'id'], decl.id, `The ${one} "${decl.id}" is not placed in any narrative of ${data.year.label} and names no section, so the report does not show it.`, `Put the line <!-- ${one}: ${decl.id} --> in a file in ${data.year.label}/${OTHER_FILES.narrativeDir}/ where it should go, or give it a section.`);
        }
      });
    }

    // Comparator columns of the tool's own tables: a table that can show them, and comparators the tool knows.
    for (const [id, setting] of Object.entries(declared.comparators ?? {})) {
      if (!BUILT_IN_COMPARATOR_TABLES.includes(id)) {
        add({ severity: 'error', code: 'figure-comparator-unknown' }, ['comparators', id], id, `${BOARD_FIGURES_FILE} sets the comparators of "${id}", which is not one of the tool's tables with comparator columns.`, `Did you mean "${closest(id, [...BUILT_IN_COMPARATOR_TABLES])}"? Tables with comparator columns: ${BUILT_IN_COMPARATOR_TABLES.join(', ')}. A table of your own sets comparators in its own entry under tables.`);
        continue;
      }
      (Array.isArray(setting) ? setting : []).forEach((c, k) => {
        if ((COMPARATOR_COLUMNS as readonly string[]).includes(c)) return;
        add({ severity: 'error', code: 'figure-comparator-unknown' }, ['comparators', id, k], c, `${BOARD_FIGURES_FILE} asks for the comparator "${c}" in "${id}", which is not one of the tool's.`, `Did you mean "${closest(c, [...COMPARATOR_COLUMNS])}"? Comparators: ${COMPARATOR_COLUMNS.join(', ')}.`);
      });
    }
    return findings;
  },
};
