/**
 * Install anywhere (issue 14): the package, packed with `npm pack` and installed globally into a temporary
 * prefix, runs from a board folder outside the repository, and from a year folder inside it (the board is
 * found by its board.yaml). Dependencies come from npm's cache when it has them (--prefer-offline), so the
 * test also runs where the registry is out of reach once `npm ci` has filled the cache.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let root: string;
let bin: string;
let board: string;

beforeAll(() => {
  // npm test compiles dist/ first; the tarball carries it (packed without running `prepare` again).
  expect(existsSync(path.join(REPO, 'dist', 'cli', 'run.js')), 'dist/ is built (npm test runs tsc first)').toBe(true);
  root = mkdtempSync(path.join(tmpdir(), 'lscb-pack-install-'));
  execFileSync(NPM, ['pack', '--ignore-scripts', '--pack-destination', root], { cwd: REPO, stdio: 'pipe' });
  const tarball = readdirSync(root).find((f) => f.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  const prefix = path.join(root, 'prefix');
  execFileSync(NPM, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', path.join(root, tarball!)], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  bin = path.join(prefix, 'bin', 'lscb-report');
  // A copy of the sample board in a folder that has nothing to do with the repository.
  board = path.join(root, 'elsewhere', 'calderdale');
  cpSync(path.join(REPO, 'data-samples', 'calderdale'), board, { recursive: true });
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function runInstalled(args: string[], cwd: string) {
  // No LSCB_REPORT_DATA, so the board is found from the folder the command runs in.
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.LSCB_REPORT_DATA;
  return spawnSync(bin, args, { cwd, env, encoding: 'utf8' });
}

describe('the packed package, installed into a temporary prefix', () => {
  it('ships the command, its templates and the sample board, and not the tests or sources', () => {
    const listed = execFileSync('tar', ['tzf', path.join(root, readdirSync(root).find((f) => f.endsWith('.tgz'))!)], { encoding: 'utf8' }).split('\n');
    expect(listed).toContain('package/bin/lscb-report.js');
    expect(listed).toContain('package/dist/cli/run.js');
    expect(listed.some((f) => f.startsWith('package/templates/default/'))).toBe(true);
    expect(listed.some((f) => f.startsWith('package/test/') || f.startsWith('package/src/'))).toBe(false);
  });

  it('`lscb-report validate 2012-13` exits 0 inside a board folder elsewhere, and inside its 2012-13/ folder', () => {
    for (const cwd of [board, path.join(board, '2012-13')]) {
      const r = runInstalled(['validate', '2012-13'], cwd);
      expect(r.status, `${cwd}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('2012-13: 0 errors');
      expect(r.stderr).toContain(`Using the board in ${board}`);
    }
  });

  it('prints its version and help from any folder', () => {
    const r = runInstalled(['--version'], root);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
