/**
 * Where the Connect UI goes: one Attachment per shown command element (find.ts), with its bar
 * (ui.ts) placed after the command's row. Another module (the Connect assistant) can add its own
 * controls next to the bar through `onAttach`: it receives the attachment and its signal.
 *
 * Incremental: each DOM batch (observe.ts) is looked at only where it changed; work on large
 * batches is spread over several tasks with a time budget, so the console's main thread is never
 * held for long.
 */
import { rewriteCommand, sshConfigBlock } from './command.ts';
import type { DomBatch, DomHub } from '../observe.ts';
import { safely } from '../safe.ts';
import { commandOf, commandRow, findCommandElements } from './find.ts';
import type { LiveSettings } from './settings.ts';
import { createBar, type Bar, type OpenTip, type Preview } from './ui.ts';
import { S } from './strings.ts';

export interface Attachment {
  /** The element whose whole text is the command (`data-rpk-command`). */
  readonly element: Element;
  /** The command it shows (page text: only ever parsed, never copied). */
  command: string;
  readonly bar: Bar;
  /** Aborted when the command leaves the page or the content script stops. */
  readonly controller: AbortController;
  /** The element the bar is inserted after (the command's row). */
  anchor: Element;
}

export interface BarOptions {
  /** Called once per new attachment, after its bar is placed. */
  onAttach?: (attachment: Attachment) => void;
}

/** What a bar button would copy for `command` with the current settings, or why nothing. */
function preview(settings: LiveSettings, command: string, make: typeof rewriteCommand | typeof sshConfigBlock): Preview {
  const current = settings.current()?.rewrite;
  if (!current) return { ok: false, reason: S.settingsLoading };
  const result = make(command, current);
  if (result.ok) return { ok: true, text: 'command' in result ? result.command : result.text };
  return { ok: false, reason: result.reason, ...(result.i18n ? { i18n: result.i18n } : {}) };
}

/** Time one task may spend on a batch before yielding to the page (ms). */
const BUDGET_MS = 8;

export function attachBars(hub: DomHub, settings: LiveSettings, signal: AbortSignal, options: BarOptions = {}): void {
  const attachments = new Map<Element, Attachment>();
  const queue: Node[] = [];
  let draining = false;
  const openTip: OpenTip = {};

  const attach = (element: Element, command: string): void => {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const attachment: Attachment = { element, command, controller, anchor: element, bar: undefined as unknown as Bar };
    (attachment as { bar: Bar }).bar = createBar(
      {
        command: () => preview(settings, attachment.command, rewriteCommand),
        config: () => preview(settings, attachment.command, sshConfigBlock),
      },
      openTip,
      controller.signal,
    );
    element.setAttribute('data-rpk-command', '');
    attachments.set(element, attachment);
    place(attachment);
    controller.signal.addEventListener(
      'abort',
      () => {
        attachment.bar.host.remove();
        element.removeAttribute('data-rpk-command');
        attachments.delete(element);
      },
      { once: true },
    );
    if (options.onAttach) safely('connect attach hook', options.onAttach)(attachment);
  };

  const isTaken = (element: Element): boolean => {
    for (let at: Element | null = element; at; at = at.parentElement) if (attachments.has(at)) return true;
    return false;
  };

  /** Existing attachments: dropped when gone, followed when their text changed, re-placed when moved. */
  const recheck = (batch: DomBatch): void => {
    const changed = [...batch.texts, ...batch.added];
    for (const attachment of [...attachments.values()]) {
      const { element } = attachment;
      if (!element.isConnected) {
        attachment.controller.abort();
        continue;
      }
      if (changed.some((node) => element.contains(node))) {
        const command = commandOf(element);
        if (command === undefined) {
          attachment.controller.abort();
          continue;
        }
        if (command !== attachment.command) {
          attachment.command = command;
          attachment.bar.refresh();
        }
      }
      if (attachment.bar.host.previousSibling !== attachment.anchor || !attachment.anchor.isConnected) place(attachment);
    }
  };

  const drain = (): void => {
    draining = false;
    if (signal.aborted) return;
    const start = performance.now();
    while (queue.length && performance.now() - start < BUDGET_MS) {
      const roots = queue.splice(0, 16).filter((node) => node.isConnected);
      for (const element of findCommandElements(roots, isTaken)) {
        const command = commandOf(element);
        if (command !== undefined && !isTaken(element)) attach(element, command);
      }
    }
    if (queue.length) schedule();
  };
  const schedule = (): void => {
    if (draining) return;
    draining = true;
    setTimeout(safely('connect scan', drain), 0);
  };

  hub.subscribe(
    'connect scan',
    (batch) => {
      if (attachments.size && (batch.removed || batch.texts.length || batch.added.length)) recheck(batch);
      if (!batch.added.length && !batch.texts.length) return;
      queue.push(...batch.added, ...batch.texts);
      drain();
    },
    signal,
  );
  settings.subscribe(() => {
    for (const attachment of attachments.values()) attachment.bar.refresh();
  });
}

/**
 * After the command's whole row, never inside the page's own clickable element (nested buttons,
 * row click handlers) nor inside its scrolling box (the bar would be clipped). Inline next to the
 * command in a line or a flex row; on its own line below a block.
 */
function place(attachment: Attachment): void {
  const row = commandRow(attachment.element, attachment.command);
  const anchor = row.closest('button, a, [role=button], label') ?? row;
  attachment.anchor = anchor;
  const { host } = attachment.bar;
  if (host.previousSibling !== anchor) anchor.after(host);
  const parent = anchor.parentElement;
  const parentStyle = parent ? getComputedStyle(parent) : undefined;
  const inRow = parentStyle !== undefined && /flex/.test(parentStyle.display) && !parentStyle.flexDirection.startsWith('column');
  const inline = inRow || getComputedStyle(anchor).display.startsWith('inline');
  const placement = inline ? 'inline' : 'below';
  if (host.dataset.placement !== placement) host.dataset.placement = placement;
}
