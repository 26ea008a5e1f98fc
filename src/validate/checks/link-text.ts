/**
 * Check: every link in the narrative says where it leads. A link read out of context (a screen reader's
 * list of links, a printed page) must make sense on its own (WCAG 2.4.4), so "click here", "read more",
 * a bare web address or a link with no text is a warning on its line. An empty link to a label,
 * `[](#label)`, is a cross-reference whose text the report generates, and is fine.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { OTHER_FILES } from '../../returns/definitions.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';

/** Link texts that say nothing about where the link goes, compared lower-case without punctuation. */
const NON_DESCRIPTIVE = new Set([
  'click', 'click here', 'click this', 'click this link', 'here', 'this', 'this link', 'link', 'this page', 'page',
  'read more', 'more', 'more info', 'more information', 'find out more', 'learn more', 'see more', 'see here',
  'go', 'go here', 'details', 'website', 'this website', 'web page', 'this document', 'document', 'download',
]);

/** A cross-reference target: `#` and a label (as the report's renderer accepts it). */
const LABEL = /^#[A-Za-z][A-Za-z0-9_.-]*$/;

/** The words a reader sees in a link: its text, with an image's alternative text, without Markdown. */
function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) return plainText(t.tokens as Token[]);
      if (t.type === 'image') return (t as Tokens.Image).text;
      return 'text' in t && typeof t.text === 'string' ? t.text : '';
    })
    .join('');
}

/** Lower case, quotes and punctuation dropped, spaces collapsed: "Click here!" → "click here". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One link of a narrative file with what is wrong with its text, or null when the text is fine. */
export interface LinkTextProblem {
  code: 'link-text-empty' | 'link-text-not-descriptive';
  line: number;
  text: string;
  href: string;
  message: string;
  hint: string;
}

/** The links in a narrative (Markdown) whose text does not say where they lead, with their lines. */
export function linkTextProblems(markdown: string): LinkTextProblem[] {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  let tokens: ReturnType<typeof marked.lexer>;
  try {
    tokens = marked.lexer(markdown);
  } catch {
    // Text too deeply nested to read is reported by the narrative limits; it has no links to judge here.
    return [];
  }
  const problems: LinkTextProblem[] = [];
  // Links are met in document order, so each raw link is searched for after the previous one.
  let from = 0;
  marked.walkTokens(tokens, (token) => {
    if (token.type !== 'link') return;
    const link = token as Tokens.Link;
    const at = markdown.indexOf(link.raw, from);
    if (at >= 0) from = at + link.raw.length;
    const line = at >= 0 ? markdown.slice(0, at).split('\n').length : 1;
    const href = link.href.trim();
    const text = plainText(link.tokens).replace(/\s+/g, ' ').trim();
    if (text === '') {
      if (LABEL.test(href)) return; // [](#label): a cross-reference, its text is generated
      problems.push({
        code: 'link-text-empty',
        line,
        text,
        href,
        message: `The link to "${href}" has no text, so a reader hears or sees nothing that says where it goes.`,
        hint: 'Write what the link leads to between the square brackets, e.g. [the board’s business plan](https://…). An empty link is only for a cross-reference to a label, [](#label).',
      });
      return;
    }
    const bare = href.replace(/^mailto:/i, '');
    const isAddress = /^https?:\/\//i.test(href) && (text === href || text === bare || /^(https?:\/\/|www\.)\S+$/i.test(text));
    if (isAddress) {
      problems.push({
        code: 'link-text-not-descriptive',
        line,
        text,
        href,
        message: `The link's text is the web address itself ("${text}"), which says little to a reader and is read out character by character.`,
        hint: 'Name what the page holds, e.g. [Ofsted’s inspection report](https://…); the printed report adds the address after the link text by itself.',
      });
      return;
    }
    if (NON_DESCRIPTIVE.has(normalise(text)) || /^click here\b/.test(normalise(text))) {
      problems.push({
        code: 'link-text-not-descriptive',
        line,
        text,
        href,
        message: `The link text "${text}" does not say where the link goes; out of context (a screen reader's list of links, a printed page) it means nothing.`,
        hint: 'Make the words of the link name what it leads to, e.g. "read [the serious case review](https://…)" rather than "[click here](https://…)".',
      });
    }
  });
  return problems;
}

/** A warning for each narrative link without descriptive text, at its file and line. */
export const linkText: Check = {
  id: 'link-text',
  description: 'Links in the narrative say where they lead: no empty link text (except a [](#label) cross-reference), no "click here" or "read more", no bare web address.',
  run({ data }) {
    const findings: Finding[] = [];
    for (const [id, text] of data.narrative) {
      for (const p of linkTextProblems(text)) {
        findings.push({
          code: p.code,
          severity: 'warning',
          file: `${data.year.label}/${OTHER_FILES.narrativeDir}/${id}.md`,
          row: p.line,
          value: p.text === '' ? p.href : p.text,
          message: p.message,
          hint: p.hint,
        });
      }
    }
    return findings;
  },
};
