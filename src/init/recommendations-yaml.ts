/**
 * The `recommendations.yaml` a new year starts with: one placeholder objective (so the file is valid and
 * `validate` can say it is still to be written) and a commented example of the full shape.
 */
import { TO_WRITE_PREFIX } from './placeholders.js';
import { comment, yamlScalar } from './yaml-text.js';

/** The text of a new year's `recommendations.yaml`. */
export function recommendationsYaml(year: string): string {
  return [
    ...comment(
      `Recommendations of the ${year} annual report, grouped under the board's strategic objectives. They are ` +
        'printed in the Recommendations section, each with the paragraphs of the report that support it.',
    ),
    '#',
    ...comment(
      'Each objective has a number, a title and at least one recommendation. Each recommendation has its text, ' +
        'the report paragraphs it rests on (in quotes, like "3.4"; [] if none) and a status: new (made in this ' +
        'report), in-progress, complete, or carried-forward (from an earlier year). Write recommendations in plain ' +
        'words, naming who is to act.',
    ),
    '#',
    ...comment(
      `Replace the placeholder objective below (every value starting "${TO_WRITE_PREFIX}") with your own; ` +
        '`lscb-report validate` warns until you do. A complete file looks like this:',
    ),
    '#',
    '# objectives:',
    '#   - number: 1',
    '#     title: Make sure the board can tell how well children are safeguarded',
    '#     recommendations:',
    '#       - text: The Audit and Quality Assurance sub-group should report multi-agency audit findings to every board meeting.',
    '#         paragraphs: ["8.2", "8.5"]',
    '#         status: new',
    '#       - text: Every partner should complete the section 11 audit by the end of September.',
    '#         paragraphs: ["9.1"]',
    '#         status: carried-forward',
    '#   - number: 2',
    '#     title: Improve the help families get early',
    '#     recommendations:',
    '#       - text: Partners should raise the number of early-help assessments to the level of statistical neighbours.',
    '#         paragraphs: ["3.25"]',
    '#         status: in-progress',
    '',
    'objectives:',
    '  - number: 1',
    `    title: ${yamlScalar(`${TO_WRITE_PREFIX} the board's first strategic objective`)}`,
    '    recommendations:',
    `      - text: ${yamlScalar(`${TO_WRITE_PREFIX} a recommendation under this objective, naming who is to act`)}`,
    '        paragraphs: []',
    '        status: new',
    '',
  ].join('\n');
}
