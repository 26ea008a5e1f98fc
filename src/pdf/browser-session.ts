/**
 * A managed headless browser: launched once per run, reused for every PDF, each page closed in `finally`,
 * the browser closed (and killed if it will not close) by `close()`. Printing is locked down: no script
 * runs, no network request leaves the browser, and every print is bounded in time. A crash, a hang or a
 * disconnect rejects with `PdfError`; it never hangs and never yields a PDF that is not complete.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { TimeoutError, type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { fillContentsPlaceholders, listContentsPlaceholders, readDestinationPages } from './contents.js';
import { patchContentsNumbers, type ContentsPlaceholder } from './contents-patch.js';
import { registerCleanup } from '../io/stop-signals.js';
import { PdfError } from './errors.js';
import { BROWSER_TIMEOUT_ENV, browserTimeoutFromEnv } from './find-browser.js';
import { loadPdf, saveWithMetadata, type PdfMetadata } from './metadata.js';
import { describeLinks } from './link-descriptions.js';
import { repairOutlineTitles } from './outline.js';
import { stampRunningHeads, type LeftHeader, type RunningHead } from './running-head.js';

/** Default limit for one `print` call (all its passes together). */
export const DEFAULT_PRINT_TIMEOUT_MS = 60_000;
/** Default limit for the browser to start. */
export const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;
/** Most browser passes a contents-filling print may take before giving up. */
export const MAX_CONTENTS_PASSES = 3;

/**
 * Chromium flags. `--host-resolver-rules` makes every host name and IP address unreachable: request
 * interception alone does not see `<link rel=prefetch>` or `preconnect`, which Chromium fetches from the
 * network stack directly (checked with Chromium 156).
 */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Options for starting the browser. */
export interface LaunchOptions {
  /** Default time limit for each `print` call, in ms (`LSCB_REPORT_BROWSER_TIMEOUT`, else 60 s, unless given). */
  timeoutMs?: number;
  /** Time limit for the browser to start, in ms (`LSCB_REPORT_BROWSER_TIMEOUT`, else 30 s, unless given). */
  launchTimeoutMs?: number;
}

/** What to print and the metadata to stamp on it. */
export interface PrintOptions extends PdfMetadata {
  /**
   * Fill `.toc-page` placeholders with real page numbers: printed once, the numbers written into the PDF
   * (`contents-patch.ts`); printed again with the numbers in the HTML only when that cannot be done exactly.
   */
  fillContents?: boolean;
  /** How to fill the contents: `patch` (the default, falling back to `reprint`) or always `reprint`. */
  contentsMethod?: 'patch' | 'reprint';
  /** Time limit for this call, all passes included; defaults to the session's. */
  timeoutMs?: number;
  /** Aborts the print (e.g. on Ctrl-C); the call then rejects with `PdfError` reason `aborted`. */
  signal?: AbortSignal;
  /** Section titles to print at the top of each section's pages (see `running-head.ts`). */
  runningHeads?: readonly RunningHead[];
  /** The top-left running header the page CSS prints, which the section titles keep clear of. */
  runningHeader?: LeftHeader;
}

/** A printed document and what was learnt printing it. */
export interface PrintResult {
  pdf: Uint8Array;
  pageCount: number;
  /** 1-based page of every internal link target (element ID) in the document. */
  contentsPages: Map<string, number>;
  /** URLs the page tried to load and was refused (anything but `data:`); empty for self-contained HTML. */
  blockedRequests: string[];
  /** Browser passes used: 1, or 2 (occasionally 3) when the contents numbers had to be printed from the HTML. */
  passes: number;
  /** How the contents numbers were filled: written into the printed PDF, printed again, or none to fill. */
  contents: 'patched' | 'reprinted' | 'none';
  /** Why they could not be written into the PDF, when they were printed again instead. */
  patchRefusal?: string;
}

type Guard = <T>(work: Promise<T>) => Promise<T>;

/** A launched browser that prints self-contained HTML to PDF. */
/** Profile folders are named with the owning process id, so one left by a killed run (kill -9) can be found. */
const PROFILE_PREFIX = 'lscb-report-browser-';

/** Remove profile folders left in the temporary folder by runs that no longer exist. Never throws. */
async function removeAbandonedProfiles(): Promise<void> {
  let names: string[];
  try {
    names = await readdir(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const m = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') await removeDir(path.join(tmpdir(), name));
    }
  }
}

