import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';
import { readFileSync } from 'node:fs';
const doc = await PDFDocument.load(readFileSync(process.argv[2]), { updateMetadata: false });
const counts = {};
for (const [, obj] of doc.context.enumerateIndirectObjects()) {
  if (obj instanceof PDFDict) {
    const s = obj.get(PDFName.of('S'));
    if (s) { const k = s.toString(); counts[k] = (counts[k] ?? 0) + 1; if (k === '/Figure') console.log('Figure alt:', String(obj.lookup(PDFName.of('Alt'))?.decodeText?.() ?? obj.get(PDFName.of('Alt'))).slice(0, 90)); }
  }
}
console.log(counts);
