/**
 * Check `statutory-guidance`: every requirement of the board's guidance edition that the year's report
 * does not meet, as a warning naming the paragraph and what would meet it. A requirement the board has
 * explained under `guidance.unmet` is not warned about (the statement appendix prints the reason).
 */
import type { Check } from '../check.js';
import type { Finding } from '../../findings.js';
import { OTHER_FILES } from '../../returns/definitions.js';
import { evaluateGuidance } from '../../guidance/evaluate.js';

export const statutoryGuidance: Check = {
  id: 'statutory-guidance',
  description: 'Lists each requirement of the guidance edition named in board.yaml that the report does not meet.',
  run({ board, data }) {
    const result = evaluateGuidance(board, data);
    if (!result) return [];
    const findings: Finding[] = [];
    for (const r of result.results) {
      if (r.met || r.reason !== undefined) continue;
      const req = r.requirement;
      findings.push({
        code: 'guidance-requirement-unmet',
        severity: 'warning',
        file: OTHER_FILES.boardConfig,
        column: 'guidance.edition',
        value: req.id,
        message: `${result.edition.title}, ${req.reference}: "${req.text}" is not met for ${data.year.label}.`,
        hint: `To meet it, add ${r.missing.join('; and ')}. If the report cannot meet it, say why under guidance.unmet.${req.id} in board.yaml.`,
      });
    }
    return findings;
  },
};
