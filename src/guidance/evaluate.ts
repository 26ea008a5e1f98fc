/**
 * The statutory contents check: for the edition a board names in `board.yaml`, which requirements a year's
 * report meets, on what evidence, and what would meet the rest. Used by `validate` (a warning per unmet
 * requirement) and by the report's "How this report meets the statutory guidance" appendix.
 */
import { knownSection } from '../config/sections.js';
import { placeholderLine } from '../init/placeholders.js';
import type { BoardData, YearData } from '../load/load-board.js';
import { returnDef } from '../returns/definitions.js';
import { guidanceEdition, type GuidanceEdition, type GuidanceRequirement } from './catalogue.js';
import { requirementsFor } from './config.js';

/** How one requirement stands for one year. */
export interface RequirementResult {
  requirement: GuidanceRequirement;
  met: boolean;
  /** Sections of this report that meet it (configured, narrative written), in report order. */
  metIn: { id: string; title: string }[];
  /** What is missing, in words, when it is not met. */
  missing: string[];
  /** The board's recorded reason for leaving it unmet (`guidance.unmet`). */
  reason?: string;
}

/** The check of one year against the board's edition. */
export interface GuidanceResult {
  edition: GuidanceEdition;
  results: RequirementResult[];
}

/** True when a section's narrative is written: present, not blank and not init's placeholder. */
function narrativeWritten(data: YearData, id: string): boolean {
  const text = data.narrative.get(id);
  return text !== undefined && text.trim() !== '' && placeholderLine(text) === null;
}

function rowsIn(data: YearData, id: Parameters<typeof returnDef>[0]): number {
  const rows = data.returns[id];
  return Array.isArray(rows) ? rows.length : 0;
}

/** Check a year against the edition named in board.yaml; null when the board names none (or an unknown one). */
export function evaluateGuidance(board: BoardData, data: YearData): GuidanceResult | null {
  const config = board.config?.guidance;
  const edition = config ? guidanceEdition(config.edition) : undefined;
  if (!config || !edition) return null;
  const year = data.year.label;
  const titleOf = (id: string) => board.sections.find((s) => s.id === id)?.title ?? knownSection(id)?.title ?? id;

  const results = requirementsFor(edition, config).map((requirement): RequirementResult => {
    const ev = requirement.evidence;
    const missing: string[] = [];
    // Sections that count: the catalogue's, plus the board's own sections mapped to this requirement.
    const mapped = Object.entries(config.sections)
      .filter(([, ids]) => ids.includes(requirement.id))
      .map(([section]) => section);
    const candidates = [...new Set([...ev.sections, ...mapped])];
    const configured = board.sections.filter((s) => candidates.includes(s.id));
    const metIn = configured.filter((s) => narrativeWritten(data, s.id)).map((s) => ({ id: s.id, title: s.title }));
    if (candidates.length > 0 && metIn.length === 0) {
      if (configured.length > 0) {
        missing.push(`narrative for ${configured.map((s) => `"${s.title}" (${year}/narrative/${s.id}.md)`).join(' or ')}`);
      } else {
        missing.push(`a section ${candidates.map((id) => `"${titleOf(id)}" (${id})`).join(' or ')} in board.yaml with its narrative, or one of the board's own sections mapped to ${requirement.id} under guidance.sections`);
      }
    }
    for (const id of ev.returns) {
      if (rowsIn(data, id) === 0) missing.push(`rows in ${year}/${returnDef(id).file} (${returnDef(id).title})`);
    }
    if (ev.recipients) {
      const sent = new Set(board.config?.publication.years[year]?.sentTo ?? []);
      const notSent = edition.recipients.filter((r) => !sent.has(r.id));
      if (notSent.length > 0) {
        missing.push(`publication.years."${year}".sentTo in board.yaml listing ${notSent.map((r) => `${r.id} (${r.title})`).join(', ')}`);
      }
    }
    const met = missing.length === 0;
    return { requirement, met, metIn, missing, ...(met || config.unmet[requirement.id] === undefined ? {} : { reason: config.unmet[requirement.id] }) };
  });
  return { edition, results };
}
