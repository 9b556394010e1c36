/**
 * Core API (shared/CONTRACT.md): pure functions, no DOM, no extension APIs; runs in Node.
 * analyzeKeys and fixAll here always have the sshpk-backed foreign-format adapter (Node has it for
 * free); the content script imports keys/analyze.ts directly and passes the adapter once loaded.
 */
import { analyzeKeys as analyze, fixAll as fix } from './keys/analyze.ts';
import { sshpkAdapter } from './keys/formats/sshpk-adapter.ts';
import type { Analysis, AnalyzeOptions } from './types.ts';

export type * from './types.ts';
export { rewriteCommand } from './command/rewrite.ts';
export { generateKey } from './keygen/generate.ts';
export { diagnoseSsh } from './doctor/index.ts';
export { connectionCommands } from './connect/index.ts';

export const analyzeKeys = (text: string, opts: AnalyzeOptions = {}): Analysis => analyze(text, { foreign: sshpkAdapter, ...opts });
export const fixAll = (text: string, opts: AnalyzeOptions = {}): string => fix(text, { foreign: sshpkAdapter, ...opts });
