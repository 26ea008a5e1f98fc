/**
 * Finding a Chrome, Chromium or Edge to print with: the `--browser` flag, then CHROME_PATH, then
 * PUPPETEER_EXECUTABLE_PATH, then Puppeteer's download cache (newest first), then the usual install paths
 * for the platform, then `PATH`. Every outside fact (environment, file system, platform, home folder) can
 * be injected, so tests never touch the real machine.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir as osHomedir } from 'node:os';
import path from 'node:path';
import { CliError, ExitCode } from '../errors.js';
import { BrowserNotFoundError } from './errors.js';

/** Environment variable: the time limit, in seconds, for the browser to start and for each PDF it prints. */
export const BROWSER_TIMEOUT_ENV = 'LSCB_REPORT_BROWSER_TIMEOUT';
/** The largest `LSCB_REPORT_BROWSER_TIMEOUT` accepted (a day); a timer cannot run much longer. */
const MAX_BROWSER_TIMEOUT_S = 86_400;

/**
 * The browser time limit set in `LSCB_REPORT_BROWSER_TIMEOUT`, in ms, or undefined when it is not set (the
 * built-in limits then apply: 30 s to start, 60 s per print). Throws `CliError` (exit code 2, a usage error)
 * when it is set to anything but a number of seconds above 0.
 */
export function browserTimeoutFromEnv(env: Record<string, string | undefined> = process.env): number | undefined {
  const raw = env[BROWSER_TIMEOUT_ENV]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(seconds > 0 && seconds <= MAX_BROWSER_TIMEOUT_S)) {
    throw new CliError(
      `${BROWSER_TIMEOUT_ENV}=${JSON.stringify(env[BROWSER_TIMEOUT_ENV])} is not a time limit: give a number of seconds above 0 (at most ${MAX_BROWSER_TIMEOUT_S}).`,
      ExitCode.USAGE,
      `For example ${BROWSER_TIMEOUT_ENV}=120 allows the browser 2 minutes to start and to print each PDF; unset it for the defaults (30 s to start, 60 s to print).`,
    );
  }
  return Math.round(seconds * 1000);
}

/** Where a browser was found. */
export type BrowserSource = 'flag' | 'env' | 'puppeteer-cache' | 'system' | 'path';

/** A browser executable and how it was found. */
export interface BrowserLocation {
  path: string;
  source: BrowserSource;
}

/** A place a browser was looked for, and whether one is there (for `doctor`-style diagnostics). */
export interface BrowserCandidate extends BrowserLocation {
  /** Human-readable origin, e.g. `CHROME_PATH` or `PATH (chromium)`. */
  detail: string;
  exists: boolean;
}

/** Everything `findBrowser` reads from the machine; each defaults to the real one. */
export interface FindBrowserOptions {
  /** Value of `--browser`: a path, or a bare command name looked up on PATH. */
  flag?: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  homedir?: string;
  /** True when `p` is an executable file. */
  exists?: (p: string) => boolean;
  /** Folders of PATH, in order; defaults to `env.PATH` split for the platform. */
  pathDirs?: string[];
  /** Names in a folder, or an empty list when it cannot be read (used for Puppeteer's cache). */
  listDir?: (p: string) => string[];
}

/** Command names tried on PATH, best first. */
const PATH_COMMANDS = [
  'google-chrome',
  'google-chrome-stable',
  'chromium',
  'chromium-browser',
  'microsoft-edge',
  'msedge',
] as const;

/**
 * Find a browser, or return null when there is none.
 * Throws `BrowserNotFoundError` when `flag` is given but names nothing executable: an explicit choice
 * never silently falls back to another browser; `CliError` (exit code 2) when `LSCB_REPORT_BROWSER_TIMEOUT`
 * is set to something that is not a number of seconds.
 */
export function findBrowser(options: FindBrowserOptions = {}): BrowserLocation | null {
  const ctx = resolveContext(options);
  // A bad time limit is a usage error found here, before any browser is started.
  browserTimeoutFromEnv(ctx.env);
  if (options.flag !== undefined && options.flag !== '') {
    const found = resolveFlag(options.flag, ctx);
    if (found === null) {
      throw new BrowserNotFoundError(
        'flag-path-missing',
        `--browser ${options.flag}: no browser executable there.`,
        `Give the full path to Chrome, Chromium or Edge. ${browserInstallHelp(ctx.platform)}`,
      );
    }
    return { path: found, source: 'flag' };
  }
  for (const candidate of candidates(ctx)) {
    if (ctx.exists(candidate.path)) return { path: candidate.path, source: candidate.source };
  }
  return null;
}

