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
 *
 * Eager here: the settings, the copy listener and the bridge (both answer synchronously) and a
 * cheap watch for command-like text (candidates.ts). The command core and the UI built on it
 * (live.ts) load with dynamic `import()` when the first candidate appears, before any of its
 * commands can be copied; until then a page copy passes through untouched.
 */
import type { DomHub } from '../observe.ts';
import { reportError, safely } from '../safe.ts';
import { hasCandidate } from './candidates.ts';
import { listenForCopies } from './clipboard.ts';
import type { LiveConnect } from './live.ts';
import { ANSWER_EVENT, BRIDGE_KEY, MAYBE_COMMAND, REQUEST_EVENT, type IsolatedBridge } from './protocol.ts';
import { liveSettings } from './settings.ts';

export function startConnect(hub: DomHub, signal: AbortSignal): void {
  const settings = liveSettings(signal);
  let live: LiveConnect | undefined;
  let loading = false;
  // The candidate watch: ends once the live part runs (it then scans the whole page itself).
  const watch = new AbortController();
  signal.addEventListener('abort', () => watch.abort(), { once: true, signal: watch.signal });

  const load = (): void => {
    if (loading || signal.aborted) return;
    loading = true;
    void import('./live.ts').then(
      safely('connect start', (m: typeof import('./live.ts')) => {
        if (signal.aborted) return;
        live = m.startLive(hub, settings, signal);
        watch.abort();
      }),
      (error: unknown) => {
        loading = false; // a later candidate retries
        if (!signal.aborted) reportError('connect load', error);
      },
    );
  };
  // Until the live part (with the command core) has loaded, a page copy passes through untouched,
  // as it does while the settings load: nothing is ever rewritten without the parser's verdict.
  // Command-like text starts the load, so the next copy is corrected.
  const correct = (text: string): string | undefined => {
    if (live) return live.correct(text);
    if (MAYBE_COMMAND.test(text)) load();
    return undefined;
  };
  answerBridge(correct, signal);
  listenForCopies(correct, signal);
  hub.subscribe(
    'connect candidates',
    (batch) => {
      if (hasCandidate(batch)) load();
    },
    watch.signal,
  );
  signal.addEventListener(
    'abort',
    () => {
      for (const n of document.querySelectorAll('[data-rpk=connect-notice]')) n.remove();
    },
    { once: true },
  );
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
