/**
 * Check: e-mail addresses in narrative. A board may publish its own contact address, but an address in
 * running text is often a person's: each line holding one is a warning, so someone decides.
 */
import { emailAddressesIn } from '../../disclosure/personal-data.js';
import { OTHER_FILES } from '../../returns/definitions.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';

/** A warning for each narrative line with an e-mail address. */
export const personalDataNarrative: Check = {
  id: 'personal-data-narrative',
  description: 'Narrative lines with an e-mail address are warned about (a person\'s address must not be published).',
  run({ data }) {
    const findings: Finding[] = [];
    for (const [id, text] of data.narrative) {
      text.split('\n').forEach((line, i) => {
        if (emailAddressesIn(line) === 0) return;
        findings.push({
          code: 'email-in-narrative',
          severity: 'warning',
          file: `${data.year.label}/${OTHER_FILES.narrativeDir}/${id}.md`,
          row: i + 1,
          message: 'This line gives an e-mail address, which the report will publish as a link.',
          hint: "Keep it only if it is the board's own published contact address; a person's address must not be published.",
        });
      });
    }
    return findings;
  },
};
