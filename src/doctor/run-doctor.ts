/** `doctor`'s core: run every machine check in order and say whether a build can succeed. */
import { checkBrowser } from './check-browser.js';
import { checkBoardFolder } from './check-data.js';
import { checkNode } from './check-node.js';
import { checkOutputFolder } from './check-output.js';
import type { DoctorReport } from './types.js';

/** Everything the checks read from the machine, passed in by the command layer. */
export interface DoctorOptions {
  /** `process.versions.node`. */
  nodeVersion: string;
  /** `--browser` flag value. */
  browserFlag?: string;
  env: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Absolute output folder, and how to show it. */
  outDir: string;
  outShown: string;
  /** Absolute board folder to try loading, and how to show it; omitted when none was given. */
  dataDir?: string;
  dataShown?: string;
  launchTimeoutMs?: number;
  printTimeoutMs?: number;
}

/** Run every check; `ok` is true only when none failed. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const checks = [
    checkNode(options.nodeVersion),
    ...(await checkBrowser({
      flag: options.browserFlag,
      env: options.env,
      platform: options.platform,
      launchTimeoutMs: options.launchTimeoutMs,
      printTimeoutMs: options.printTimeoutMs,
    })),
    await checkOutputFolder(options.outDir, options.outShown),
  ];
  if (options.dataDir !== undefined) {
    checks.push(await checkBoardFolder(options.dataDir, options.dataShown ?? options.dataDir));
  }
  return { ok: checks.every((c) => c.status === 'pass'), checks };
}
