import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, type ReportModel } from '../../src/report/model.js';
import { copySample, loadSample, rowOf, rowsText, section, type Loaded } from './sample.js';

let sample: Loaded;
let model: ReportModel;

beforeAll(async () => {
  sample = await loadSample();
  model = buildReportModel(sample.board, sample.data, sample.indicators);
});

describe('report model of the Calderdale sample', () => {
  it('has the cover details and the configured sections in order, appendices numbered apart', () => {
    expect(model.title).toBe('Calderdale Safeguarding Children Board annual report 2012-13');
    expect(model.board.chair).toBe('Jane Booth');
    expect(model.period).toBe('1 April 2012 to 31 March 2013');
    expect(model.publishedDateText).toBe('29 August 2013');
    expect(model.lang).toBe('en-GB');
    expect(model.sections.map((s) => s.id)).toEqual(sample.board.sections.map((s) => s.id));
    expect(model.contents.map((c) => c.label)).toEqual([
      ...Array.from({ length: 18 }, (_, i) => String(i + 1)),
      'Appendix 1',
      'Appendix 2',
      'Appendix 3',
      'Appendix 4',
    ]);
    expect(model.sections.map((s) => s.title)).toEqual(sample.board.sections.map((s) => s.title));
  });

  it('says which figures are illustrative: on the cover and in the source line of each table and chart showing them', () => {
    expect(model.illustrativeNote).toMatch(/invented for illustration/);
    const cp = section(model.sections, 'priority-groups');
    expect(cp.tables.cpCategories!.source).toMatch(/Illustrative figures .*: Physical abuse, Emotional abuse, Sexual abuse, Multiple categories\.$/);
    expect(cp.tables.cpIndicators!.source).toMatch(/Illustrative figures .*: Child protection plans started, Child protection plans ended\.$/);
    const training = section(model.sections, 'training');
    for (const t of [...Object.values(training.tables), ...Object.values(training.charts)]) {
      if (/agency/.test(t.id)) expect(t.source, t.id).toMatch(/Illustrative figures: the source did not publish these/);
      else expect(t.source, t.id).not.toMatch(/Illustrative/);
    }
    // Real figures say nothing of the kind.
    expect(section(model.sections, 'allegations').tables.source!.source).not.toMatch(/Illustrative/);
  });

  it('puts the LADO source table with Police 25 and a total of 144', () => {
    const t = section(model.sections, 'allegations').tables.source!;
    expect(rowOf(t, 'Police')[1]).toBe('25');
    expect(rowOf(t, "Children and Young People's Services")[1]).toBe('43');
    expect(rowsText(t, 'totals')[0]).toEqual(['Total', '144']);
    // Sources nobody used are left out, as in the published table.
    expect(rowsText(t).map((r) => r[0])).not.toContain('Other');
  });

  it('has the nature and outcome tables as published, each totalling 144', () => {
    const s = section(model.sections, 'allegations');
    expect(rowOf(s.tables.nature!, 'Physical abuse')[1]).toBe('55');
    expect(rowOf(s.tables.nature!, 'Unsuitable to work with children')[1]).toBe('55');
    expect(rowsText(s.tables.nature!, 'totals')[0]![1]).toBe('144');
    expect(rowOf(s.tables.outcome!, 'Substantiated').slice(1)).toEqual(['43', '42']);
    expect(rowsText(s.tables.outcome!, 'totals')[0]!.slice(0, 2)).toEqual(['Total', '144']);
    expect(rowOf(s.tables.workBased!, 'At work')[1]).toBe('95');
    expect(rowOf(s.tables.timeliness!, 'Took more than one month to conclude')[1]).toBe('19');
    expect(rowOf(s.tables.timeliness!, 'Police enquiries only')[1]).toBe('5');
    expect(rowOf(s.tables.timeliness!, 'Both police and disciplinary enquiries')[1]).toBe('7');
  });

  it('shows referrals by year from 2007-08 as a table and a chart', () => {
    const s = section(model.sections, 'allegations');
    expect(rowsText(s.tables.byYear!)).toEqual([
      ['2007-08', '24'],
      ['2008-09', '66'],
      ['2009-10', '55'],
      ['2010-11', '112'],
      ['2011-12', '142'],
      ['2012-13', '144'],
    ]);
    expect(s.charts.byYear!.spec.data).toEqual([
      { label: '2007-08', value: 24 },
      { label: '2008-09', value: 66 },
      { label: '2009-10', value: 55 },
      { label: '2010-11', value: 112 },
      { label: '2011-12', value: 142 },
      { label: '2012-13', value: 144 },
    ]);
  });

  it('has the financial statement in pounds: expenditure 207,509, income 254,212, carried forward 46,703', () => {
    const s = section(model.sections, 'finance');
    expect(rowOf(s.tables.expenditure!, 'Salary costs')[1]).toBe('£138,706');
    expect(rowsText(s.tables.expenditure!, 'totals')[0]).toEqual(['Total expenditure', '£207,509']);
    expect(rowsText(s.tables.income!, 'totals')[0]).toEqual(['Total income', '£254,212']);
    expect(rowsText(s.tables.balance!, 'totals')[0]).toEqual(['Carried forward to 2013-14', '£46,703']);
  });

  it('has the training tables: 66 events, 1,378 participants, 1,068 e-learning completions', () => {
    const s = section(model.sections, 'training');
    expect(rowsText(s.tables.eventsByType!, 'totals')[0]).toEqual(['Total', '66', '1,378']);
    expect(rowOf(s.tables.eventsByType!, 'Multi-agency course')[1]).toBe('40');
    expect(rowsText(s.tables.elearning!, 'totals')[0]).toEqual(['Total', '1,068']);
    expect(rowOf(s.tables.elearning!, 'Awareness of Child Abuse and Neglect - Core')[1]).toBe('651');
    expect(rowsText(s.tables.byAgency!, 'totals')[0]![1]).toBe('1,378');
    expect(s.charts.byAgency!.available).toBe(true);
    expect(s.charts.byAgency!.spec.data.reduce((a, d) => a + (d.value ?? 0), 0)).toBe(1378);
  });

  it('compares child protection indicators with last year: 217 against 237, with direction in words', () => {
    const s = section(model.sections, 'priority-groups');
    expect(rowOf(s.tables.cpIndicators!, 'Child protection plans open at 31 March').slice(1, 4)).toEqual(['217', '237', 'Down 20 (8.4%)']);
    const second = rowOf(s.tables.cpIndicators!, 'Plans for a second or subsequent time (%)');
    expect(second.slice(1, 3)).toEqual(['13.0%', '14.4%']);
    expect(second[4]).toBe('Better');
    expect(rowOf(s.tables.cpIndicators!, 'Plans reviewed on time (%)').slice(1, 3)).toEqual(['100.0%', '97.8%']);
    expect(rowOf(s.tables.cpCategories!, 'Neglect').slice(1)).toEqual(['154', '74']);
    expect(rowsText(s.tables.cpCategories!, 'totals')[0]).toEqual(['All plans', '217', '237']);
  });

  it('has the local context figures with last year', () => {
    const t = section(model.sections, 'local-context').tables.figures!;
    expect(rowOf(t, 'Looked-after children at 31 March').slice(1, 3)).toEqual(['339', '336']);
    expect(rowOf(t, 'Children in need per 10,000 children').slice(1, 3)).toEqual(['369.6', '319.0']);
    expect(rowOf(t, 'New early-help (CAF) assessments').slice(1, 3)).toEqual(['267', '196']);
    // Each figure's period where it is not the column's year, and the age band as the data gives it.
    expect(rowOf(t, 'Pupils eligible for free school meals (%) (2012-13: January 2013; 2011-12: 2012)').slice(1, 3)).toEqual(['19%', '17.2%']);
    expect(rowOf(t, 'Children with a statement of special educational needs (2012-13: at 31 January 2012; 2011-12: March 2011)').slice(1, 3)).toEqual(['1,083', '1,111']);
    expect(rowOf(t, 'Children aged 0-18 (population estimate) (2012-13: 2010 estimate)')[1]).toBe('45,000');
    expect(rowOf(t, 'Obesity in reception class (%) (2012-13: school year 2011-12)')[1]).toBe('8.9%');
  });

  it('has the CDOP figures, with reviews concluded split by the year the death was notified', () => {
    const t = section(model.sections, 'case-reviews').tables.cdop!;
    expect(rowOf(t, 'Deaths notified in 2012-13')[1]).toBe('17');
    expect(rowOf(t, 'Considered at panel by 31 March')[1]).toBe('9');
    expect(rowOf(t, 'Review concluded')[1]).toBe('6');
    expect(rowOf(t, 'Deferred for more information')[1]).toBe('3');
    expect(rowOf(t, 'Not yet discussed at panel')[1]).toBe('8');
    expect(rowOf(t, 'Reviews concluded at panel in 2012-13')[1]).toBe('13');
    expect(rowOf(t, 'Deaths notified in 2011-12')[1]).toBe('7');
    // The notified-in-year split is the second "Deaths notified in 2012-13" row.
    expect(rowsText(t).filter((r) => r[0] === 'Deaths notified in 2012-13').map((r) => r[1])).toEqual(['17', '6']);
  });

  it('shows the section 11 overview in the appendix with marks and text alternatives, not x', () => {
    const s11 = section(model.sections, 'section-11');
    expect(s11.tables.overview).toBeUndefined();
    expect(rowOf(s11.tables.summary!, 'Agencies in the audit')[1]).toBe('23');
    const t = section(model.sections, 'appendix-section-11').tables.overview!;
    const police = t.rows.find((r) => r[0]!.text === 'Police')!;
    expect(police.slice(1).map((c) => [c.text, c.srText])).toEqual([
      ['✓', 'Yes'],
      ['', 'No'],
      ['', 'No'],
      ['✓', 'Yes'],
      ['', 'No'],
    ]);
    expect(t.rows.flat().some((c) => c.text === 'x')).toBe(false);
  });

  it('lists the board membership with name, job title and agency', () => {
    const t = section(model.sections, 'board-effectiveness').tables.membership!;
    expect(t.columns.map((c) => c.text)).toEqual(['Name', 'Job title', 'Agency']);
    expect(rowOf(t, 'Jane Booth')).toEqual(['Jane Booth', 'Independent Chair', 'Calderdale Safeguarding Children Board']);
    expect(t.rows).toHaveLength(29);
  });

  it('groups recommendations by strategic objective with paragraph references', () => {
    const r = section(model.sections, 'recommendations').recommendations!;
    expect(r.available).toBe(true);
    expect(r.objectives.map((o) => o.number)).toEqual([1, 2, 3, 4]);
    const refs = r.objectives[0]!.recommendations[1]!.paragraphs.map((p) => p.ref);
    expect(refs).toEqual(['3.12', '3.16', '3.33', '11.11']);
    expect(r.objectives[0]!.recommendations[1]!.paragraphs[0]!.anchor).toBe('para-3-12');
  });

  it('numbers paragraphs section.paragraph and leaves appendices unnumbered', () => {
    const foreword = section(model.sections, 'foreword');
    expect(foreword.narrative.paragraphs.slice(0, 3)).toEqual(['1.1', '1.2', '1.3']);
    expect(foreword.narrative.html).toContain('<span class="para-number">1.1</span>');
    const lc = section(model.sections, 'local-context');
    expect(lc.narrative.paragraphs[0]).toBe('3.1');
    const appendix = section(model.sections, 'appendix-cse');
    expect(appendix.narrative.paragraphs).toEqual([]);
    expect(appendix.narrative.html).not.toContain('para-number');
  });

  it('resolves live figures in the narrative, to the same precision as the tables', () => {
    const training = section(model.sections, 'training');
    expect(training.narrative.html).toContain('1,378');
    expect(training.narrative.html).not.toContain('{{');
    const lc = section(model.sections, 'local-context');
    expect(rowOf(lc.tables.figures!, "Referrals to children's social care per 10,000 children").slice(1, 3)).toEqual(['1,212.53', '773.76']);
    expect(lc.narrative.html).toContain('1,212.53');
    expect(lc.narrative.html).toContain('773.76');
  });
});

