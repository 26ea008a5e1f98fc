import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
const html = readFileSync('/tmp/scratch/report.html', 'utf8');
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.setViewport({ width: 658, height: 1000 });
await p.emulateMediaType('print');
await p.setContent(html);
const r = await p.evaluate(() => {
  const W = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const rect = el.getBoundingClientRect();
    if (rect.right > W + 1) out.push(`${el.tagName}.${el.className} ${el.id} right=${Math.round(rect.right)} w=${Math.round(rect.width)}`);
  }
  return [W, document.documentElement.scrollWidth, out.slice(0, 20)];
});
console.log(JSON.stringify(r, null, 1));
await b.close();
