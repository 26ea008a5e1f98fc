import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCoverPaper } from '../../src/cover/load-cover-paper.js';
import { buildCoverPaperModel, DEFAULT_STATUTORY_REQUIREMENT, type CoverPaperModel } from '../../src/cover/model.js';
import { coverPaperPdfMetadata } from '../../src/cover/render-cover-paper.js';
import { runCli } from '../cli/helpers.js';
import { copySample, loadSample, SAMPLE_DIR } from '../report/sample.js';

const HTML = 'calderdale-safeguarding-children-board-cover-paper-2012-13.html';
const PDF = 'calderdale-safeguarding-children-board-cover-paper-2012-13.pdf';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lscb-cover-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function sampleWithPaper(yaml: string | null): string {
  const c = copySample();
  cleanups.push(c.remove);
  const file = path.join(c.dir, '2012-13', 'cover-paper.yaml');
  if (yaml === null) rmSync(file);
  else writeFileSync(file, yaml);
  return c.dir;
}

const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

describe('the cover paper model on the sample', () => {
  let model: CoverPaperModel;
  beforeAll(async () => {
    const { board, indicators } = await loadSample();
    const loaded = await loadCoverPaper(SAMPLE_DIR, '2012-13');
    model = buildCoverPaperModel(board, indicators, loaded.paper!, { file: loaded.file, textLine: loaded.textLine });
  });

  it('has the headline figures with last year and the change', () => {
    expect(model.headline.rows.map((r) => [r.id, r.value, r.previous, r.change, r.verdictWord])).toEqual([
      ['cp.plans_open_at_year_end', '217', '237', 'down 20 (8.4%)', 'Not judged'],
      ['cp.rate_per_10k', '48.2', 'not available', 'not available', 'No comparison'],
      ['lado.referrals', '144', '142', 'up 2 (1.4%)', 'Not judged'],
      ['cdop.deaths_notified', '17', 'not available', 'not available', 'No comparison'],
      ['training.participants', '1,378', 'not available', 'not available', 'No comparison'],
      ['finance.carry_forward', '£46,703', 'not available', 'not available', 'No comparison'],
    ]);
    expect(model.headline.notes.map((n) => n.text)).toEqual(['there are no returns for 2011-12 and no published figure for it']);
  });

  it('lists what improved and what worsened most, by polarity', () => {
    expect(model.movers.improved.map((r) => r.id)).toEqual(['cp.lasting_2y_plus_pct', 'cp.reviewed_in_time_pct', 'cp.second_or_subsequent_pct']);
    expect(model.movers.worsened.map((r) => [r.id, r.previous, r.value])).toEqual([['lado.concluded_within_1_month_pct', '89%', '82.6%']]);
  });

  it('quotes live figures in the key issues, and uses the standard statutory wording', () => {
    expect(text(model.keyIssuesHtml)).toContain('217 children had a child protection plan on 31 March 2013, compared with 237 a year before');
    expect(text(model.keyIssuesHtml)).toContain('fell from 89% to 82.6%');
    expect(model.statutoryHtml).toContain('Working Together to Safeguard Children');
    expect(DEFAULT_STATUTORY_REQUIREMENT).toMatch(/independent chair/);
  });

  it('takes the meeting, contacts and exemption from the file', () => {
    expect(model.meeting).toMatchObject({ board: 'Calderdale Health and Wellbeing Board', dateText: '24 September 2013' });
    expect(model.contacts.map((c) => c.name)).toEqual(['Jane Booth', 'Bernadette Johansen']);
    expect(model.exempt).toEqual({ answer: 'No', reason: '' });
    expect(model.documentTitle).toBe('Calderdale Safeguarding Children Board annual report 2012-13: cover paper for Calderdale Health and Wellbeing Board');
  });

  it('dates the PDF by the meeting, or SOURCE_DATE_EPOCH, never the clock', () => {
    expect(coverPaperPdfMetadata(model, null).date.toISOString()).toBe('2013-09-24T00:00:00.000Z');
    expect(coverPaperPdfMetadata(model, 86_400).date.toISOString()).toBe('1970-01-02T00:00:00.000Z');
    expect(coverPaperPdfMetadata(model, null).author).toBe('Jane Booth, Bernadette Johansen');
  });
});