export class BrowserSession {
  private closing = false;
  private closed: Promise<void> | undefined;
  private readonly disconnected: Promise<never>;

  private constructor(
    private readonly browser: Browser,
    /** The temporary browser profile folder, removed by `close()`. */
    readonly profileDir: string,
    private readonly timeoutMs: number,
    /** The executable this session runs. */
    readonly executablePath: string,
  ) {
    this.disconnected = new Promise<never>((_, reject) => {
      browser.once('disconnected', () => {
        reject(
          this.closing
            ? new PdfError('session-closed', 'The browser was closed while a PDF was being printed.')
            : new PdfError('crashed', 'The browser quit unexpectedly (it crashed or was killed) while printing the PDF.'),
        );
      });
    });
    this.disconnected.catch(() => undefined);
    process.once('exit', this.removeProfileOnExit);
    this.unregisterCleanup = registerCleanup(() => this.close());
  }

  /** Removes this session from the clean-ups a stop signal runs. */
  private readonly unregisterCleanup: () => void;

  /** If the process exits without `close()` (Ctrl-C, an uncaught error), still remove the profile folder. */
  private readonly removeProfileOnExit = (): void => {
    try {
      rmSync(this.profileDir, { recursive: true, force: true });
    } catch {
      // Best effort while exiting.
    }
  };

