/**
 * The Connect assistant next to a Runpod command: "More commands" opens a panel with every
 * command a person needs for this pod or worker (core connectionCommands): the corrected ssh;
 * scp/rsync up and down with editable local and pod paths; sftp; a port forward per HTTP port
 * the pane lists and for a typed port; the Host block; "Open in VS Code / Cursor", which first
 * asks the user to add the Host block (copied for them) unless they said it is added. Next to
 * the toggle, "Not working?" opens the SSH doctor.
 *
 * Open shadow root, DOM APIs only (no innerHTML), keyboard operable (native buttons, inputs and
 * labels; Escape closes), every text from _locales. Our clicks never reach the page's handlers.
 */
import { connectionCommands, type ConnectionCommands, type Direction, type Transfer } from '../../core/connect/commands.ts';
import type { RewriteSettings } from '../../core/types.ts';
import { t, tText, type MessageKey } from '../../shared/i18n.ts';
import { getStored, setStored } from '../../shared/storage.ts';
import { doctorButton, openDoctor } from '../doctor-link.ts';
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

type Refused = { ok: false; reason: string; i18n?: Parameters<typeof tText>[0] };

/** What the panel's sections share: event wiring, the status line, copying, buttons. */
interface Ctx {
  source: AssistantSource;
  root: ShadowRoot;
  host: HTMLElement;
  on<E extends keyof HTMLElementEventMap>(node: EventTarget, type: E, handler: (event: HTMLElementEventMap[E]) => void): void;
  say(text: string, kind: 'ok' | 'error'): void;
  copy(text: string | undefined, why?: string): Promise<void>;
  button(key: MessageKey, hook: string, action: (c: ConnectionCommands) => Promise<void> | void, label?: string): HTMLButtonElement;
}

function commandsOf(source: AssistantSource): ConnectionCommands | Refused {
  const settings = source.settings();
  if (!settings) return { ok: false, reason: t('connectSettingsLoading') };
  const podId = source.podId();
  return connectionCommands(source.command(), { ...settings, ...(podId ? { podId } : {}) });
}

function context(
  source: AssistantSource,
  host: HTMLElement,
  root: ShadowRoot,
  status: HTMLElement,
  preview: HTMLElement,
  signal: AbortSignal,
): Ctx {
  const on: Ctx['on'] = (node, type, handler) =>
    node.addEventListener(type, safely(`assistant ${type}`, handler as (e: Event) => void), { signal });
  const say: Ctx['say'] = (text, kind) => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const copy: Ctx['copy'] = async (text, why) => {
    if (text === undefined || text === '') return say(why ?? t('asstCopyFailed'), 'error');
    preview.textContent = text;
    const copied = await copyText(text);
    say(copied ? t('asstCopied') : t('asstCopyFailed'), copied ? 'ok' : 'error');
  };
  const button: Ctx['button'] = (key, hook, action, label) => {
    const b = el('button', { type: 'button', 'data-rpk': hook }, label ?? t(key));
    on(b, 'click', () => {
      const c = commandsOf(source);
      if (!c.ok) return say(sentence(t('asstRefused', tText(c.i18n, c.reason))), 'error');
      void Promise.resolve(action(c)).catch(() => say(t('asstCopyFailed'), 'error'));
    });
    return b;
  };
  return { source, root, host, on, say, copy, button };
}

export function createAssistant(source: AssistantSource, signal: AbortSignal): Assistant {
  const host = el('div', { 'data-rpk-host': 'assistant', 'data-rpk': 'assistant' });
  const root = host.attachShadow({ mode: 'open' });
  const panelId = 'rpk-asst-panel';
  const toggle = el(
    'button',
    { type: 'button', class: 'toggle', 'data-rpk': 'assistant-toggle', 'aria-expanded': 'false', 'aria-controls': panelId },
    t('asstToggle'),
  );
  const panel = el('div', {
    id: panelId,
    class: 'panel',
    role: 'group',
    'aria-label': t('asstTitle'),
    'data-rpk': 'assistant-panel',
    hidden: '',
  });
  const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-rpk': 'asst-status' });
  const preview = el('pre', { 'data-rpk': 'asst-preview' });
  // "Not working?": the SSH doctor, next to the toggle so it is there without opening the panel.
  const doctor = doctorButton();
  root.append(el('style', {}, ASSISTANT_STYLE), toggle, doctor, panel);
  const ctx = context(source, host, root, status, preview, signal);
  ctx.on(doctor, 'click', openDoctor);
  // Nothing of ours reaches the page's handlers (rows that copy on click, global shortcuts).
  for (const type of ['click', 'keydown', 'keyup', 'input', 'copy', 'paste'] as const) ctx.on(root, type, (e) => e.stopPropagation());

  // Built once, so typed paths and ports survive re-renders (settings changes).
  const files = filesSection(ctx);
  const ports = portsSection(ctx);
  const editors = editorFlow(ctx);
  const content = (): Node[] => {
    const c = commandsOf(source);
    if (!c.ok) return [el('p', { class: 'note', 'data-rpk': 'asst-refused' }, sentence(t('asstRefused', tText(c.i18n, c.reason)))), status];
    const main = el(
      'div',
      { class: 'row' },
      ctx.button('asstCopySsh', 'asst-ssh', (x) => ctx.copy(x.ssh)),
      ctx.button('asstCopyConfig', 'asst-config', (x) => ctx.copy(x.config)),
      ...(c.kind === 'tcp' ? editors.buttons() : []),
    );
    const parts: Node[] = [main];
    if (c.kind === 'tcp') parts.push(files, ports.render());
    else parts.push(el('p', { class: 'note', 'data-rpk': 'asst-note' }, t('asstProxyNote')));
    parts.push(editors.box, status, preview);
    return parts;
  };
  const render = (): void => {
    // A re-render (a settings change) must not drop a keyboard user's focus: it goes back to the same control.
    const active = root.activeElement;
    const hook = active instanceof HTMLElement && panel.contains(active) ? active.dataset.rpk : undefined;
    panel.replaceChildren(...content());
    if (hook && root.activeElement === null) panel.querySelector<HTMLElement>(`[data-rpk="${CSS.escape(hook)}"]`)?.focus();
  };

  const setOpen = (open: boolean): void => {
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open) render();
  };
  ctx.on(toggle, 'click', () => setOpen(panel.hidden));
  ctx.on(root, 'keydown', (e) => {
    if (e.key !== 'Escape' || panel.hidden) return;
    setOpen(false);
    toggle.focus();
  });
  return {
    host,
    refresh: () => {
      if (!panel.hidden) render();
    },
  };
}

