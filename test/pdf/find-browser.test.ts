import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError } from '../../src/pdf/errors.js';
import {
  browserInstallHelp,
  findBrowser,
  listBrowserCandidates,
  requireBrowser,
  type FindBrowserOptions,
} from '../../src/pdf/find-browser.js';

/** A pretend machine: a set of executable files; folders are implied by the files' paths. */
function machine(
  files: string[],
  rest: Omit<FindBrowserOptions, 'exists' | 'listDir'> = {},
): FindBrowserOptions {
  const p = rest.platform === 'win32' ? path.win32 : path.posix;
  const set = new Set(files);
  return {
    env: {},
    homedir: rest.platform === 'win32' ? 'C:\\Users\\ada' : '/home/ada',
    platform: 'linux',
    pathDirs: [],
    ...rest,
    exists: (f) => set.has(f),
    listDir: (dir) => {
      const prefix = dir.endsWith(p.sep) ? dir : dir + p.sep;
      const names = files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split(p.sep)[0]!);
      return [...new Set(names)];
    },
  };
}

const CACHE = '/home/ada/.cache/puppeteer';
const cached = (build: string) => `${CACHE}/chrome/linux-${build}/chrome-linux64/chrome`;

describe('findBrowser: order of precedence', () => {
  const everything = [
    '/opt/flag/chrome',
    '/env/chrome-path',
    '/env/puppeteer-path',
    cached('131.0.6778.85'),
    '/usr/bin/chromium',
    '/bin/google-chrome',
  ];
  const env = { CHROME_PATH: '/env/chrome-path', PUPPETEER_EXECUTABLE_PATH: '/env/puppeteer-path' };

  it.each([
    ['the --browser flag first', everything, { flag: '/opt/flag/chrome' }, '/opt/flag/chrome', 'flag'],
    ['then CHROME_PATH', everything, {}, '/env/chrome-path', 'env'],
    ['then PUPPETEER_EXECUTABLE_PATH', everything.slice(2), {}, '/env/puppeteer-path', 'env'],
    ["then Puppeteer's cache", everything.slice(3), {}, cached('131.0.6778.85'), 'puppeteer-cache'],
    ['then the usual install paths', everything.slice(4), {}, '/usr/bin/chromium', 'system'],
    ['then PATH', everything.slice(5), {}, '/bin/google-chrome', 'path'],
  ] as const)('%s', (_name, files, extra, expectedPath, expectedSource) => {
    const found = findBrowser(machine([...files], { env, pathDirs: ['/bin'], ...extra }));
    expect(found).toEqual({ path: expectedPath, source: expectedSource });
  });

  it('returns null when there is no browser anywhere', () => {
    expect(findBrowser(machine([], { env, pathDirs: ['/bin', '/usr/bin'] }))).toBeNull();
  });

  it('skips an environment variable that points at nothing', () => {
    const found = findBrowser(machine(['/usr/bin/chromium'], { env: { CHROME_PATH: '/gone/chrome' } }));
    expect(found).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });

  it('ignores empty environment variables', () => {
    const found = findBrowser(machine(['/usr/bin/chromium'], { env: { CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: '' } }));
    expect(found?.source).toBe('system');
  });
});

describe('findBrowser: the --browser flag', () => {
  it('throws, rather than falling back, when the flag names nothing', () => {
    const options = machine(['/usr/bin/chromium'], { flag: '/opt/typo/chrome' });
    expect(() => findBrowser(options)).toThrow(BrowserNotFoundError);
    try {
      findBrowser(options);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'browser-not-found', reason: 'flag-path-missing' });
      expect((error as Error).message).toContain('/opt/typo/chrome');
      expect((error as BrowserNotFoundError).hint).toContain('--browser');
    }
  });

  it('accepts a bare command name and finds it on PATH', () => {
    const found = findBrowser(machine(['/usr/local/bin/chromium'], { flag: 'chromium', pathDirs: ['/usr/local/bin'] }));
    expect(found).toEqual({ path: '/usr/local/bin/chromium', source: 'flag' });
  });

  it('does not look a path-like flag up on PATH', () => {
    const options = machine(['/bin/chromium'], { flag: './chromium', pathDirs: ['/bin'] });
    expect(() => findBrowser(options)).toThrow(BrowserNotFoundError);
  });
});

