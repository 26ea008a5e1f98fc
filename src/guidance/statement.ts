/**
 * The printed statement "How this report meets the statutory guidance": the guidance check of a year, as
 * rows the `appendix-guidance` partial renders - each requirement, its paragraph, and the sections of this
 * report that meet it (linked), or that it is not met and the reason the board recorded.
 */
import type { BoardData, YearData } from '../load/load-board.js';
import { evaluateGuidance } from './evaluate.js';

/** A section of the report as the statement links to it. */
export interface StatementSectionRef {
  id: string;
  anchor: string;
  label: string;
  title: string;
}

/** One requirement in the statement. */
export interface StatementRow {
  id: string;
  text: string;
  reference: string;
  met: boolean;
  links: StatementSectionRef[];
  /** For a requirement about recipients: who the report was sent to. */
  sentTo: string;
  /** Why it is not met: the board's reason, or a note that none was recorded. */
  reason: string;
}

/** The statement as data. */
export interface GuidanceStatementModel {
  editionTitle: string;
  year: string;
  metCount: number;
  total: number;
  rows: StatementRow[];
}

/** Build the statement for a year; null when board.yaml names no (known) guidance edition. */
export function guidanceStatement(board: BoardData, data: YearData, sections: readonly StatementSectionRef[]): GuidanceStatementModel | null {
  const result = evaluateGuidance(board, data);
  if (!result) return null;
  const rows = result.results.map((r): StatementRow => ({
    id: r.requirement.id,
    text: r.requirement.text,
    reference: r.requirement.reference,
    met: r.met,
    links: r.metIn.flatMap((m) => sections.filter((s) => s.id === m.id)),
    sentTo: r.met && r.requirement.evidence.recipients ? `sent to ${result.edition.recipients.map((x) => x.title).join(', ')}` : '',
    reason: r.met ? '' : (r.reason ?? 'no reason has been recorded'),
  }));
  return { editionTitle: result.edition.title, year: data.year.label, metCount: rows.filter((r) => r.met).length, total: rows.length, rows };
}
