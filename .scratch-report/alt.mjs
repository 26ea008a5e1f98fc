import { BrowserSession } from '/work/main/dist/pdf/browser-session.js';
import { writeFileSync } from 'node:fs';
const svg = '<svg width="100" height="50" aria-hidden="true"><rect width="100" height="50" fill="blue"/></svg>';
const variants = {
  e: `<figure aria-label="ALT E">${svg}<figcaption>Cap E</figcaption></figure>`,
  f: `<figure aria-label="ALT F"><div class="x">${svg}</div><figcaption>Cap F</figcaption></figure>`,
};
const s = await BrowserSession.launch('/usr/bin/chromium');
try {
  for (const [k, body] of Object.entries(variants)) {
    const pdf = await s.printPdf(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>x</p>${body}</body></html>`, { title: 't', author: 'a', date: new Date(0) });
    writeFileSync(`/tmp/scratch/alt-${k}.pdf`, pdf);
  }
} finally { await s.close(); }