  /**
   * Start the browser at `executablePath` with a fresh, temporary profile; throws `PdfError` if it will not
   * start. The start is bounded: a browser that has not answered on the DevTools protocol within the launch
   * limit is killed with its whole process group, its profile removed, and `PdfError` reason
   * `launch-timeout` thrown. Both limits default to `LSCB_REPORT_BROWSER_TIMEOUT` (seconds) when it is set.
   */
  static async launch(executablePath: string, options: LaunchOptions = {}): Promise<BrowserSession> {
    const fromEnv = browserTimeoutFromEnv(process.env);
    const timeoutMs = checkTimeout(options.timeoutMs ?? fromEnv ?? DEFAULT_PRINT_TIMEOUT_MS);
    const launchTimeoutMs = checkTimeout(options.launchTimeoutMs ?? fromEnv ?? DEFAULT_LAUNCH_TIMEOUT_MS);
    await removeAbandonedProfiles();
    const userDataDir = await mkdtemp(path.join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    // If a signal stops the run while the browser is starting, the profile is still removed.
    const removeOnExit = () => rmSync(userDataDir, { recursive: true, force: true });
    process.once('exit', removeOnExit);
    const unregister = registerCleanup(() => removeDir(userDataDir));
    // Puppeteer's own `timeout` does not cover the DevTools handshake over a pipe (a browser that starts
    // but never answers waits for `protocolTimeout`), so the whole launch is raced against this timer.
    // Aborting kills the browser's process group (Puppeteer starts it as a group leader).
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(
          new PdfError(
            'launch-timeout',
            `The browser ${executablePath} did not answer within ${formatSeconds(launchTimeoutMs)} of starting, so it was stopped. ` +
              `Check it is a working Chrome, Chromium or Edge (run lscb-report doctor, or choose another with --browser PATH); ` +
              `on a slow machine allow more time with ${BROWSER_TIMEOUT_ENV}=<seconds>.`,
          ),
        );
      }, launchTimeoutMs);
    });
    const launching = puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir,
      args: [...BROWSER_ARGS],
      // 0: no limit of Puppeteer's own; the timer above bounds the whole launch.
      timeout: 0,
      protocolTimeout: Math.max(timeoutMs, launchTimeoutMs, 30_000),
      signal: abort.signal,
    });
    try {
      const browser = await Promise.race([launching, timedOut]);
      return new BrowserSession(browser, userDataDir, timeoutMs, executablePath);
    } catch (error) {
      if (error instanceof PdfError) {
        // Timed out: the abort has killed the browser. Wait (bounded) for Puppeteer to give up, and close a
        // browser that answered at the last moment, so no process is left writing to the profile.
        const late = await withTimeout(launching, 5_000).catch(() => undefined);
        const pid = late?.process()?.pid;
        await late?.close().catch(() => undefined);
        killGroup(pid);
      }
      await removeDir(userDataDir);
      if (error instanceof PdfError) throw error;
      throw new PdfError('launch-failed', `Could not start the browser ${executablePath}: ${firstLine(error)}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      timedOut.catch(() => undefined);
      unregister();
      process.removeListener('exit', removeOnExit);
    }
  }

  /** Process id of the browser, when known (diagnostics and tests). */
  get pid(): number | undefined {
    return this.browser.process()?.pid;
  }

  /** True while the browser is running and usable. */
  get isConnected(): boolean {
    return !this.closing && this.browser.connected;
  }

  /** Print `html` to a finished PDF (metadata set, reproducible bytes). */
  async printPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
    return (await this.print(html, options)).pdf;
  }

  /** Print `html` and return the PDF with its page count, contents page map and any blocked requests. */
  async print(html: string, options: PrintOptions): Promise<PrintResult> {
    if (this.closing) throw new PdfError('session-closed', 'The browser session is already closed.');
    const timeoutMs = checkTimeout(options.timeoutMs ?? this.timeoutMs);
    const stops: Array<Promise<never>> = [this.disconnected];
    const cleanups: Array<() => void> = [];

    let timer: NodeJS.Timeout | undefined;
    stops.push(
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new PdfError(
                'timeout',
                `Printing the PDF took longer than ${formatSeconds(timeoutMs)} and was stopped. ` +
                  `Try again, or allow more time with ${BROWSER_TIMEOUT_ENV}=<seconds>.`,
              ),
            ),
          timeoutMs,
        );
      }),
    );
    cleanups.push(() => clearTimeout(timer));

    const signal = options.signal;
    if (signal !== undefined) {
      stops.push(
        new Promise<never>((_, reject) => {
          const onAbort = (): void => reject(new PdfError('aborted', 'Printing the PDF was cancelled.'));
          if (signal.aborted) onAbort();
          signal.addEventListener('abort', onAbort, { once: true });
          cleanups.push(() => signal.removeEventListener('abort', onAbort));
        }),
      );
    }
    for (const stop of stops) stop.catch(() => undefined);
    const guard: Guard = (work) => Promise.race([work, ...stops]);

    try {
      return await this.printPasses(html, options, guard);
    } catch (error) {
      throw this.toPdfError(error);
    } finally {
      for (const cleanup of cleanups) cleanup();
    }
  }

  /** Close the browser (killing it if it does not close within 5 s) and remove its profile. Never throws. */
  close(): Promise<void> {
    if (this.closed === undefined) {
      this.closing = true;
      this.closed = this.shutdown();
    }
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    const child = this.browser.process();
    try {
      if (this.browser.connected) await withTimeout(this.browser.close(), 5_000);
    } catch {
      // Fall through: the process is killed below.
    }
    if (child !== null && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await withTimeout(exited, 5_000).catch(() => undefined);
    }
    // After a crash or kill, Chromium's helper processes (zygote, renderers) can outlive the main one and
    // keep writing to the profile. Puppeteer starts the browser as a process-group leader, so end the group.
    killGroup(child?.pid);
    await removeDir(this.profileDir);
    process.removeListener('exit', this.removeProfileOnExit);
    this.unregisterCleanup();
  }

  private async printPasses(html: string, options: PrintOptions, guard: Guard): Promise<PrintResult> {
    const placeholders = options.fillContents === true ? listContentsPlaceholders(html) : [];
    const targets = placeholders.map((p) => p.id);
    const tryPatch = targets.length > 0 && options.contentsMethod !== 'reprint';
    const blocked = new Set<string>();
    let current = html;
    let patchRefusal: string | undefined = options.contentsMethod === 'reprint' ? 'reprint asked for' : undefined;
    for (let pass = 1; ; pass++) {
      const { bytes, aligns } = await this.renderOnce(current, guard, blocked, tryPatch && pass === 1);
      let doc;
      try {
        doc = await guard(loadPdf(bytes));
      } catch (error) {
        if (error instanceof PdfError) throw error;
        throw new PdfError('invalid-output', `The browser's PDF could not be read back: ${firstLine(error)}`, {
          cause: error,
        });
      }
      const pages = readDestinationPages(doc);
      let contents: PrintResult['contents'] = 'none';
      if (targets.length > 0) {
        const filled = fillContentsPlaceholders(html, pages);
        if (filled.missing.length > 0) {
          const ids = [...new Set(filled.missing)].map((id) => `#${id}`).join(', ');
          throw new PdfError(
            'contents-unresolved',
            `The contents list points at ${ids}, but no linked element with that id was found in the printed document.`,
          );
        }
        contents = 'reprinted';
        if (aligns !== undefined) {
          patchRefusal = patchContentsNumbers(doc, withAlignment(placeholders, aligns), pages) ?? undefined;
          if (patchRefusal === undefined) {
            contents = 'patched';
            current = filled.html;
          }
        }
        if (filled.html !== current) {
          if (pass >= MAX_CONTENTS_PASSES) {
            throw new PdfError(
              'contents-unstable',
              `The contents page numbers still changed the layout after ${pass} passes; ` +
                'the .toc-page placeholders must have a fixed width.',
            );
          }
          current = filled.html;
          continue;
        }
      }
      repairOutlineTitles(doc, current);
      describeLinks(doc, current);
      if (options.runningHeads !== undefined) await guard(stampRunningHeads(doc, pages, options.runningHeads, options.runningHeader));
      const pdf = await guard(saveWithMetadata(doc, options));
      return {
        pdf,
        pageCount: doc.getPageCount(),
        contentsPages: pages,
        blockedRequests: [...blocked],
        passes: pass,
        contents,
        ...(contents === 'reprinted' && patchRefusal !== undefined ? { patchRefusal } : {}),
      };
    }
  }

  /**
   * One browser pass: a fresh locked-down page, load the HTML, print, close the page whatever happens.
   * With `readAlignment`, also read how each contents placeholder is aligned in print (for the patch).
   */
  private async renderOnce(
    html: string,
    guard: Guard,
    blocked: Set<string>,
    readAlignment: boolean,
  ): Promise<{ bytes: Uint8Array; aligns?: PlaceholderAlignment[] }> {
    const pagePromise = this.browser.newPage();
    try {
      const page = await guard(pagePromise);
      const tabCrashed = new Promise<never>((_, reject) => {
        page.once('error', (error: Error) =>
          reject(new PdfError('crashed', 'The browser tab crashed while printing the PDF.', { cause: error })),
        );
      });
      tabCrashed.catch(() => undefined);
      const step: Guard = (work) => guard(Promise.race([work, tabCrashed]));

      await step(page.setJavaScriptEnabled(false));
      await step(page.setRequestInterception(true));
      page.on('request', (request) => refuseNetwork(request, blocked));
      // JavaScript is off for the page's own scripts; DevTools evaluation (used here) still works.
      await step(page.setContent(html, { waitUntil: 'load', timeout: 0 }));
      await step(page.evaluate(() => document.fonts.ready.then(() => undefined)));
      const bytes = await step(
        page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
          outline: true,
          displayHeaderFooter: false,
          timeout: 0,
        }),
      );
      if (!readAlignment) return { bytes };
      // How each placeholder is aligned, read after the print so the print is not delayed. The screen's
      // computed style is the print's unless a media-dependent rule sets text-align or direction on a
      // placeholder or an element around it; only then is the page restyled for print (a full restyle).
      let read = await step(page.evaluate(readPlaceholderAlignment));
      if (read.mediaDependent) {
        await step(page.emulateMediaType('print'));
        read = await step(page.evaluate(readPlaceholderAlignment));
      }
      const aligns = read.aligns;
      return { bytes, aligns };
    } finally {
      await closePageQuietly(pagePromise);
    }
  }

  private toPdfError(error: unknown): PdfError {
    if (error instanceof PdfError) return error;
    if (!this.closing && !this.browser.connected) {
      return new PdfError('crashed', 'The browser quit unexpectedly (it crashed or was killed) while printing the PDF.', {
        cause: error,
      });
    }
    if (this.closing) return new PdfError('session-closed', 'The browser was closed while a PDF was being printed.');
    if (error instanceof TimeoutError) {
      return new PdfError('timeout', `The browser stopped responding while printing: ${firstLine(error)}`, { cause: error });
    }
    return new PdfError('print-failed', `The browser could not print the PDF: ${firstLine(error)}`, { cause: error });
  }
}