/** Like `findBrowser`, but throws `BrowserNotFoundError` (with install help) instead of returning null. */
export function requireBrowser(options: FindBrowserOptions = {}): BrowserLocation {
  const found = findBrowser(options);
  if (found !== null) return found;
  const platform = options.platform ?? process.platform;
  throw new BrowserNotFoundError(
    'none-found',
    'No Chrome, Chromium or Edge found to print the PDF with.',
    browserInstallHelp(platform),
  );
}

/** Every place looked in, in order, and whether a browser is there (ignores `flag`). */
export function listBrowserCandidates(options: FindBrowserOptions = {}): BrowserCandidate[] {
  const ctx = resolveContext(options);
  return [...candidates(ctx)].map((c) => ({ ...c, exists: ctx.exists(c.path) }));
}

/** A short message saying how to install a browser for `platform`, or how to point at one. */
export function browserInstallHelp(platform: NodeJS.Platform): string {
  const pointAtOne = 'or point lscb-report at one with --browser PATH or the CHROME_PATH environment variable.';
  switch (platform) {
    case 'darwin':
      return `Install Google Chrome from https://www.google.com/chrome/ (Chromium or Microsoft Edge also work), ${pointAtOne}`;
    case 'win32':
      return `Install Google Chrome from https://www.google.com/chrome/ (Microsoft Edge, which comes with Windows, also works), ${pointAtOne}`;
    default:
      return `Install Chromium (Debian/Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium) or Google Chrome, ${pointAtOne}`;
  }
}

interface Context {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
  exists: (p: string) => boolean;
  pathDirs: string[];
  listDir: (p: string) => string[];
  p: path.PlatformPath;
}

function resolveContext(options: FindBrowserOptions): Context {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const getEnv = envReader(env, platform);
  const pathDirs =
    options.pathDirs ??
    (getEnv('PATH') ?? '')
      .split(platform === 'win32' ? ';' : ':')
      .map((dir) => dir.trim().replace(/^"(.*)"$/, '$1'))
      // Relative entries (".", "") would make the answer depend on the current folder; never trust them.
      .filter((dir) => dir !== '' && p.isAbsolute(dir));
  return {
    env,
    platform,
    homedir: options.homedir ?? osHomedir(),
    exists: options.exists ?? ((file) => isExecutableFile(file, platform)),
    pathDirs,
    listDir: options.listDir ?? listDirOrEmpty,
    p,
  };
}

/** Environment lookup; case-insensitive on Windows, as Windows itself is. */
function envReader(env: Record<string, string | undefined>, platform: NodeJS.Platform) {
  return (name: string): string | undefined => {
    const direct = env[name];
    if (direct !== undefined && direct !== '') return direct;
    if (platform !== 'win32') return undefined;
    const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
    const value = key === undefined ? undefined : env[key];
    return value === '' ? undefined : value;
  };
}

function resolveFlag(flag: string, ctx: Context): string | null {
  if (ctx.exists(flag)) return flag;
  const isBareName = !flag.includes('/') && !(ctx.platform === 'win32' && flag.includes('\\'));
  if (!isBareName) return null;
  for (const dir of ctx.pathDirs) {
    for (const name of executableNames(flag, ctx.platform)) {
      const file = ctx.p.join(dir, name);
      if (ctx.exists(file)) return file;
    }
  }
  return null;
}

function executableNames(command: string, platform: NodeJS.Platform): string[] {
  if (platform !== 'win32' || command.toLowerCase().endsWith('.exe')) return [command];
  return [`${command}.exe`];
}

function* candidates(ctx: Context): Generator<Omit<BrowserCandidate, 'exists'>> {
  const getEnv = envReader(ctx.env, ctx.platform);
  for (const name of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = getEnv(name);
    if (value !== undefined) yield { path: value, source: 'env', detail: name };
  }
  for (const file of puppeteerCacheExecutables(ctx)) {
    yield { path: file, source: 'puppeteer-cache', detail: 'Puppeteer cache' };
  }
  for (const file of systemPaths(ctx)) {
    yield { path: file, source: 'system', detail: 'usual install location' };
  }
  const commands: string[] = [...PATH_COMMANDS];
  if (ctx.platform === 'win32') commands.push('chrome');
  for (const command of commands) {
    for (const dir of ctx.pathDirs) {
      for (const name of executableNames(command, ctx.platform)) {
        yield { path: ctx.p.join(dir, name), source: 'path', detail: `PATH (${command})` };
      }
    }
  }
}

