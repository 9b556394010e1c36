/**
 * The Connect assistant next to a Runpod command: "More commands" opens a panel with every
 * command a person needs for this pod or worker (core connectionCommands): the corrected ssh;
 * scp/rsync up and down with editable local and pod paths; sftp; a port forward per HTTP port
 * the pane lists and for a typed port; the Host block; "Open in VS Code / Cursor", which first
 * asks the user to add the Host block (copied for them) unless they said it is added.
 *
 * Open shadow root, DOM APIs only (no innerHTML), keyboard operable (native buttons, inputs and
 * labels; Escape closes), every text from _locales. Our clicks never reach the page's handlers.
 */
import { connectionCommands, type ConnectionCommands, type Direction, type Transfer } from '../../core/connect/commands.ts';
import type { RewriteSettings } from '../../core/types.ts';
import { t, tText, type MessageKey } from '../../shared/i18n.ts';
import { getStored, setStored } from '../../shared/storage.ts';
import { safely } from '../safe.ts';
import { ASSISTANT_STYLE } from './assistant-style.ts';
import { copyText } from './clipboard.ts';

export interface AssistantSource {
  /** The command the pane shows now (page text: only parsed). */
  command(): string;
  /** The user's settings, undefined while loading. */
  settings(): RewriteSettings | undefined;
  /** The pod id when the pane shows it apart from this command (a TCP command's pod). */
  podId(): string | undefined;
  /** HTTP ports the pane lists (e.g. 8888). */
  httpPorts(): number[];
}