describe('lscb-report cover', () => {
  it('--format html writes the paper and never looks for a browser', async () => {
    const out = scratch();
    const r = await runCli(['cover', '2012-13', '--data', SAMPLE_DIR, '--out', out, '--format', 'html', '--browser', '/no/such/chrome']);
    expect(r.stderr).not.toContain('Printing');
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual([HTML]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`Wrote ${HTML} to ${out}`);
    const html = readFileSync(path.join(out, HTML), 'utf8');
    const t = text(html);
    expect(t).toContain('Child protection plans open at 31 March 217 237 down 20 (8.4%) Not judged');
    expect(t).toContain('Plans reviewed on time (%) 100.0% 97.8% up 2.2 percentage points');
    expect(t).toMatch(/Worse Figure 2012-13 2011-12 Change LADO referrals concluded within one month \(%\) 82\.6% 89% down 6\.4 percentage points/);
    expect(t).toContain('Jane Booth , Independent Chair');
    expect(html).toContain('<title>Calderdale Safeguarding Children Board annual report 2012-13: cover paper for Calderdale Health and Wellbeing Board</title>');
    expect(html).not.toMatch(/<script|<link|src="http/i);
  });

  it('without a cover-paper.yaml: exit 1, one clear finding with a hint, no stack trace', async () => {
    const dir = sampleWithPaper(null);
    const out = scratch();
    const r = await runCli(['cover', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2012-13/cover-paper.yaml');
    expect(r.stderr).toContain('[cover-paper-missing]');
    expect(r.stderr).toContain('Hint: Create 2012-13/cover-paper.yaml');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(out, HTML))).toBe(false);
  });

  it('a broken live figure in the key issues is reported on its line in the file', async () => {
    const sample = readFileSync(path.join(SAMPLE_DIR, '2012-13', 'cover-paper.yaml'), 'utf8');
    const broken = sample.replace('{{value "lado.referrals"}}', '{{value "lado.referals"}}');
    const line = broken.split('\n').findIndex((l) => l.includes('lado.referals')) + 1;
    const dir = sampleWithPaper(broken);
    const r = await runCli(['cover', '2012-13', '--data', dir, '--format', 'html', '--out', scratch()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`2012-13/cover-paper.yaml line ${line}`);
    expect(r.stderr).toContain('[narrative-unknown-figure]');
    expect(r.stderr).toContain('In "keyIssues"');
  });

  it('an invalid file: exit 1 with each finding on its line', async () => {
    const dir = sampleWithPaper('meeting:\n  board: Health and Wellbeing Board\n  date: 24/09/2013\n');
    const r = await runCli(['cover', '2012-13', '--data', dir, '--format', 'html', '--out', scratch()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2012-13/cover-paper.yaml line 3, column "meeting.date"');
    expect(r.stderr).toContain('"meeting.date" must be a date like 2013-09-26.');
    expect(r.stderr).toContain('"keyIssues" is required but missing.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('escapes hostile text from the file everywhere it appears', async () => {
    const hostile = [
      'meeting:',
      '  board: "Board\\"; } body { display: none } </style><script>alert(1)</script>"',
      '  date: 2013-09-24',
      '  item: "<img src=x onerror=alert(2)>"',
      'title: "</title><script>alert(3)</script>"',
      'reportOf: "<iframe src=https://evil.example>"',
      'contacts:',
      '  - name: "<script>alert(4)</script>"',
      '    role: "<b onmouseover=alert(5)>Chair</b>"',
      '    email: "x@example.org"',
      'purpose: |',
      '  <script>alert(6)</script> [click](javascript:alert(7)) ![x](https://evil.example/t.png)',
      'keyIssues: |',
      '  <img src=x onerror=alert(8)> {{value "lado.referrals"}} referrals',
      'actions:',
      '  - "<script>alert(9)</script>"',
      'exempt: yes',
      'exemptReason: "<svg onload=alert(10)>"',
      'appendices:',
      '  - "<a href=javascript:alert(11)>x</a>"',
    ].join('\n');
    const out = scratch();
    const r = await runCli(['cover', '2012-13', '--data', sampleWithPaper(hostile), '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(out, HTML), 'utf8');
    expect(html).not.toMatch(/<script|<img|<iframe|<b |<svg onload|<a href=javascript|href="javascript/i);
    expect(html).not.toMatch(/<[^>]*\son(error|load|mouseover)=/i);
    expect(html).toContain('&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(8)&gt; 144 referrals');
    // The meeting's name goes into the print stylesheet's running header as an escaped CSS string.
    const printCss = /<style media="print">([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(printCss.trim().split('\n')[0]).toMatch(/^@page \{ @top-left \{ content: "[^"]*"; \} \}$/);
    expect(printCss).not.toMatch(/[<>]/);
    // Only the two stylesheets the template brings are in the document.
    expect(html.match(/<style/g)).toHaveLength(2);
  });

  it('without a browser: exit 3 with install help and the HTML still written', async () => {
    const out = scratch();
    const r = await runCli(['cover', '2012-13', '--data', SAMPLE_DIR, '--out', out, '--browser', '/no/such/chrome']);
    expect(r.code).toBe(3);
    expect(readdirSync(out)).toEqual([HTML]);
    expect(r.stderr).toContain('The PDF was not made; the HTML was written');
    expect(r.stdout).not.toContain(PDF);
  });

  it('an unknown format is a usage error', async () => {
    const r = await runCli(['cover', '2012-13', '--data', SAMPLE_DIR, '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown format "docx"');
  });
});
