/**
 * The Connect feature's live part, loaded with dynamic `import()` (index.ts) the first time a
 * command candidate appears or the page copies command-like text: the command core (parser,
 * policy, rewriter, ~14 KB gzip) and everything built on it, the bars (bars.ts), the assistant
 * (assistant-wiring.ts) and the page-copy rewrite. Console pages without a command never load it.
 */
import type { DomHub } from '../observe.ts';
import { assistantOptions } from './assistant-wiring.ts';
import { attachBars } from './bars.ts';
import { looksLikeSshCommand, rewriteCommand } from './command.ts';
import type { LiveSettings } from './settings.ts';
import { showNotice } from './ui.ts';

/** A `$` prompt glyph copied on its own line before the command (separate element). */
const LEADING_PROMPT_LINE = /^\s*\$\s*\n\s*/;

export interface LiveConnect {
  /** The corrected command for a page copy, or undefined to leave the page's text alone. Synchronous. */
  correct(text: string): string | undefined;
}

export function startLive(hub: DomHub, settings: LiveSettings, signal: AbortSignal): LiveConnect {
  attachBars(hub, settings, signal, assistantOptions(hub, settings, signal));
  return { correct: (text) => correctPageCopy(settings, text) };
}

function correctPageCopy(settings: LiveSettings, text: string): string | undefined {
  const current = settings.current();
  if (!current?.rewriteClipboard) return undefined;
  const command = looksLikeSshCommand(text) ? text : text.replace(LEADING_PROMPT_LINE, '');
  if (!looksLikeSshCommand(command)) return undefined;
  const result = rewriteCommand(command, current.rewrite);
  if (result.ok) return result.command;
  showNotice(result.reason, result.i18n);
  return undefined;
}
