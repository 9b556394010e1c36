// STUB — replaced by the command-rewrite work.
import type { RewriteResult, RewriteSettings } from '../types.ts';
export function rewriteCommand(command: string, _settings: RewriteSettings): RewriteResult {
  return { ok: true, command };
}