type Props = Record<string, string | undefined>;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const sentence = (s: string): string => {
  const text = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

export interface Assistant {
  host: HTMLElement;
  /** Re-renders an open panel (after a settings change). */
  refresh(): void;
}

export function createAssistant(source: AssistantSource, signal: AbortSignal): Assistant {
  const host = el('div', { 'data-rpk-host': 'assistant', 'data-rpk': 'assistant' });
  const root = host.attachShadow({ mode: 'open' });
  const panelId = 'rpk-asst-panel';
  const toggle = el('button', { type: 'button', class: 'toggle', 'data-rpk': 'assistant-toggle', 'aria-expanded': 'false', 'aria-controls': panelId }, t('asstToggle'));
  const panel = el('div', { id: panelId, class: 'panel', role: 'group', 'aria-label': t('asstTitle'), 'data-rpk': 'assistant-panel', hidden: '' });
  const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-rpk': 'asst-status' });
  const preview = el('pre', { 'data-rpk': 'asst-preview' });
  root.append(el('style', {}, ASSISTANT_STYLE), toggle, panel);

  const on = <E extends keyof HTMLElementEventMap>(node: EventTarget, type: E, handler: (event: HTMLElementEventMap[E]) => void): void =>
    node.addEventListener(type, safely(`assistant ${type}`, handler as (e: Event) => void), { signal });
  // Nothing of ours reaches the page's handlers (rows that copy on click, global shortcuts).
  for (const type of ['click', 'keydown', 'keyup', 'input', 'copy', 'paste'] as const) on(root, type, (e) => e.stopPropagation());

  const commands = (): ConnectionCommands | { ok: false; reason: string; i18n?: Parameters<typeof tText>[0] } => {
    const settings = source.settings();
    if (!settings) return { ok: false, reason: t('connectSettingsLoading') };
    const podId = source.podId();
    return connectionCommands(source.command(), { ...settings, ...(podId ? { podId } : {}) });
  };
  const say = (text: string, kind: 'ok' | 'error'): void => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const copy = async (text: string | undefined, why?: string): Promise<void> => {
    if (text === undefined || text === '') {
      say(why ?? t('asstCopyFailed'), 'error');
      return;
    }
    preview.textContent = text;
    const copied = await copyText(text);
    say(copied ? t('asstCopied') : t('asstCopyFailed'), copied ? 'ok' : 'error');
  };
  const button = (key: MessageKey, hook: string, action: (c: ConnectionCommands) => Promise<void> | void, label?: string): HTMLButtonElement => {
    const b = el('button', { type: 'button', 'data-rpk': hook }, label ?? t(key));
    on(b, 'click', () => {
      const c = commands();
      if (!c.ok) return say(sentence(t('asstRefused', tText(c.i18n, c.reason))), 'error');
      void Promise.resolve(action(c)).catch(() => say(t('asstCopyFailed'), 'error'));
    });
    return b;
  };

  const render = (): void => {
    const c = commands();
    if (!c.ok) {
      panel.replaceChildren(el('p', { class: 'note', 'data-rpk': 'asst-refused' }, sentence(t('asstRefused', tText(c.i18n, c.reason)))), status);
      return;
    }
    const parts: Node[] = [main(c)];
    if (c.kind === 'tcp') parts.push(files(), ports());
    else parts.push(el('p', { class: 'note', 'data-rpk': 'asst-note' }, t('asstProxyNote')));
    parts.push(addFirst, status, preview);
    panel.replaceChildren(...parts);
  };

  const main = (c: ConnectionCommands): HTMLElement =>
    el('div', { class: 'row' },
      button('asstCopySsh', 'asst-ssh', (x) => copy(x.ssh)),
      button('asstCopyConfig', 'asst-config', (x) => copy(x.config)),
      ...(c.kind === 'tcp' ? [button('asstOpenVscode', 'asst-vscode', (x) => open(x, x.vscodeUri)), button('asstOpenCursor', 'asst-cursor', (x) => open(x, x.cursorUri))] : []));

  // Paths keep what the user typed across re-renders (settings changes).
  const local = el('input', { type: 'text', 'data-rpk': 'asst-local', spellcheck: 'false', autocomplete: 'off', value: './' });
  const remote = el('input', { type: 'text', 'data-rpk': 'asst-remote', spellcheck: 'false', autocomplete: 'off', value: '/workspace/' });
  const files = (): HTMLElement => {
    const transfer = (tool: Transfer, direction: Direction) => (c: ConnectionCommands) => {
      const r = c.transfer(tool, local.value, remote.value, direction);
      return r.ok ? copy(r.text) : copy(undefined, sentence(tText(r.i18n, r.reason)));
    };
    return el('fieldset', {},
      el('legend', {}, t('asstFilesTitle')),
      el('div', { class: 'row' }, el('label', {}, t('asstLocalLabel'), local), el('label', {}, t('asstRemoteLabel'), remote)),
      el('div', { class: 'row' },
        button('asstScpUp', 'asst-scp-up', transfer('scp', 'up')),
        button('asstScpDown', 'asst-scp-down', transfer('scp', 'down')),
        button('asstRsyncUp', 'asst-rsync-up', transfer('rsync', 'up')),
        button('asstRsyncDown', 'asst-rsync-down', transfer('rsync', 'down')),
        button('asstSftp', 'asst-sftp', (c) => copy(c.sftp))));
  };

  const port = el('input', { type: 'text', inputmode: 'numeric', class: 'port', 'data-rpk': 'asst-port', autocomplete: 'off', spellcheck: 'false' });
  const ports = (): HTMLElement => {
    const listed = source.httpPorts().map((p) => {
      const b = button('asstForwardPort', 'asst-forward', (c) => copy(c.forward(p, p)), t('asstForwardPort', String(p)));
      b.dataset.port = String(p);
      return b;
    });
    const custom = button('asstForwardCopy', 'asst-forward-port', (c) => {
      const n = /^\s*\d{1,5}\s*$/.test(port.value) ? Number(port.value) : NaN;
      const line = c.forward(n, n);
      port.setAttribute('aria-invalid', String(line === ''));
      return line === '' ? say(t('asstBadPort'), 'error') : copy(line);
    });
    return el('fieldset', {}, el('legend', {}, t('asstPortsTitle')), el('div', { class: 'row' }, ...listed, el('label', {}, t('asstOtherPort'), port), custom));
  };

  // VS Code / Cursor: the Host alias must exist in ~/.ssh/config first (RUNPOD.md "More facts").
  const addFirst = el('div', { class: 'add-first', 'data-rpk': 'asst-add-first', hidden: '' });
  const launch = (uri: string): void => {
    host.dataset.rpkOpened = uri;
    const a = el('a', { href: uri, hidden: '' });
    root.append(a);
    a.click();
    a.remove();
  };
  const open = async (c: ConnectionCommands, uri: string): Promise<void> => {
    const added = await getStored('hostBlocksAdded');
    if (added.includes(c.alias)) return launch(uri);
    await copy(c.config);
    const mark = el('button', { type: 'button', 'data-rpk': 'asst-mark-added' }, t('asstMarkAdded'));
    on(mark, 'click', () => {
      void getStored('hostBlocksAdded').then((list) => setStored('hostBlocksAdded', [...new Set([...list, c.alias])].slice(-200))).then(() => {
        addFirst.hidden = true;
        launch(uri);
      });
    });
    addFirst.replaceChildren(el('p', { class: 'note' }, t('asstAddFirst')), el('div', { class: 'row' }, mark));
    addFirst.hidden = false;
    mark.focus();
  };

  const setOpen = (open: boolean): void => {
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open) render();
  };
  on(toggle, 'click', () => setOpen(panel.hidden));
  on(root, 'keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      setOpen(false);
      toggle.focus();
    }
  });
  return { host, refresh: () => { if (!panel.hidden) render(); } };
}
