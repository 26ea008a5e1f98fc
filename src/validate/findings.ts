/** Findings live in src/findings.ts (below load and validate); re-exported here for the validate stage. */
export * from '../findings.js';
