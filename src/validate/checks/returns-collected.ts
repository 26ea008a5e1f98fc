/** Check: a return the board says it does not collect is not in the year folder after all. */
import { returnDef } from '../../returns/definitions.js';
import { notCollectedReturns, returnKey } from '../../returns/collection.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { returnFile } from './helpers.js';

/** A return declared not collected that is present anyway is named, since the declaration hides nothing. */
export const returnsCollected: Check = {
  id: 'returns-collected',
  description: 'A return board.yaml declares not collected (returns: { cdop-cases: not-collected }) is not in the year folder; if it is, its rows are used and the declaration is questioned.',
  run({ board, data }) {
    const findings: Finding[] = [];
    for (const id of notCollectedReturns(board.config?.returns).keys()) {
      if (data.returns[id] === undefined) continue;
      const def = returnDef(id);
      findings.push({
        code: 'return-not-collected-present',
        severity: 'warning',
        file: returnFile(data, id),
        message: `board.yaml says the board does not collect "${def.title}", but ${def.file} is in the ${data.year.label} folder; its rows are used.`,
        hint: `Remove ${returnKey(def)} from returns: in board.yaml if the board now collects it, or remove the file.`,
      });
    }
    return findings;
  },
};
