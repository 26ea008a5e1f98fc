/**
 * Assemble stage for the cover paper: the board's words from cover-paper.yaml (Markdown rendered to safe
 * HTML, live figures resolved from the year's indicators), the headline figures table, and the
 * indicators that moved furthest for the better and for the worse. Every direction word comes from
 * VERDICT_WORDS, the one vocabulary the glance page and the report's tables use. Everything a template shows is already formatted here.
 */
import type { IndicatorReport } from '../indicators/types.js';
import type { BoardData } from '../load/load-board.js';
import { longDate } from '../report/model.js';
import { liveFiguresFrom, NarrativeError, renderNarrative, resolveLiveFigures } from '../report/narrative.js';
import { parseYear } from '../returns/year.js';
import {
  DEFAULT_COVER_HEADLINE_IDS,
  headlineFigures,
  numberReasons,
  VERDICT_MEANINGS,
  VERDICT_WORDS,
  type FigureNote,
  type Verdict,
} from '../glance/headline.js';
import { verdictSymbol } from '../glance/symbols.js';
import type { TextLine } from './load-cover-paper.js';
import { biggestMovers } from './movers.js';
import { coverRecipients, type CoverRecipients } from './recipients.js';
import type { CoverPaper } from './schema.js';

/**
 * The statutory requirement in the tool's own words, used unless the paper gives its own. It states the
 * duty in Working Together to Safeguard Children without quoting any one edition; the recipients the
 * board's edition names are listed after it (src/cover/recipients.ts).
 */
export const DEFAULT_STATUTORY_REQUIREMENT = [
  'Statutory guidance, *Working Together to Safeguard Children*, places a duty on the independent chair of the local safeguarding children board to publish a report every year on how effectively children in the area are safeguarded and their welfare promoted.',
  '',
  "The report covers the previous financial year and should be timed to inform partners' planning, commissioning and budget decisions. Who must receive it comes from the edition of the guidance the board follows (listed below).",
].join('\n');

/** The same for a safeguarding partnership (kind: partnership), in the tool's own words. */
export const DEFAULT_PARTNERSHIP_REQUIREMENT = [
  'Statutory guidance, *Working Together to Safeguard Children*, requires the three safeguarding partners - the local authority, the police and the integrated care board - to publish a report at least once in every 12 months on what they have done under their multi-agency safeguarding arrangements, including on child safeguarding practice reviews, and how effective the arrangements have been.',
].join('\n');

/** What each indicator group is about, for the sentence that explains the "moved most" lists. */
const GROUP_NAMES: Record<string, string> = {
  cp: 'child protection plans',
  lado: 'allegations against people who work with children',
  cdop: 'child deaths',
  training: 'training',
  finance: 'the board’s finances',
  context: 'the local context',
};

/** A row of a figures table as the template shows it. */
export interface CoverFigureRow {
  id: string;
  title: string;
  value: string;
  valueNote: number | null;
  previous: string;
  previousNote: number | null;
  change: string;
  changeNote: number | null;
  verdict: Verdict;
  verdictWord: string;
  symbol: string;
}

/** A contact as shown. */
export interface CoverContactView {
  name: string;
  role: string;
  organisation: string;
  email: string;
  phone: string;
}

/** The cover paper as data. */
export interface CoverPaperModel {
  lang: string;
  boardName: string;
  year: string;
  period: string;
  /** The annual report's title. */
  title: string;
  /** The document's title (HTML title, PDF title). */
  documentTitle: string;
  subject: string;
  meeting: { board: string; date: string; dateText: string; item: string };
  reportOf: string;
  purposeHtml: string;
  statutoryHtml: string;
  /** Who the guidance says receives the report, and whether board.yaml records it as sent. */
  recipients: CoverRecipients | null;
  keyIssuesHtml: string;
  headline: { year: string; previousYear: string; rows: CoverFigureRow[]; notes: FigureNote[] };
  movers: {
    improved: CoverFigureRow[];
    worsened: CoverFigureRow[];
    count: number;
    /** "child protection plans, allegations …, child deaths, training and the board’s finances". */
    scope: string;
    /** The headings of the two lists: the verdict words ("Better", "Worse"). */
    betterHeading: string;
    worseHeading: string;
    improvedEmpty: string;
    worsenedEmpty: string;
  };
  /** The symbols beside the "Better" and "Worse" headings. */
  moverSymbols: { improved: string; worsened: string };
  /** The verdicts used in the paper, for the key. */
  key: { verdict: Verdict; word: string; meaning: string; symbol: string }[];
  actionsIntro: string;
  actions: string[];
  contacts: CoverContactView[];
  exempt: { answer: 'Yes' | 'No'; reason: string };
  appendices: { title: string; description: string }[];
  /** The running header on printed pages. */
  runningHeader: string;
}

/** Options for the model. */
export interface CoverModelOptions {
  /** The file the words came from, relative to the board folder (for error messages). */
  file: string;
  /** Line of each text setting in that file, so a broken live figure is reported on its real line. */
  textLine?: TextLine;
}

