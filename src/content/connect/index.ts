/**
 * Connect tab / worker pane (shared/CONTRACT.md): whatever way the console copies an SSH command,
 * the clipboard gets the corrected one (exactly one `-i <key path>` quoted for the user's shell,
 * `-o IdentitiesOnly=yes` when on, `$ ` and dashes repaired); next to each shown command, buttons
 * copy the corrected command and a ~/.ssh/config block.
 *
 * Clipboard paths: the page's `navigator.clipboard.writeText`/`write` and `clipboardData.setData`
 * are wrapped in its own world (main-world.iife.ts) and answered here over the bridge of
 * protocol.ts; `execCommand('copy')` and selection + Ctrl/Cmd+C go through our capture-phase copy
 * listener (clipboard.ts). Text that is not an SSH command is never touched; a key path that cannot
 * be quoted safely leaves the page's text as it was and says why.
 */
import { looksLikeSshCommand, rewriteCommand, sshConfigBlock } from './command.ts';
import { observeDom } from '../observe.ts';
import { safely } from '../safe.ts';
import { listenForCopies } from './clipboard.ts';
import { commandOf, commandRow, findCommandElements } from './find.ts';
import { ANSWER_EVENT, REQUEST_EVENT } from './protocol.ts';
import { liveSettings, type LiveSettings } from './settings.ts';
import { createBar, showNotice, type Bar, type Preview } from './ui.ts';
import { S } from './strings.ts';

/** A `$` prompt glyph copied on its own line before the command (separate element). */
const LEADING_PROMPT_LINE = /^\s*\$\s*\n\s*/;

export function startConnect(): void {
  const controller = new AbortController();
  const { signal } = controller;
  const settings = liveSettings(signal);

  /** The corrected command for a page copy, or undefined to leave the page's text alone. */
  const correctPageCopy = (text: string): string | undefined => {
    const current = settings.current();
    if (!current?.rewriteClipboard) return undefined;
    const command = looksLikeSshCommand(text) ? text : text.replace(LEADING_PROMPT_LINE, '');
    if (!looksLikeSshCommand(command)) return undefined;
    const result = rewriteCommand(command, current.rewrite);
    if (result.ok) return result.command;
    showNotice(result.reason, result.i18n);
    return undefined;
  };

  // The page-world half asks synchronously; answering nothing means "write your own text".
  document.addEventListener(REQUEST_EVENT, safely('connect bridge', (event: Event): void => {
    const text = (event as CustomEvent<unknown>).detail;
    if (typeof text !== 'string') return;
    const corrected = correctPageCopy(text);
    if (corrected !== undefined && corrected !== text) document.dispatchEvent(new CustomEvent(ANSWER_EVENT, { detail: corrected }));
  }), { signal });

  listenForCopies(correctPageCopy, signal);
  attachBars(settings, signal);
}

interface Attachment {
  element: Element;
  command: string;
  bar: Bar;
  controller: AbortController;
}

function attachBars(settings: LiveSettings, signal: AbortSignal): void {
  const attachments = new Map<Element, Attachment>();

  const preview = (command: string, make: typeof rewriteCommand | typeof sshConfigBlock): Preview => {
    const current = settings.current()?.rewrite;
    if (!current) return { ok: false, text: command, reason: S.settingsLoading };
    const result = make(command, current);
    if (result.ok) return { ok: true, text: 'command' in result ? result.command : result.text };
    return { ok: false, text: command, reason: result.reason, ...(result.i18n ? { i18n: result.i18n } : {}) };
  };

  const place = (attachment: Attachment): void => {
    // After the command's whole row, never inside the page's own clickable element (nested
    // buttons, row click handlers) nor inside its scrolling box (the bar would be clipped).
    const row = commandRow(attachment.element, attachment.command);
    const anchor = row.closest('button, a, [role=button], label') ?? row;
    const { host } = attachment.bar;
    if (host.previousSibling !== anchor) anchor.after(host);
    // Inline next to the command when it sits in a line or a flex row; on its own line below a block.
    const parent = anchor.parentElement;
    const parentStyle = parent ? getComputedStyle(parent) : undefined;
    const inRow = parentStyle !== undefined && /flex/.test(parentStyle.display) && !parentStyle.flexDirection.startsWith('column');
    const inline = inRow || getComputedStyle(anchor).display.startsWith('inline');
    const placement = inline ? 'inline' : 'below';
    if (host.dataset.placement !== placement) host.dataset.placement = placement;
  };

  const detach = (attachment: Attachment): void => {
    attachment.controller.abort();
    attachment.bar.host.remove();
    attachments.delete(attachment.element);
  };

  const attach = (element: Element, command: string): void => {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const attachment: Attachment = { element, command, controller, bar: undefined as unknown as Bar };
    attachment.bar = createBar({
      command: () => preview(attachment.command, rewriteCommand),
      config: () => preview(attachment.command, sshConfigBlock),
    }, controller.signal);
    element.setAttribute('data-rpk-command', '');
    attachments.set(element, attachment);
    place(attachment);
  };

  const isTaken = (element: Element): boolean => {
    for (let at: Element | null = element; at; at = at.parentElement) if (attachments.has(at)) return true;
    return false;
  };

  const scan = (): void => {
    // Re-rendered or removed commands first: follow text changes, re-insert bars React dropped.
    for (const attachment of [...attachments.values()]) {
      const command = attachment.element.isConnected ? commandOf(attachment.element) : undefined;
      if (command === undefined) {
        attachment.element.removeAttribute('data-rpk-command');
        detach(attachment);
        continue;
      }
      if (command !== attachment.command) {
        attachment.command = command;
        attachment.bar.refresh();
      }
      place(attachment);
    }
    if (!document.body) return;
    for (const element of findCommandElements(document, isTaken)) {
      const command = commandOf(element);
      if (command !== undefined) attach(element, command);
    }
  };

  observeDom('connect scan', scan, signal);
  settings.subscribe(() => { for (const attachment of attachments.values()) attachment.bar.refresh(); });
}