/**
 * Runs in the page (by DevTools, with the page's own scripts off): each placeholder's computed alignment,
 * and whether a rule under a media condition (`@media print`, `@media screen` …) sets text-align or
 * direction on a placeholder or one of its ancestors (both are inherited), so the screen's values may
 * not be the print's.
 */
function readPlaceholderAlignment(): { aligns: PlaceholderAlignment[]; mediaDependent: boolean } {
  const placeholders = Array.from(document.querySelectorAll('span.toc-page[data-toc-target]'));
  const chain = new Set<Element>();
  for (const p of placeholders) for (let e: Element | null = p; e !== null; e = e.parentElement) chain.add(e);
  let mediaDependent = false;
  const visit = (rules: CSSRuleList, conditional: boolean): void => {
    for (const rule of Array.from(rules)) {
      if (mediaDependent) return;
      if (rule instanceof CSSMediaRule) visit(rule.cssRules, true);
      else if (rule instanceof CSSImportRule) mediaDependent = true;
      else if (rule instanceof CSSStyleRule) {
        if (conditional && (rule.style.getPropertyValue('text-align') !== '' || rule.style.getPropertyValue('direction') !== '')) {
          try {
            for (const e of chain) if (e.matches(rule.selectorText)) mediaDependent = true;
          } catch {
            mediaDependent = true;
          }
        }
        if ('cssRules' in rule && (rule as CSSStyleRule & { cssRules?: CSSRuleList }).cssRules) visit((rule as CSSStyleRule & { cssRules: CSSRuleList }).cssRules, conditional);
      } else if ('cssRules' in rule) {
        // @supports, @layer, @container …: their rules may apply or not; treat as conditional.
        visit((rule as CSSGroupingRule).cssRules, true);
      }
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      const media = sheet.media.mediaText.trim().toLowerCase();
      visit(sheet.cssRules, media !== '' && media !== 'all');
    } catch {
      mediaDependent = true;
    }
  }
  const aligns = placeholders.map((e) => {
    const style = getComputedStyle(e);
    return { id: e.getAttribute('data-toc-target') ?? '', text: (e.textContent ?? '').trim(), align: style.textAlign, direction: style.direction };
  });
  return { aligns, mediaDependent };
}

