/**
 * Wires the Connect assistant (assistant.ts) and the pod memory (remember.ts) into the Connect
 * bars (bars.ts `onAttach`): one assistant right after each command's bar, kept there when the
 * console re-renders, and each pane's commands remembered for the popup's all-pods config.
 */
import type { DomHub } from '../observe.ts';
import { safely } from '../safe.ts';
import { createAssistant, type Assistant } from './assistant.ts';
import type { Attachment, BarOptions } from './bars.ts';
import { paneCommands, paneHttpPorts, paneName, paneOf, paneProxyId } from './pane.ts';
import { rememberConnection } from './remember.ts';
import type { LiveSettings } from './settings.ts';

export function assistantOptions(hub: DomHub, settings: LiveSettings, signal: AbortSignal): BarOptions {
  const placed = new Map<Attachment, Assistant>();
  // One storage write at a time: a pane's proxy and TCP commands attach in the same batch.
  let remembering: Promise<unknown> = Promise.resolve();

  // A block of its own: after the bar when the bar sits below the command, after the command's
  // row when the bar sits inline in it (so the page's own buttons in that row keep their order).
  const place = (attachment: Attachment, assistant: Assistant): void => {
    const bar = attachment.bar.host;
    if (!bar.isConnected) return;
    const row = bar.dataset.placement === 'inline' ? bar.parentElement : null;
    const after = row && row !== document.body && row !== document.documentElement ? row : bar;
    if (after.nextSibling === assistant.host) return;
    // Moving the host drops the focus inside it: a keyboard user stays on the same control.
    const focused = assistant.host.shadowRoot?.activeElement;
    after.after(assistant.host);
    if (focused instanceof HTMLElement) focused.focus({ preventScroll: true });
  };
  hub.subscribe(
    'assistant place',
    () => {
      for (const [a, assistant] of placed) place(a, assistant);
    },
    signal,
  );
  settings.subscribe(() => {
    for (const assistant of placed.values()) assistant.refresh();
  });

  return {
    onAttach(attachment) {
      const pane = paneOf(attachment.element);
      const assistant = createAssistant(
        {
          command: () => attachment.command,
          settings: () => settings.current()?.rewrite,
          podId: () => paneProxyId(pane),
          httpPorts: () => paneHttpPorts(pane),
        },
        attachment.controller.signal,
      );
      placed.set(attachment, assistant);
      place(attachment, assistant);
      attachment.controller.signal.addEventListener(
        'abort',
        () => {
          assistant.host.remove();
          placed.delete(attachment);
        },
        { once: true },
      );
      const commands = [...new Set([attachment.command, ...paneCommands(pane)])];
      remembering = remembering.then(safely('assistant remember', () => rememberConnection(commands, paneName(pane), paneProxyId(pane))));
    },
  };
}