/** "child protection plans, training and finance": a list in words. */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Resolve live figures in a text setting and render it as Markdown; errors carry the file's line. */
function renderText(markdown: string, key: string, indicators: IndicatorReport, options: CoverModelOptions): string {
  let resolved: string;
  try {
    resolved = resolveLiveFigures(markdown, liveFiguresFrom(indicators), options.file);
  } catch (error) {
    if (error instanceof NarrativeError) {
      const start = options.textLine?.(key);
      const line = error.line !== undefined && start !== undefined ? start + error.line - 1 : start;
      throw new NarrativeError(error.code, options.file, `In "${key}": ${error.message}`, error.hint, error.figureId, line);
    }
    throw error;
  }
  return renderNarrative(resolved, { sectionNumber: null }).html;
}

/** Build the cover paper model from the board, the year's indicators and the paper's words. */
export function buildCoverPaperModel(board: BoardData, indicators: IndicatorReport, paper: CoverPaper, options: CoverModelOptions): CoverPaperModel {
  const year = indicators.year;
  const boardName = board.config?.board.name ?? 'Safeguarding Children Board';
  const title = paper.title ?? `${boardName} annual report ${year}`;
  const fy = parseYear(year);
  const dateText = longDate(paper.meeting.date);

  const headline = headlineFigures(indicators, paper.headlineFigures ?? DEFAULT_COVER_HEADLINE_IDS);
  const headlineNotes = numberReasons(headline.figures);
  const toRow = (f: (typeof headline.figures)[number], refs: { value: number | null; previous: number | null; change: number | null }): CoverFigureRow => ({
    id: f.id,
    title: f.title,
    value: f.value,
    valueNote: refs.value,
    previous: f.previous,
    previousNote: refs.previous,
    change: f.change,
    changeNote: refs.change,
    verdict: f.verdict,
    verdictWord: f.verdictWord,
    symbol: verdictSymbol(f.verdict),
  });
  const headlineRows = headline.figures.map((f, i) => toRow(f, headlineNotes.refs[i]!));

  const movers = biggestMovers(indicators, paper.movers);
  const moverRows = (list: typeof movers.improved) => list.map((m) => toRow(m.figure, { value: null, previous: null, change: null }));
  const scope = listInWords(movers.groups.map((g) => GROUP_NAMES[g] ?? g));

  const order: Verdict[] = ['improved', 'worsened', 'unchanged', 'not-rated', 'no-comparison'];
  const used = new Set<Verdict>([...headlineRows, ...moverRows(movers.improved), ...moverRows(movers.worsened)].map((r) => r.verdict));

  const previousYear = headline.previousYear;
  return {
    lang: board.config?.publication.language ?? 'en-GB',
    boardName,
    year,
    period: fy ? `${longDate(fy.start)} to ${longDate(fy.end)}` : year,
    title,
    documentTitle: `${title}: cover paper for ${paper.meeting.board}`,
    subject: `Cover paper presenting ${title} to ${paper.meeting.board} on ${dateText}`,
    meeting: { board: paper.meeting.board, date: paper.meeting.date, dateText, item: paper.meeting.item ?? '' },
    reportOf: paper.reportOf ?? '',
    purposeHtml: renderText(paper.purpose, 'purpose', indicators, options),
    statutoryHtml: paper.statutoryRequirement
      ? renderText(paper.statutoryRequirement, 'statutoryRequirement', indicators, options)
      : renderNarrative(board.config?.kind === 'partnership' ? DEFAULT_PARTNERSHIP_REQUIREMENT : DEFAULT_STATUTORY_REQUIREMENT, { sectionNumber: null }).html,
    recipients: coverRecipients(board, year),
    keyIssuesHtml: renderText(paper.keyIssues, 'keyIssues', indicators, options),
    headline: { year, previousYear, rows: headlineRows, notes: headlineNotes.notes },
    movers: {
      improved: moverRows(movers.improved),
      worsened: moverRows(movers.worsened),
      count: movers.count,
      scope,
      betterHeading: VERDICT_WORDS.improved,
      worseHeading: VERDICT_WORDS.worsened,
      improvedEmpty: `None of the figures for ${scope} that can be compared with ${previousYear} changed for the ${VERDICT_WORDS.improved.toLowerCase()}.`,
      worsenedEmpty: `None of the figures for ${scope} that can be compared with ${previousYear} changed for the ${VERDICT_WORDS.worsened.toLowerCase()}.`,
    },
    moverSymbols: { improved: verdictSymbol('improved'), worsened: verdictSymbol('worsened') },
    key: order.filter((v) => used.has(v)).map((v) => ({ verdict: v, word: VERDICT_WORDS[v], meaning: VERDICT_MEANINGS[v], symbol: verdictSymbol(v) })),
    actionsIntro: paper.actionsIntro ?? 'The board may wish to:',
    actions: paper.actions,
    contacts: paper.contacts.map((c) => ({ name: c.name, role: c.role, organisation: c.organisation ?? '', email: c.email ?? '', phone: c.phone ?? '' })),
    exempt: { answer: paper.exempt ? 'Yes' : 'No', reason: paper.exemptReason ?? '' },
    appendices: paper.appendices.map((a) => (typeof a === 'string' ? { title: a, description: '' } : { title: a.title, description: a.description ?? '' })),
    runningHeader: `${paper.meeting.board}, ${dateText}`,
  };
}
