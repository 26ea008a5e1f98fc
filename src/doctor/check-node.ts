/** Doctor check: the Node.js running lscb-report is recent enough. */
import type { DoctorCheckResult } from './types.js';

/** The oldest Node.js major version lscb-report supports (package.json `engines`). */
export const MIN_NODE_MAJOR = 20;

/** Check a Node.js version string such as `20.11.1` (from `process.versions.node`). */
export function checkNode(version: string): DoctorCheckResult {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? NaN);
  if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) {
    return { id: 'node', status: 'pass', title: 'Node.js', detail: `${version} (${MIN_NODE_MAJOR} or later needed)` };
  }
  return {
    id: 'node',
    status: 'fail',
    title: 'Node.js',
    detail: `${version} is too old: lscb-report needs Node.js ${MIN_NODE_MAJOR} or later.`,
    fix: `Install Node.js ${MIN_NODE_MAJOR} or later (the LTS release) from https://nodejs.org/, then run npm ci again.`,
  };
}
