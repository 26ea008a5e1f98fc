/**
 * Who the statutory guidance says receives the report, for the cover paper: the recipients of the board's
 * guidance edition (board.yaml guidance.edition), or of the latest edition for its kind of body when it
 * names none - a board's report goes to the chief executive, the leader of the council, the police and
 * crime commissioner and the chair of the health and wellbeing board (Working Together 2015, chapter 3,
 * paragraph 16); a partnership's to the national panel and the What Works centre, within the time the
 * guidance sets. Each is marked as sent when publication.years.<year>.sentTo lists it.
 */
import { catalogue, guidanceEdition, type GuidanceEdition } from '../guidance/catalogue.js';
import type { BoardData } from '../load/load-board.js';

/** One recipient as the cover paper shows it. */
export interface CoverRecipient {
  title: string;
  /** The time limit, in words, or ''. */
  within: string;
  sent: boolean;
}

/** The recipients block of the cover paper. */
export interface CoverRecipients {
  /** "Working Together to Safeguard Children (2015), Chapter 3, paragraph 16". */
  source: string;
  items: CoverRecipient[];
  /** True when some recipient's time limit or listing could not be confirmed against the published text. */
  unconfirmed: boolean;
}

/** The edition whose recipients apply: the board's own, else the latest for its kind. */
function editionFor(board: BoardData): GuidanceEdition | undefined {
  const named = board.config?.guidance ? guidanceEdition(board.config.guidance.edition) : undefined;
  if (named) return named;
  const kind = board.config?.kind ?? 'board';
  return [...catalogue().values()].filter((e) => e.kind === kind).sort((a, b) => a.published.localeCompare(b.published)).at(-1);
}

/** The recipients the guidance names for this board's report of a year; null when the edition names none. */
export function coverRecipients(board: BoardData, year: string): CoverRecipients | null {
  const edition = editionFor(board);
  if (!edition || edition.recipients.length === 0) return null;
  const sent = new Set(board.config?.publication.years[year]?.sentTo ?? []);
  const requirement = edition.requirements.find((r) => r.evidence.recipients);
  return {
    source: requirement ? `${edition.title}, ${requirement.reference}` : edition.title,
    items: edition.recipients.map((r) => ({ title: r.title, within: r.within ?? '', sent: sent.has(r.id) })),
    unconfirmed: edition.recipients.some((r) => !r.confirmed) || requirement?.confirmed === false,
  };
}