describe('missing returns', () => {
  it('says a table is not available, with the reason, instead of printing zeros', async () => {
    const copy = copySample();
    try {
      rmSync(path.join(copy.dir, '2012-13', 'lado-referrals.csv'));
      rmSync(path.join(copy.dir, '2012-13', 'finance.csv'));
      rmSync(path.join(copy.dir, '2012-13', 'section-11-audit.csv'));
      // The narrative cites LADO figures; those become "not available" too.
      const s = await loadSample(copy.dir);
      const m = buildReportModel(s.board, s.data, s.indicators);
      const allegations = section(m.sections, 'allegations');
      for (const key of ['source', 'nature', 'outcome', 'workBased', 'timeliness']) {
        const t = allegations.tables[key]!;
        expect(t.available, key).toBe(false);
        expect(t.unavailable).toMatch(/^Not available: /);
        expect(t.rows).toEqual([]);
      }
      const fin = section(m.sections, 'finance').tables.expenditure!;
      expect(fin.available).toBe(false);
      expect(fin.unavailable).toContain('finance return (finance.csv) for 2012-13 was not supplied');
      expect(section(m.sections, 'appendix-section-11').tables.overview!.available).toBe(false);
      // Earlier years still come from the published figures; 2012-13 is not shown as 0.
      const byYear = allegations.tables.byYear!;
      expect(byYear.rows.map((r) => r.map((c) => c.text)).find((r) => r[0] === '2012-13')?.[1]).not.toBe('0');
    } finally {
      copy.remove();
    }
  });
});