/** A contents placeholder as the browser laid it out for print. */
interface PlaceholderAlignment {
  id: string;
  text: string;
  align: string;
  direction: string;
}

/**
 * The placeholders with the side their text keeps to, when the browser's list is the same as the HTML's
 * (same ids, same text, same order); otherwise every one is `other`, so only same-length numbers are written.
 */
function withAlignment(placeholders: ReadonlyArray<{ id: string; text: string }>, aligns: readonly PlaceholderAlignment[]): ContentsPlaceholder[] {
  const same = aligns.length === placeholders.length && aligns.every((a, i) => a.id === placeholders[i]!.id && a.text === placeholders[i]!.text);
  return placeholders.map((p, i) => {
    const a = same ? aligns[i]! : undefined;
    if (a === undefined) return { ...p, align: 'other' };
    const rtl = a.direction === 'rtl';
    const side =
      a.align === 'right' || (a.align === 'end' && !rtl) || (a.align === 'start' && rtl)
        ? 'right'
        : a.align === 'left' || (a.align === 'start' && !rtl) || (a.align === 'end' && rtl) || (a.align === 'justify' && !rtl)
          ? 'left'
          : 'other';
    return { ...p, align: side };
  });
}

/** Let `data:` sub-resources through; refuse everything else, including any navigation away. */
function refuseNetwork(request: HTTPRequest, blocked: Set<string>): void {
  const url = request.url();
  if (url.startsWith('data:') && !request.isNavigationRequest()) {
    request.continue().catch(() => undefined);
    return;
  }
  // Recorded once the browser has confirmed the abort, so the list is what interception really refused.
  request.abort('blockedbyclient').then(
    () => blocked.add(url.length > 200 ? `${url.slice(0, 200)}…` : url),
    () => undefined,
  );
}

async function closePageQuietly(pagePromise: Promise<Page>): Promise<void> {
  try {
    const page = await withTimeout(pagePromise, 2_000);
    await withTimeout(page.close(), 2_000);
  } catch {
    // The page never opened, or the browser is gone; closing the session cleans up.
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** Remove a folder, trying again for a moment if a dying browser process is still writing into it. */
async function removeDir(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    if (!existsSync(dir)) return;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** A time limit must be a positive number of ms that `setTimeout` can hold (it fires at once beyond 2^31 - 1). */
/** Kill the process group led by `pid` (the browser and its helpers); nothing on Windows or without a pid. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined || process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

function checkTimeout(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0 || ms > 2_147_483_647) {
    throw new RangeError(`A PDF time limit must be between 1 ms and about 24 days, not ${ms}`);
  }
  return ms;
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
