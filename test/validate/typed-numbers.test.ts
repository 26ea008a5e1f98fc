import { describe, expect, it } from 'vitest';
import { narrativeBlocks, scanNumbers, normaliseText } from '../../src/validate/numbers/typed-numbers.js';

const typed = (md: string) => narrativeBlocks(md).flatMap((b) => b.numbers.map((n) => `${n.kind}:${n.value}`));

describe('typed numbers in narrative', () => {
  it('reads digits, percentages, money and number words through Markdown markup', () => {
    expect(typed('There were *14,590* contacts, [82.6%](#x) of them **£421,629.59** and `99` one child.')).toEqual([
      'count:14590',
      'percent:82.6',
      'money:421629.59',
      'count:1',
    ]);
  });

  it('reads non-breaking spaces as thousands separators and Unicode minus as a sign', () => {
    expect(typed('A total of 14\u00a0590 contacts, a change of \u22123 and 8\u00a0%.')).toEqual(['count:14590', 'count:-3', 'percent:8']);
  });

  it('does not read years, year ranges with dashes, dates, references, ages, durations, phones or legislation', () => {
    const md =
      'In 2012\u201313 (31 March 2013), para 3.4 and paras 10.15-10.16, section 11 of the Children Act 2004, appendix 2, ' +
      'children aged 0\u201318 and 16-year-olds, within 2 working days, call 01422 393336 at 10.30am, the 3rd meeting, CP-0001.';
    expect(typed(md)).toEqual([]);
  });

  it('does not read a number marked {{! not a figure }}, nor a live figure', () => {
    expect(typed('Room 101{{! not a figure }} held {{value "lado.referrals"}} meetings and 12 others.')).toEqual(['count:12']);
    const [block] = narrativeBlocks('Room 101 held {{value "lado.referrals"}} meetings.');
    expect(block!.live.map((l) => l.id)).toEqual(['lado.referrals']);
  });

  it('numbers top-level paragraphs as the report does and gives each block its line', () => {
    const blocks = narrativeBlocks('# Title\n\nFirst 12 items.\n\n- a list of 13\n- and 14\n\nSecond 15.\n');
    expect(blocks.map((b) => [b.kind, b.paragraph, b.line, b.numbers.map((n) => n.value)])).toEqual([
      ['heading', null, 1, []],
      ['paragraph', 1, 3, [12]],
      ['list item', null, 5, [13]],
      ['list item', null, 6, [14]],
      ['paragraph', 2, 8, [15]],
    ]);
  });

  it('keeps the text length when normalising dashes and spaces', () => {
    const s = 'a\u2212b\u2013c\u00a0d\u202fe';
    expect(normaliseText(s)).toHaveLength(s.length);
    expect(scanNumbers(normaliseText('\u22125'))[0]!.value).toBe(-5);
  });
});
