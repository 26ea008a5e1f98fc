/**
 * One preview render: the same load → validate → compute → disclose → assemble → render steps as `build`
 * makes the published edition with, and the same check that no case reference reaches the page, stopping
 * short of writing anything. It ends either in the report's HTML or in a page of findings that says why
 * the report cannot be shown. Nothing is written to the board folder or anywhere else.
 */
import path from 'node:path';
import { caseReferences, findCaseRefs } from '../disclosure/case-refs.js';
import { discloseIndicators } from '../disclosure/disclose-indicators.js';
import { loadBoard } from '../load/load-board.js';
import { assembleReport } from '../report/build-report.js';
import { NarrativeError } from '../report/narrative.js';
import { TemplateRenderError } from '../report/render-html.js';
import { TemplateError } from '../report/templates.js';
import { hasErrors, sortFindings, type Finding } from '../validate/findings.js';
import { RECONCILIATION_CODES, validateYear } from '../validate/validate-year.js';
import { findingsPageHtml } from './findings-page.js';

/** The page a render produced: the report, or the findings that stop it. */
export interface PreviewPage {
  kind: 'report' | 'findings';
  /** The complete page, before the live-reload client is added. */
  html: string;
  /** Every finding: the warnings of a report that was built, or what stops it. */
  findings: Finding[];
  /** Board names from board.yaml, else the folder's name. */
  boardName: string;
}

/** Options of a render. */
export interface RenderPreviewOptions {
  /** SOURCE_DATE_EPOCH, as `build` uses it, so the preview matches the built file. */
  sourceDateEpoch?: number | null;
}

/** A narrative, template or template-rendering problem as a finding (as `build` reports it). */
export function renderProblemFinding(error: NarrativeError | TemplateError | TemplateRenderError): Finding {
  if (error instanceof TemplateRenderError) {
    return {
      code: 'template-render-failed',
      severity: 'error',
      file: 'templates',
      message: error.message,
      hint: 'Check the partials in the board’s templates folder against the default ones.',
    };
  }
  return {
    code: error.code,
    severity: 'error',
    file: error.file,
    row: error instanceof NarrativeError ? error.line : undefined,
    value: error instanceof NarrativeError ? error.figureId : undefined,
    message: error.message,
    hint: error.hint,
  };
}

/** Render the page the preview should show for `year` of the board in `dir`. */
export async function renderPreviewPage(dir: string, year: string, options: RenderPreviewOptions = {}): Promise<PreviewPage> {
  const board = await loadBoard(dir);
  const boardName = board.config?.board.name ?? path.basename(dir);
  const lang = board.config?.publication.language;
  const findingsPage = (reason: string, findings: Finding[]): PreviewPage => ({
    kind: 'findings',
    html: findingsPageHtml({ boardName, year, reason, findings, lang }),
    findings,
    boardName,
  });

  if (!board.years.includes(year)) {
    return findingsPage(`There is no folder for ${year} in the board folder.`, [
      ...board.findings,
      {
        code: 'year-folder-missing',
        severity: 'error',
        file: year,
        message: `The folder ${year} is missing from ${dir}.`,
        hint: board.years.length ? `Years with data: ${board.years.join(', ')}. Put it back, or stop the preview and start it for another year.` : 'Put the year folder back (named like 2012-13).',
      },
    ]);
  }

  const { data, findings, years, indicators } = await validateYear(dir, year, { board });
  if (hasErrors(findings)) {
    return findingsPage(`The returns for ${year} have errors, so the report cannot be built.`, findings);
  }

  // Computed by validate, whose findings already list the reconciliation differences.
  const reconciliation = sortFindings(indicators.findings.filter((f) => !RECONCILIATION_CODES.has(f.code)));
  if (hasErrors(reconciliation)) {
    return findingsPage(`The figures for ${year} do not reconcile, so the report cannot be built.`, [...findings, ...reconciliation]);
  }

  // The published edition, suppressed as board.yaml says, as `build` makes it by default.
  const settings = board.config?.disclosure ?? { suppress: true, threshold: 5 };
  const disclosed = discloseIndicators(indicators, { edition: 'published', threshold: settings.suppress ? settings.threshold : 0, publicMeasures: board.config?.disclosure.publicMeasures });
  try {
    const assembled = await assembleReport(board, data, disclosed, { sourceDateEpoch: options.sourceDateEpoch ?? null });
    const leaks = findCaseRefs(assembled.html, caseReferences(years.values()));
    if (leaks.length > 0) {
      return findingsPage(`A case reference from the returns would appear in the ${year} report, so it is not shown.`, [
        ...findings,
        ...reconciliation,
        ...leaks.map((ref): Finding => {
          const narrative = [...data.narrative.entries()].find(([, text]) => findCaseRefs(text, [ref]).length > 0)?.[0];
          return {
            code: 'case-reference-in-output',
            severity: 'error',
            file: narrative ? `${year}/narrative/${narrative}.md` : ref.file,
            row: narrative ? undefined : ref.row,
            column: narrative ? undefined : ref.column,
            value: '(withheld)',
            message: `The ${ref.column.toLowerCase()} in ${ref.file} row ${ref.row} appears in the report. Case references must never be published.`,
            hint: narrative ? 'Take the reference out of the narrative; describe the case without it.' : 'Look for it in the narrative files, recommendations.yaml and the board’s own templates, and take it out.',
          };
        }),
      ]);
    }
    return { kind: 'report', html: assembled.html, findings: [...findings, ...reconciliation], boardName };
  } catch (error) {
    if (error instanceof NarrativeError || error instanceof TemplateError || error instanceof TemplateRenderError) {
      return findingsPage(`A narrative or template file for ${year} has a mistake, so the report cannot be built.`, [
        ...findings,
        ...reconciliation,
        renderProblemFinding(error),
      ]);
    }
    throw error;
  }
}