describe("findBrowser: Puppeteer's cache", () => {
  it('picks the newest version, comparing numerically', () => {
    const files = [cached('99.0.4844.51'), cached('121.0.6167.100'), cached('121.0.6167.85'), cached('1108766')];
    expect(findBrowser(machine(files))?.path).toBe(cached('1108766'));
    expect(findBrowser(machine(files.slice(0, 3)))?.path).toBe(cached('121.0.6167.100'));
  });

  it('prefers full Chrome to chrome-headless-shell, and ignores other platforms and stray folders', () => {
    const shell = `${CACHE}/chrome-headless-shell/linux-140.0.0.0/chrome-headless-shell-linux64/chrome-headless-shell`;
    const files = [
      shell,
      cached('120.0.0.0'),
      `${CACHE}/chrome/mac-150.0.0.0/chrome-mac-x64/x`,
      `${CACHE}/chrome/.metadata/x`,
    ];
    expect(findBrowser(machine(files))?.path).toBe(cached('120.0.0.0'));
    expect(findBrowser(machine([shell]))?.path).toBe(shell);
  });

  it('honours PUPPETEER_CACHE_DIR', () => {
    const file = '/srv/pptr/chrome/linux-130.0.0.0/chrome-linux64/chrome';
    expect(findBrowser(machine([file, cached('131.0.0.0')], { env: { PUPPETEER_CACHE_DIR: '/srv/pptr' } }))).toEqual({
      path: file,
      source: 'puppeteer-cache',
    });
  });

  it('uses the macOS app bundle layout', () => {
    const file = `/Users/ada/.cache/puppeteer/chrome/mac_arm-131.0.6778.85/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`;
    expect(findBrowser(machine([file], { platform: 'darwin', homedir: '/Users/ada' }))?.path).toBe(file);
  });

  it('uses the Windows layout', () => {
    const file = 'C:\\Users\\ada\\.cache\\puppeteer\\chrome\\win64-131.0.6778.85\\chrome-win64\\chrome.exe';
    expect(findBrowser(machine([file], { platform: 'win32' }))?.path).toBe(file);
  });
});

describe('findBrowser: usual install paths per platform', () => {
  it('Linux: Chrome before Chromium before Edge', () => {
    const files = ['/opt/microsoft/msedge/msedge', '/usr/bin/chromium', '/usr/bin/google-chrome-stable'];
    expect(findBrowser(machine(files))?.path).toBe('/usr/bin/google-chrome-stable');
    expect(findBrowser(machine(files.slice(0, 2)))?.path).toBe('/usr/bin/chromium');
    expect(findBrowser(machine(files.slice(0, 1)))?.path).toBe('/opt/microsoft/msedge/msedge');
  });

  it('macOS: /Applications, then ~/Applications; Edge too', () => {
    const mine = '/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser(machine([mine, edge], { platform: 'darwin', homedir: '/Users/ada' }))).toEqual({
      path: edge,
      source: 'system',
    });
    expect(findBrowser(machine([mine], { platform: 'darwin', homedir: '/Users/ada' }))?.path).toBe(mine);
  });

  it('Windows: Program Files from the environment (any case), and Edge', () => {
    const edge = 'D:\\Apps (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const found = findBrowser(machine([edge], { platform: 'win32', env: { 'ProgramFiles(x86)': 'D:\\Apps (x86)' } }));
    expect(found).toEqual({ path: edge, source: 'system' });
  });

  it('Windows: per-user Chrome under LOCALAPPDATA, defaulting from the home folder', () => {
    const chrome = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(machine([chrome], { platform: 'win32' }))?.path).toBe(chrome);
  });
});

describe('findBrowser: PATH', () => {
  it('tries the command names in order, each through every folder', () => {
    const files = ['/a/chromium', '/b/google-chrome-stable', '/a/msedge'];
    expect(findBrowser(machine(files, { pathDirs: ['/a', '/b'] }))?.path).toBe('/b/google-chrome-stable');
    expect(findBrowser(machine(files.slice(0, 1).concat('/a/msedge'), { pathDirs: ['/a', '/b'] }))?.path).toBe(
      '/a/chromium',
    );
  });

  it('reads PATH from the environment and ignores relative entries', () => {
    const options = machine(['/opt/bin/chromium-browser', 'bin/chromium'], { env: { PATH: 'bin::/opt/bin' } });
    delete options.pathDirs;
    expect(findBrowser(options)).toEqual({ path: '/opt/bin/chromium-browser', source: 'path' });
  });

  it('Windows: splits PATH on ";", adds .exe, and finds msedge', () => {
    const options = machine(['C:\\Tools\\msedge.exe'], { platform: 'win32', env: { Path: 'C:\\Windows;C:\\Tools' } });
    delete options.pathDirs;
    expect(findBrowser(options)).toEqual({ path: 'C:\\Tools\\msedge.exe', source: 'path' });
  });
});

describe('requireBrowser and listBrowserCandidates', () => {
  it('requireBrowser throws BrowserNotFoundError with install help when nothing is found', () => {
    expect(() => requireBrowser(machine([]))).toThrowError(
      expect.objectContaining({ reason: 'none-found', hint: expect.stringContaining('apt-get install chromium') }),
    );
  });

  it('lists every place looked in, in order, marking which exist', () => {
    const list = listBrowserCandidates(
      machine(['/usr/bin/chromium'], { env: { CHROME_PATH: '/gone' }, pathDirs: ['/bin'] }),
    );
    expect(list[0]).toEqual({ path: '/gone', source: 'env', detail: 'CHROME_PATH', exists: false });
    expect(list.filter((c) => c.exists).map((c) => c.path)).toEqual(['/usr/bin/chromium']);
    expect(list.at(-1)?.source).toBe('path');
  });
});

describe('browserInstallHelp', () => {
  it.each([
    ['linux', 'apt-get install chromium'],
    ['darwin', 'https://www.google.com/chrome/'],
    ['win32', 'Microsoft Edge'],
  ] as const)('%s says how to install one and how to point at one', (platform, text) => {
    const help = browserInstallHelp(platform);
    expect(help).toContain(text);
    expect(help).toContain('--browser PATH');
    expect(help).toContain('CHROME_PATH');
  });
});
