/** Findings live in src/findings.ts (the loader and compute stage use them too); re-exported for validate's callers. */
export * from '../findings.js';
