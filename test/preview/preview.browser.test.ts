/**
 * `preview` in a real browser, with JavaScript on: the page loads without a content-security-policy
 * violation, reloads by itself when a narrative file changes, shows the findings while a return is
 * invalid and the report again once it is fixed. Skipped on a machine without a browser; failing in CI.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copySample } from '../report/sample.js';
import { describeWithBrowser, startPreviewForTest, testBrowserPath, waitFor, type RunningPreview } from './support.js';

const SENTENCE = 'The board met in extraordinary session to agree this preview sentence.';

describeWithBrowser('preview in a real browser', () => {
  let board: ReturnType<typeof copySample>;
  let preview: RunningPreview;
  let browser: Browser;
  let page: Page;
  let loads = 0;
  const problems: string[] = [];
  const requested: string[] = [];

  const bodyText = async (): Promise<string> => page.evaluate(() => document.body.innerText);
  const waitForText = (text: string, what: string) => waitFor(async () => (await bodyText()).includes(text), what);

  beforeAll(async () => {
    const executablePath = testBrowserPath();
    board = copySample();
    preview = await startPreviewForTest(board.dir);
    browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    page.on('load', () => loads++);
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(preview.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    board?.remove();
  });

  it('shows the report, runs the live-reload client and breaks no rule of the content security policy', async () => {
    expect(await page.title()).toBe('Calderdale Safeguarding Children Board annual report 2012-13');
    await waitFor(() => requested.includes('/__events'), 'the page to open the event stream');
    expect(requested.slice(0, 3)).toEqual(['/', '/__live-reload.js', '/__events']);
    expect(problems).toEqual([]);
  });

  it('reloads by itself when a narrative file changes, shows the new sentence, and keeps the place on the page', async () => {
    const before = loads;
    expect(await bodyText()).not.toContain(SENTENCE);
    await page.evaluate(() => window.scrollTo(0, 2000));
    appendFileSync(path.join(board.dir, '2012-13', 'narrative', 'finance.md'), `\n${SENTENCE}\n`);
    await waitForText(SENTENCE, 'the new sentence after a reload');
    await waitFor(() => loads > before, 'the load event of the reloaded page');
    await waitFor(async () => (await page.evaluate(() => window.scrollY)) === 2000, 'the scroll position to be restored', 5000);
    expect(problems).toEqual([]);
  });

  it('shows the finding while a return is invalid, and the report again once it is fixed', async () => {
    const file = path.join(board.dir, '2012-13', 'lado-referrals.csv');
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    lines[1] = lines[1]!.replace(',cafcass,', ',not-an-agency,');
    writeFileSync(file, lines.join('\n'));

    await waitForText('cannot be shown yet', 'the findings page');
    const finding = await page.$eval('tbody tr', (tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim()));
    expect(finding.slice(0, 5)).toEqual(['Error', '2012-13/lado-referrals.csv', '2', 'C “Referral source”', 'not-an-agency']);
    expect(finding[5]).toBe('"not-an-agency" is not an allowed value.');
    expect(finding[6]).toContain('Allowed: childrens-services');

    writeFileSync(file, original);
    await waitForText(SENTENCE, 'the report again');
    expect(await page.title()).toBe('Calderdale Safeguarding Children Board annual report 2012-13');
    expect(problems).toEqual([]);
  });
});
