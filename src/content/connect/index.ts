/**
 * Connect tab / worker pane (shared/CONTRACT.md): whatever way the console copies an SSH command,
 * the clipboard gets the corrected one (exactly one `-i <key path>` quoted for the user's shell,
 * `-o IdentitiesOnly=yes` when on, `$ ` and dashes repaired); next to each shown command, buttons
 * copy the corrected command and a ~/.ssh/config block (bars.ts, ui.ts).
 *
 * Clipboard paths: the page's `navigator.clipboard.writeText`/`write` and `clipboardData.setData`
 * are wrapped in its own world (main-world.iife.ts) and answered here over the private channel of
 * protocol.ts, only during a user-activated copy; `execCommand('copy')` and selection +
 * Ctrl/Cmd+C go through our capture-phase copy listener (clipboard.ts). Text that is not a
 * command we can rebuild is never touched; a key path that cannot be quoted safely leaves the
 * page's text as it was and says why.
 */
import { looksLikeSshCommand, rewriteCommand } from './command.ts';
import type { DomHub } from '../observe.ts';
import { safely } from '../safe.ts';
import { attachBars, type BarOptions } from './bars.ts';
import { listenForCopies } from './clipboard.ts';
import { ANSWER_EVENT, BRIDGE_KEY, REQUEST_EVENT, type IsolatedBridge } from './protocol.ts';
import { liveSettings, type LiveSettings } from './settings.ts';
import { showNotice } from './ui.ts';

/** A `$` prompt glyph copied on its own line before the command (separate element). */
const LEADING_PROMPT_LINE = /^\s*\$\s*\n\s*/;

export function startConnect(hub: DomHub, signal: AbortSignal, options: BarOptions = {}): void {
  const settings = liveSettings(signal);
  const correct = (text: string): string | undefined => correctPageCopy(settings, text);
  answerBridge(correct, signal);
  listenForCopies(correct, signal);
  attachBars(hub, settings, signal, options);
  signal.addEventListener(
    'abort',
    () => {
      for (const n of document.querySelectorAll('[data-rpk=connect-notice]')) n.remove();
    },
    { once: true },
  );
}

/** The corrected command for a page copy, or undefined to leave the page's text alone. */
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

/**
 * Answers the page-world half on the private node, and only while the user is copying: a user
 * activation is live (a click or key press), or a trusted copy/cut event is being dispatched.
 * A page script without a user gesture never learns the key path.
 */
function answerBridge(correct: (text: string) => string | undefined, signal: AbortSignal): void {
  let copying = false;
  const onCopy = (event: Event): void => {
    if (!event.isTrusted) return;
    copying = true;
    // The page's own copy listeners run later in this same task.
    setTimeout(() => {
      copying = false;
    }, 0);
  };
  window.addEventListener('copy', onCopy, { capture: true, signal });
  window.addEventListener('cut', onCopy, { capture: true, signal });
  const userIsCopying = (): boolean =>
    copying || (navigator as { userActivation?: { isActive: boolean } }).userActivation?.isActive === true;

  const listen = (node: EventTarget): void => {
    node.addEventListener(
      REQUEST_EVENT,
      safely('connect bridge', (event: Event): void => {
        const text = (event as CustomEvent<unknown>).detail;
        if (typeof text !== 'string' || !userIsCopying()) return;
        const corrected = correct(text);
        if (corrected !== undefined && corrected !== text) node.dispatchEvent(new CustomEvent(ANSWER_EVENT, { detail: corrected }));
      }),
      { signal },
    );
  };
  const bridge = (globalThis as unknown as Record<string, IsolatedBridge | undefined>)[BRIDGE_KEY];
  if (!bridge) return;
  if (bridge.node) listen(bridge.node);
  else bridge.onNode = listen;
}