/** Puppeteer's platform folder names for this OS, and the executable inside an installation. */
function cacheLayouts(platform: NodeJS.Platform): Array<{ browser: string; platform: string; executable: string[] }> {
  switch (platform) {
    case 'linux':
      return ['linux', 'linux_arm'].flatMap((plat) => [
        { browser: 'chrome', platform: plat, executable: ['chrome-linux64', 'chrome'] },
        {
          browser: 'chrome-headless-shell',
          platform: plat,
          executable: ['chrome-headless-shell-linux64', 'chrome-headless-shell'],
        },
      ]);
    case 'darwin':
      return [
        ['mac_arm', 'mac-arm64'],
        ['mac', 'mac-x64'],
      ].flatMap(([plat, folder]) => [
        {
          browser: 'chrome',
          platform: plat!,
          executable: [
            `chrome-${folder}`,
            'Google Chrome for Testing.app',
            'Contents',
            'MacOS',
            'Google Chrome for Testing',
          ],
        },
        {
          browser: 'chrome-headless-shell',
          platform: plat!,
          executable: [`chrome-headless-shell-${folder}`, 'chrome-headless-shell'],
        },
      ]);
    case 'win32':
      return ['win64', 'win32'].flatMap((plat) => [
        { browser: 'chrome', platform: plat, executable: [`chrome-${plat}`, 'chrome.exe'] },
        {
          browser: 'chrome-headless-shell',
          platform: plat,
          executable: [`chrome-headless-shell-${plat}`, 'chrome-headless-shell.exe'],
        },
      ]);
    default:
      return [];
  }
}

/** Executables in Puppeteer's cache: full Chrome before headless shell, newest version first. */
function puppeteerCacheExecutables(ctx: Context): string[] {
  const cacheDir = envReader(ctx.env, ctx.platform)('PUPPETEER_CACHE_DIR') ?? ctx.p.join(ctx.homedir, '.cache', 'puppeteer');
  const found: Array<{ file: string; browserRank: number; version: number[] }> = [];
  const layouts = cacheLayouts(ctx.platform);
  const browsers = [...new Set(layouts.map((l) => l.browser))];
  browsers.forEach((browser, browserRank) => {
    const root = ctx.p.join(cacheDir, browser);
    for (const entry of ctx.listDir(root)) {
      const dash = entry.indexOf('-');
      if (dash <= 0) continue;
      const plat = entry.slice(0, dash);
      const buildId = entry.slice(dash + 1);
      const layout = layouts.find((l) => l.browser === browser && l.platform === plat);
      if (layout === undefined || !/^\d+(\.\d+)*$/.test(buildId)) continue;
      found.push({
        file: ctx.p.join(root, entry, ...layout.executable),
        browserRank,
        version: buildId.split('.').map(Number),
      });
    }
  });
  found.sort((a, b) => a.browserRank - b.browserRank || compareVersionsDescending(a.version, b.version));
  return found.map((f) => f.file);
}

function compareVersionsDescending(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (b[i] ?? 0) - (a[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function systemPaths(ctx: Context): string[] {
  const { p } = ctx;
  switch (ctx.platform) {
    case 'darwin': {
      const apps = [
        ['Google Chrome.app', 'Google Chrome'],
        ['Chromium.app', 'Chromium'],
        ['Microsoft Edge.app', 'Microsoft Edge'],
        ['Google Chrome Canary.app', 'Google Chrome Canary'],
      ];
      return ['/Applications', p.join(ctx.homedir, 'Applications')].flatMap((root) =>
        apps.map(([app, exe]) => p.join(root, app!, 'Contents', 'MacOS', exe!)),
      );
    }
    case 'win32': {
      const getEnv = envReader(ctx.env, ctx.platform);
      const programFiles = getEnv('PROGRAMFILES') ?? 'C:\\Program Files';
      const programFilesX86 = getEnv('PROGRAMFILES(X86)') ?? 'C:\\Program Files (x86)';
      const localAppData = getEnv('LOCALAPPDATA') ?? p.join(ctx.homedir, 'AppData', 'Local');
      const roots = [programFiles, programFilesX86, localAppData];
      const installs = [
        ['Google', 'Chrome', 'Application', 'chrome.exe'],
        ['Chromium', 'Application', 'chrome.exe'],
        ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ];
      return installs.flatMap((parts) => roots.map((root) => p.join(root, ...parts)));
    }
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return [
        '/usr/bin/google-chrome-stable',
        '/usr/bin/google-chrome',
        '/opt/google/chrome/chrome',
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/local/bin/chromium',
        '/snap/bin/chromium',
        '/usr/bin/microsoft-edge-stable',
        '/usr/bin/microsoft-edge',
        '/opt/microsoft/msedge/msedge',
      ];
    default:
      return [];
  }
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function listDirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
