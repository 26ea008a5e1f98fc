/**
 * Render stage for the cover paper: the model through `templates/cover-paper/layout.hbs` into one
 * self-contained HTML document (inline CSS, inline SVG symbols, no script, nothing fetched). A fresh
 * Handlebars instance in strict mode with prototype access off; values are escaped by `{{ }}`, and the
 * only unescaped markup is the stylesheet, the constant symbols and Markdown already made safe.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { PdfMetadata } from '../pdf/metadata.js';
import { cssString } from '../report/escape.js';
import type { CoverPaperModel } from './model.js';

/** The cover paper's template folder shipped with the package. */
export const COVER_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/cover-paper/', import.meta.url));

/** Keep a stylesheet from closing its `<style>` element early. */
function safeCss(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/** The running header and page numbers, built here because the header carries the meeting's name. */
function pageCss(model: CoverPaperModel): string {
  // The first page carries the meeting in full, so the running header starts on page 2.
  return `@page { @top-left { content: ${cssString(model.runningHeader)}; } }\n@page :first { @top-left { content: ""; } }`;
}

/** Render the cover paper to a complete HTML document. */
export async function renderCoverPaperHtml(model: CoverPaperModel, templateDir = COVER_TEMPLATE_DIR): Promise<string> {
  const [layout, css] = await Promise.all([
    readFile(path.join(templateDir, 'layout.hbs'), 'utf8'),
    readFile(path.join(templateDir, 'cover-paper.css'), 'utf8'),
  ]);
  const hb = Handlebars.create();
  const template = hb.compile(layout, { strict: true, preventIndent: true });
  return template(
    { ...model, css: safeCss(css), pageCss: pageCss(model) },
    { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  );
}

/**
 * The PDF's metadata. Its date is SOURCE_DATE_EPOCH, else the meeting date: never the clock, so a
 * rebuild gives the same bytes.
 */
export function coverPaperPdfMetadata(model: CoverPaperModel, sourceDateEpoch: number | null): PdfMetadata {
  const date = sourceDateEpoch !== null ? new Date(sourceDateEpoch * 1000) : new Date(`${model.meeting.date}T00:00:00Z`);
  return {
    title: model.documentTitle,
    author: model.contacts.map((c) => c.name).join(', ') || model.boardName,
    subject: model.subject,
    keywords: ['safeguarding children', 'annual report', 'cover paper', model.boardName, model.meeting.board, model.year],
    language: model.lang,
    date,
  };
}
