/**
 * Core API (shared/CONTRACT.md): pure functions, no DOM, no extension APIs; runs in Node.
 * This entry also registers the sshpk-backed foreign-format adapter eagerly (Node has it for
 * free); the content script imports the analysis modules directly and loads the adapter lazily.
 */
export type * from './types.ts';
export { analyzeKeys, fixAll } from './keys/analyze.ts';
export { rewriteCommand } from './command/rewrite.ts';
export { generateKey } from './keygen/generate.ts';
export { connectionCommands } from './connect/index.ts';
import { registerForeignAdapter } from './keys/formats/foreign.ts';
import { sshpkAdapter } from './keys/formats/sshpk-adapter.ts';
registerForeignAdapter(sshpkAdapter);
