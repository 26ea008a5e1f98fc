/** The placeholder narrative `init` writes for a section: what statutory guidance expects it to show. */
import type { SectionInfo } from '../config/sections.js';
import type { BodyKind } from '../guidance/catalogue.js';
import { NARRATIVE_PLACEHOLDER_MARKER } from './placeholders.js';

/** The Markdown of a section's narrative before anyone has written it. */
export function narrativePlaceholder(section: SectionInfo, year: string, kind: BodyKind = 'board'): string {
  // No "{{" anywhere: narrative files are read for live figures, and a stray brace would be an error.
  return [
    NARRATIVE_PLACEHOLDER_MARKER,
    '',
    `> **To write:** ${section.guidance}`,
    '>',
    `> Replace this note with the ${kind === 'partnership' ? 'partnership' : 'board'}'s own words for ${year}. Each paragraph you write becomes a numbered ` +
      'paragraph of the report. Where the section has tables, the tool prints them from the returns; quote their ' +
      `figures as live figures (see ${year}/README.md) so that the text and the tables always agree.`,
    '',
  ].join('\n');
}
