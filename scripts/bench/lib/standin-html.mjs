/**
 * A stand-in report used only while the real renderer does not exist: about 40 A4 pages of numbered
 * paragraphs and captioned tables, self-contained, with a contents list in the template's placeholder format.
 */
export function standInReportHtml(sections = 20) {
  const toc = [];
  const body = [];
  for (let s = 1; s <= sections; s++) {
    toc.push(`<li><a href="#s${s}">Section ${s}</a> <span class="toc-page" data-toc-target="s${s}">00</span></li>`);
    const rows = Array.from({ length: 30 }, (_, r) => `<tr><th scope="row">Row ${r + 1}</th><td>${(s * 37 + r * 11) % 500}</td><td>${((s * 13 + r * 7) % 1000) / 10}%</td></tr>`).join('');
    const paras = Array.from({ length: 6 }, (_, p) => `<p><span class="num">${s}.${p + 1}</span> The board reviewed the figures for this part of its work and agreed the actions that follow from them; partners reported on progress at each meeting of the year.</p>`).join('');
    body.push(`<section><h1 id="s${s}">${s}. Section ${s}</h1>${paras}<table><caption>Table ${s}</caption><thead><tr><th scope="col">Item</th><th scope="col">Count</th><th scope="col">Rate</th></tr></thead><tbody>${rows}</tbody></table></section>`);
  }
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Stand-in report</title><style>
body{font-family:serif;font-size:11pt} section{break-before:page} table{border-collapse:collapse;width:100%} td,th{border:1px solid #999;padding:2px 4px} td{text-align:right} .toc-page{display:inline-block;width:3em;text-align:right}
</style></head><body><h1>Contents</h1><ol>${toc.join('')}</ol>${body.join('')}</body></html>`;
}