/** scp/rsync up and down with the local and pod paths editable in place; sftp. */
function filesSection(ctx: Ctx): HTMLElement {
  const local = el('input', { type: 'text', 'data-rpk': 'asst-local', spellcheck: 'false', autocomplete: 'off', value: './' });
  const remote = el('input', { type: 'text', 'data-rpk': 'asst-remote', spellcheck: 'false', autocomplete: 'off', value: '/workspace/' });
  const transfer = (tool: Transfer, direction: Direction) => (c: ConnectionCommands) => {
    const r = c.transfer(tool, local.value, remote.value, direction);
    return r.ok ? ctx.copy(r.text) : ctx.copy(undefined, sentence(tText(r.i18n, r.reason)));
  };
  return el(
    'fieldset',
    {},
    el('legend', {}, t('asstFilesTitle')),
    el('div', { class: 'row' }, el('label', {}, t('asstLocalLabel'), local), el('label', {}, t('asstRemoteLabel'), remote)),
    el(
      'div',
      { class: 'row' },
      ctx.button('asstScpUp', 'asst-scp-up', transfer('scp', 'up')),
      ctx.button('asstScpDown', 'asst-scp-down', transfer('scp', 'down')),
      ctx.button('asstRsyncUp', 'asst-rsync-up', transfer('rsync', 'up')),
      ctx.button('asstRsyncDown', 'asst-rsync-down', transfer('rsync', 'down')),
      ctx.button('asstSftp', 'asst-sftp', (c) => ctx.copy(c.sftp)),
    ),
  );
}

/** A forward per HTTP port the pane lists, and one for a typed port. */
function portsSection(ctx: Ctx): { render(): HTMLElement } {
  const port = el('input', {
    type: 'text',
    inputmode: 'numeric',
    class: 'port',
    'data-rpk': 'asst-port',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  ctx.on(port, 'input', () => port.removeAttribute('aria-invalid'));
  const custom = ctx.button('asstForwardCopy', 'asst-forward-port', (c) => {
    const n = /^\s*\d{1,5}\s*$/.test(port.value) ? Number(port.value) : NaN;
    const line = c.forward(n, n);
    port.setAttribute('aria-invalid', String(line === ''));
    return line === '' ? ctx.say(t('asstBadPort'), 'error') : ctx.copy(line);
  });
  const render = (): HTMLElement => {
    const listed = ctx.source.httpPorts().map((p) => {
      const b = ctx.button('asstForwardPort', 'asst-forward', (c) => ctx.copy(c.forward(p, p)), t('asstForwardPort', String(p)));
      b.dataset.port = String(p);
      return b;
    });
    return el(
      'fieldset',
      {},
      el('legend', {}, t('asstPortsTitle')),
      el('div', { class: 'row' }, ...listed, el('label', {}, t('asstOtherPort'), port), custom),
    );
  };
  return { render };
}

/**
 * VS Code / Cursor open `ssh-remote+<alias>`, which needs the Host block in ~/.ssh/config
 * (RUNPOD.md "More facts"): until the user says it is added, opening copies the block and asks.
 */
function editorFlow(ctx: Ctx): { box: HTMLElement; buttons(): HTMLButtonElement[] } {
  const box = el('div', { class: 'add-first', 'data-rpk': 'asst-add-first', hidden: '' });
  const launch = (uri: string): void => {
    ctx.host.dataset.rpkOpened = uri;
    const a = el('a', { href: uri, hidden: '' });
    ctx.root.append(a);
    a.click();
    a.remove();
  };
  const open = async (c: ConnectionCommands, uri: string): Promise<void> => {
    if ((await getStored('hostBlocksAdded')).includes(c.alias)) return launch(uri);
    await ctx.copy(c.config);
    const mark = el('button', { type: 'button', 'data-rpk': 'asst-mark-added' }, t('asstMarkAdded'));
    ctx.on(mark, 'click', () => {
      void getStored('hostBlocksAdded')
        .then((list) => setStored('hostBlocksAdded', [...new Set([...list, c.alias])].slice(-200)))
        .then(() => {
          box.hidden = true;
          launch(uri);
        });
    });
    box.replaceChildren(el('p', { class: 'note' }, t('asstAddFirst')), el('div', { class: 'row' }, mark));
    box.hidden = false;
    mark.focus();
  };
  return {
    box,
    buttons: () => [
      ctx.button('asstOpenVscode', 'asst-vscode', (c) => open(c, c.vscodeUri)),
      ctx.button('asstOpenCursor', 'asst-cursor', (c) => open(c, c.cursorUri)),
    ],
  };
}
