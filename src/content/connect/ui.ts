/**
 * The small UI next to each SSH command: "Copy with my key" (`button[data-rpk=copy-corrected]`)
 * and "ssh config", a preview of exactly what gets copied on hover/focus, and a live "Copied"
 * status. Everything lives in an open shadow root (page CSS cannot reach in, tests can), takes its
 * colours from the surrounding text (`currentColor`) so it fits light and dark themes, and is built
 * with DOM APIs only (no innerHTML with page text).
 */
import { RPK } from '../../shared/hooks.ts';
import { tText } from '../../shared/i18n.ts';
import type { I18nText } from '../../core/types.ts';
import { safely } from '../safe.ts';
import { copyText } from './clipboard.ts';
import { S } from './strings.ts';

/** What a button would copy right now, or why it copies nothing (a refused command is never copied). */
export type Preview = { ok: true; text: string } | { ok: false; reason: string; i18n?: I18nText };

export interface BarSource {
  command(): Preview;
  config(): Preview;
}

const STYLE = `
:host { all: initial; display: inline-flex; align-items: center; gap: 6px; margin-inline: 8px 0;
  vertical-align: middle; color: inherit; font: 500 12px/1.25 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  white-space: nowrap; flex: none; }
:host([data-placement=below]) { display: flex; margin: 6px 0 0; flex-wrap: wrap; }
button { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
  padding: 3px 8px; border-radius: 6px; color: inherit; font: inherit;
  border: 1px solid color-mix(in srgb, currentColor 32%, transparent);
  background: color-mix(in srgb, currentColor 6%, transparent); }
button:hover { background: color-mix(in srgb, currentColor 14%, transparent); }
button:active { background: color-mix(in srgb, currentColor 22%, transparent); }
button:focus-visible { outline: 2px solid #8b5cf6; outline-offset: 2px; }
svg { width: 13px; height: 13px; flex: none; }
.status { font-weight: 400; opacity: .85; min-width: 0; }
.status[data-kind=error] { color: color-mix(in srgb, #e5484d 60%, currentColor); opacity: 1; }
.tip { position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: min(640px, calc(100vw - 16px));
  padding: 8px 10px; border-radius: 8px; white-space: normal; pointer-events: none;
  background: var(--rpk-bg, #fff); color: var(--rpk-fg, #111);
  border: 1px solid color-mix(in srgb, var(--rpk-fg, #111) 22%, transparent);
  box-shadow: 0 6px 24px rgb(0 0 0 / .25); font-weight: 400; }
.tip[hidden] { display: none; }
.tip .label { opacity: .8; margin-bottom: 4px; }
/* Red pulled towards the page's text colour: >= 4.5:1 on light and dark pages alike. */
.tip .why { color: color-mix(in srgb, #e5484d 60%, var(--rpk-fg, #111)); margin-bottom: 4px; }
.tip pre { margin: 0; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  white-space: pre-wrap; overflow-wrap: anywhere; }
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
function icon(d: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.5');
  path.setAttribute('stroke-linecap', 'round');
  svg.append(path);
  return svg;
}
// A key and a document, drawn with strokes so they take the text colour.
const KEY_ICON = 'M6.5 9.5a3 3 0 1 1 2-2L14 13v1.5h-2V13h-1.5v-1.5H9z';
const FILE_ICON = 'M4 1.5h5l3 3v10H4zM9 1.5v3h3M6 8h4M6 10.5h4';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The page's effective background and text colours at `node`, for the opaque preview. */
function themeAt(node: Element): { bg: string; fg: string } {
  const fg = getComputedStyle(node).color;
  for (let at: Element | null = node; at; at = at.parentElement) {
    const bg = getComputedStyle(at).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(bg)) return { bg, fg };
  }
  return { bg: getComputedStyle(document.body ?? document.documentElement).backgroundColor || '#fff', fg };
}

export interface Bar {
  host: HTMLElement;
  /** Re-reads the previews (after a settings change). */
  refresh(): void;
}

/** Core reasons are sentence fragments ("the key path contains …"): show them as sentences, in the UI language when core gave a catalogue reference. */
function sentence(reason: string, i18n?: I18nText): string {
  const local = tText(i18n, reason);
  const text = local.charAt(0).toUpperCase() + local.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The bars of one page share one open preview: showing one hides the other (hover here, focus there). */
export interface OpenTip {
  hide?: () => void;
}

/** A status line that clears itself: soon after a success, later after an error. */
function statusLine(status: HTMLElement, signal: AbortSignal): (text: string, kind: 'ok' | 'error') => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return (text, kind) => {
    clearTimeout(timer);
    status.textContent = text;
    status.dataset.kind = kind;
    timer = setTimeout(
      () => {
        status.textContent = '';
      },
      kind === 'ok' ? 2500 : 8000,
    );
  };
}

interface Tip {
  show(button: HTMLButtonElement): void;
  hide(): void;
  /** The button whose preview is shown. */
  shownFor(): HTMLButtonElement | undefined;
}

/** The preview tooltip of a bar: what a button would copy, or why it copies nothing. */
function previewTip(
  tip: HTMLElement,
  host: HTMLElement,
  content: (button: HTMLButtonElement) => Node[],
  open: OpenTip,
  signal: AbortSignal,
): Tip {
  let shownFor: HTMLButtonElement | undefined;
  // Below the button, flipped above when there is no room; kept inside the viewport.
  const position = (button: HTMLButtonElement): void => {
    const rect = button.getBoundingClientRect();
    const box = tip.getBoundingClientRect();
    const left = Math.max(8, Math.min(rect.left, innerWidth - box.width - 8));
    const below = rect.bottom + 6;
    const top = below + box.height > innerHeight - 8 ? Math.max(8, rect.top - box.height - 6) : below;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  };
  const hide = (): void => {
    tip.hidden = true;
    shownFor = undefined;
    if (open.hide === hide) open.hide = undefined;
  };
  const show = (button: HTMLButtonElement): void => {
    if (open.hide !== hide) open.hide?.();
    open.hide = hide;
    tip.replaceChildren(...content(button));
    const { bg, fg } = themeAt(host.parentElement ?? document.body);
    tip.style.setProperty('--rpk-bg', bg);
    tip.style.setProperty('--rpk-fg', fg);
    tip.hidden = false;
    shownFor = button;
    position(button);
  };
  signal.addEventListener('abort', hide, { once: true });
  // Keyboard focus scrolls the button into view: follow it rather than hide.
  window.addEventListener(
    'scroll',
    safely('connect scroll', () => {
      if (shownFor) position(shownFor);
    }),
    { capture: true, passive: true, signal },
  );
  return { show, hide, shownFor: () => shownFor };
}

/** A bar button: click copies (never reaching the page's handlers); hover and focus preview; Escape hides. */
function wireButton(button: HTMLButtonElement, tip: Tip, activate: () => void, signal: AbortSignal): void {
  const on = <E extends keyof HTMLElementEventMap>(type: E, handler: (event: HTMLElementEventMap[E]) => void): void =>
    button.addEventListener(type, safely(`connect ${type}`, handler), { signal });
  on('click', (event) => {
    // Our click must not reach the page's own handlers (e.g. a row that copies on click).
    event.stopPropagation();
    activate();
  });
  on('mouseenter', () => tip.show(button));
  on('focus', () => tip.show(button));
  on('mouseleave', () => {
    if (!button.matches(':focus-visible')) tip.hide();
  });
  on('blur', tip.hide);
  on('keydown', (event) => {
    if (event.key === 'Escape' && tip.shownFor()) {
      tip.hide();
      event.stopPropagation();
    }
  });
}

export function createBar(source: BarSource, open: OpenTip, signal: AbortSignal): Bar {
  const host = el('span', { 'data-rpk-host': 'connect' });
  const root = host.attachShadow({ mode: 'open' });
  const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const tipElement = el('div', { class: 'tip', role: 'tooltip', id: 'rpk-tip', hidden: '' });
  const copy = el(
    'button',
    { type: 'button', 'data-rpk': RPK.copyCorrected, 'aria-describedby': 'rpk-tip' },
    icon(KEY_ICON),
    S.copyCorrected,
  );
  const config = el(
    'button',
    { type: 'button', 'data-rpk': 'copy-ssh-config', 'aria-describedby': 'rpk-tip' },
    icon(FILE_ICON),
    S.copyConfig,
  );
  root.append(el('style', {}, STYLE), copy, config, status, tipElement);
  const say = statusLine(status, signal);
  const previewFor = (button: HTMLButtonElement): Preview => (button === copy ? source.command() : source.config());
  const tip = previewTip(
    tipElement,
    host,
    (button) => {
      const preview = previewFor(button);
      return preview.ok
        ? [el('div', { class: 'label' }, button === copy ? S.previewCommand : S.previewConfig), el('pre', {}, preview.text)]
        : [el('div', { class: 'label' }, S.previewRefused), el('div', { class: 'why' }, sentence(preview.reason, preview.i18n))];
    },
    open,
    signal,
  );
  const activate = async (button: HTMLButtonElement): Promise<void> => {
    const preview = previewFor(button);
    // Our buttons copy only a command we built: a refusal copies nothing and says why.
    if (!preview.ok) return say(S.notCopied(sentence(preview.reason, preview.i18n)), 'error');
    if (await copyText(preview.text)) say(S.copied, 'ok');
    else say(S.copyFailed, 'error');
  };
  for (const button of [copy, config]) {
    wireButton(button, tip, () => void activate(button).catch(() => say(S.copyFailed, 'error')), signal);
  }
  return {
    host,
    refresh: () => {
      const shown = tip.shownFor();
      if (shown) tip.show(shown);
    },
  };
}

let notice: { host: HTMLElement; text: HTMLElement; timer?: ReturnType<typeof setTimeout> } | undefined;

/** A dismissible notice in the page corner (role=status), e.g. why a copy was left unchanged. */
export function showNotice(reason: string, i18n?: I18nText): void {
  if (!notice?.host.isConnected) {
    const host = el('div', { 'data-rpk': 'connect-notice' });
    const root = host.attachShadow({ mode: 'open' });
    const text = el('div', { class: 'text' });
    const close = el('button', { type: 'button', 'aria-label': S.close }, '×');
    root.append(
      el(
        'style',
        {},
        `
      :host { all: initial; position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: min(420px, calc(100vw - 32px));
        font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      .box { display: flex; gap: 10px; align-items: flex-start; padding: 12px 14px; border-radius: 10px;
        background: #1f1d2b; color: #f4f3fa; border: 1px solid #e5484d; box-shadow: 0 8px 28px rgb(0 0 0 / .35); }
      b { display: block; margin-bottom: 2px; }
      p { margin: 4px 0 0; }
      button { all: unset; cursor: pointer; padding: 0 6px; border-radius: 4px; font-size: 18px; line-height: 1; }
      button:focus-visible { outline: 2px solid #8b5cf6; outline-offset: 2px; }`,
      ),
      el('div', { class: 'box', role: 'status' }, text, close),
    );
    close.addEventListener(
      'click',
      safely('connect notice close', () => host.remove()),
    );
    (document.body ?? document.documentElement).append(host);
    notice = { host, text };
  }
  notice.text.replaceChildren(
    el('b', {}, S.noticeTitle),
    el('p', {}, S.noticeUnchanged),
    el('p', { 'data-rpk-reason': '' }, sentence(reason, i18n)),
    el('p', {}, S.noticeFix),
  );
  clearTimeout(notice.timer);
  const current = notice;
  current.timer = setTimeout(() => current.host.remove(), 12_000);
}
