/**
 * The panel under a key field: rendering only (no analysis, no field writes). It lives in an open
 * shadow root whose host carries `data-rpk=panel` and `data-rpk-state`; every hook inside is
 * reachable from the document through that open root. Text is set with textContent only; every
 * word of our own comes from `_locales` (`t`), findings arrive already localised.
 */
import { RPK } from '../../shared/hooks.ts';
import { t } from '../../shared/i18n.ts';
import type { FieldState, FindingCode, Severity } from '../../core/types.ts';
import { doctorButton } from '../doctor-link.ts';
import { PANEL_CSS } from './styles.ts';

export interface FindingView {
  id: string;
  code: FindingCode;
  severity: Severity;
  line: number;
  message: string;
  /** The message names its line itself (every core finding), so no "Line 3:" before it. */
  namesLine?: boolean;
  fixLabel?: string;
}
export interface KeyView {
  line: number;
  type: string;
  bits: number;
  comment: string;
  fingerprint: string;
  label: string;
  randomart: string;
}
export interface PanelView {
  state: FieldState;
  findings: FindingView[];
  keys: KeyView[];
  canUndo: boolean;
  /** Replaces the summary line (e.g. when the check itself failed). */
  title?: string;
  /** When the account's keys were last saved from this browser (ISO 8601), if known. */
  savedAt?: string;
}
export interface PanelActions {
  fix(id: string): void;
  fixAll(): void;
  undo(): void;
  /** "Not working?": the SSH doctor. */
  openDoctor(): void;
}

const severityWord = (s: Severity): string =>
  s === 'error' ? t('panelSeverityError') : s === 'warning' ? t('panelSeverityWarning') : t('panelSeverityInfo');

// chrome.i18n has no plural rules: a separate message for exactly one (en and de agree that 0 is plural).
const keysCount = (n: number): string => (n === 1 ? t('panelKeysOne') : t('panelKeysMany', String(n)));
const warningsCount = (n: number): string => (n === 1 ? t('panelWarningsOne') : t('panelWarningsMany', String(n)));
const problemsCount = (n: number): string => (n === 1 ? t('panelProblemsOne') : t('panelProblemsMany', String(n)));

/** A save time in the UI language's date and time format; '' when it is not a time. */
function savedWhen(iso: string | undefined): string {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(t('langCode'), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Stands for the `<code>` element inside a localised sentence. */
const CODE_MARK = '\ue000';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function summary(view: PanelView): string {
  const errors = view.findings.filter((f) => f.severity === 'error').length;
  const warnings = view.findings.filter((f) => f.severity === 'warning').length;
  const keys = view.keys.length;
  switch (view.state) {
    case 'empty':
      return t('panelSummaryEmpty');
    case 'ok':
      return t('panelSummaryOk', keysCount(keys));
    case 'warning':
      return t('panelSummaryWarning', keysCount(keys), warningsCount(warnings));
    case 'error':
      return keys ? t('panelSummaryErrorKeys', problemsCount(errors), keysCount(keys)) : t('panelSummaryError', problemsCount(errors));
  }
}

export class Panel {
  readonly host: HTMLElement;
  private readonly root: HTMLElement;
  private readonly title: HTMLElement;
  private readonly live: HTMLElement;
  private readonly fixedNote: HTMLElement;
  private readonly fixedText: HTMLElement;
  private readonly findingsList: HTMLUListElement;
  private readonly actions: HTMLElement;
  private readonly keysList: HTMLUListElement;
  private readonly notes: HTMLElement;
  private readonly guard: HTMLElement;
  private readonly guardText: HTMLElement;
  private readonly keyNodes = new Map<string, HTMLElement>();
  private lastSignature = '';
  private lastAnnounced = '';
  private guardHandlers: { anyway(): void; cancel(): void; dismiss?(): void } | undefined;

  constructor(
    private readonly act: PanelActions,
    signal: AbortSignal,
  ) {
    this.host = el('div', { 'data-rpk': RPK.panel, 'data-rpk-state': 'empty' });
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = el('style', {}, PANEL_CSS);
    this.root = el('div', { class: 'rpk', 'data-state': 'empty', role: 'group', 'aria-label': t('panelAriaLabel') });
    const head = el('div', { class: 'head' });
    this.title = el('span', { class: 'title' });
    head.append(el('span', { class: 'dot', 'aria-hidden': 'true' }), this.title, el('span', { class: 'brand' }, t('extName')));
    this.live = el('div', { class: 'sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.fixedNote = el('div', { class: 'fixed', role: 'status', hidden: '' });
    this.fixedText = el('span', { class: 'text' });
    const fixedUndo = el('button', { type: 'button', 'data-rpk': 'undo-fixed' }, t('panelUndo'));
    this.fixedNote.append(this.fixedText, fixedUndo);
    this.findingsList = el('ul', { class: 'findings', 'aria-label': t('panelProblemsLabel') });
    this.actions = el('div', { class: 'actions' });
    this.keysList = el('ul', { class: 'keys', 'aria-label': t('panelValidKeysLabel') });
    this.notes = el('div', { class: 'notes' });
    const foot = el('div', { class: 'foot' });
    foot.append(doctorButton());
    this.guard = el('div', {
      class: 'guard',
      'data-rpk': RPK.saveGuard,
      role: 'alertdialog',
      'aria-label': t('panelGuardLabel'),
      hidden: '',
    });
    this.guardText = el('p');
    const anyway = el('button', { type: 'button', 'data-rpk': RPK.saveAnyway }, t('panelSaveAnyway'));
    const cancel = el('button', { type: 'button', class: 'primary', 'data-rpk': RPK.saveCancel }, t('panelCancelFixFirst'));
    const guardButtons = el('div', { class: 'actions' });
    guardButtons.append(cancel, anyway);
    this.guard.append(this.guardText, guardButtons);
    this.root.append(head, this.live, this.fixedNote, this.findingsList, this.actions, this.keysList, this.notes, foot, this.guard);
    shadow.append(style, this.root);

    // One delegated listener for every button in the panel.
    shadow.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element | null)?.closest?.('button');
        if (!button) return;
        const kind = button.getAttribute('data-rpk');
        if (kind === RPK.fix) this.act.fix(button.closest('[data-finding-id]')?.getAttribute('data-finding-id') ?? '');
        else if (kind === RPK.fixAll) this.act.fixAll();
        else if (kind === 'undo' || kind === 'undo-fixed') this.act.undo();
        else if (kind === 'randomart-toggle') this.toggleRandomart(button);
        else if (kind === RPK.saveAnyway) this.guardHandlers?.anyway();
        else if (kind === RPK.saveCancel) this.guardHandlers?.cancel();
        else if (kind === 'open-doctor') this.act.openDoctor();
      },
      { signal },
    );
    // Keep our keystrokes (Enter/Space on our buttons, Escape in the guard) away from the page.
    shadow.addEventListener(
      'keydown',
      (event) => {
        const e = event as KeyboardEvent;
        if (e.key === 'Escape' && !this.guard.hidden) (this.guardHandlers?.dismiss ?? this.guardHandlers?.cancel)?.();
      },
      { signal },
    );
  }

  setTheme(dark: boolean, font: string): void {
    const theme = dark ? 'dark' : 'light';
    if (this.root.getAttribute('data-theme') !== theme) this.root.setAttribute('data-theme', theme);
    if (font && this.root.style.getPropertyValue('--font') !== font) this.root.style.setProperty('--font', font);
  }

  render(view: PanelView): void {
    const signature = JSON.stringify([
      view.state,
      view.title,
      view.canUndo,
      view.savedAt,
      view.findings,
      view.keys.map((k) => [k.line, k.fingerprint, k.comment, k.type, k.bits]),
    ]);
    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.host.setAttribute('data-rpk-state', view.state);
    this.root.setAttribute('data-state', view.state);
    const title = view.title ?? summary(view);
    this.title.textContent = title;

    const findings = document.createDocumentFragment();
    for (const f of view.findings) {
      const item = el('li', {
        class: 'finding',
        'data-rpk': RPK.finding,
        'data-code': f.code,
        'data-severity': f.severity,
        'data-line': String(f.line),
        'data-finding-id': f.id,
      });
      item.append(el('span', { class: 'sev' }, severityWord(f.severity)));
      const msg = el('span', { class: 'msg' });
      // Core's sentences name their line already; a restated one (a blocked paste) does not.
      if (!f.namesLine) msg.append(el('span', { class: 'loc' }, t('panelLineRef', String(f.line))));
      msg.append(document.createTextNode(f.message));
      item.append(msg);
      if (f.fixLabel)
        item.append(
          el('button', { type: 'button', 'data-rpk': RPK.fix, 'aria-label': t('panelFixAria', f.fixLabel, String(f.line)) }, f.fixLabel),
        );
      else item.append(el('span'));
      findings.append(item);
    }
    this.findingsList.replaceChildren(findings);
    this.findingsList.hidden = view.findings.length === 0;

    const fixable = view.findings.filter((f) => f.fixLabel).length;
    this.actions.replaceChildren();
    if (fixable > 0)
      this.actions.append(
        el(
          'button',
          { type: 'button', class: 'primary', 'data-rpk': RPK.fixAll },
          fixable > 1 ? t('panelFixAll', String(fixable)) : t('panelFixIt'),
        ),
      );
    if (view.canUndo) this.actions.append(el('button', { type: 'button', 'data-rpk': 'undo' }, t('panelUndoLast')));

    this.renderKeys(view.keys);

    this.notes.replaceChildren();
    if (view.keys.length > 0) {
      // The account's keys saved from here: when, so a pod started earlier is known to lack them.
      const when = savedWhen(view.savedAt);
      this.notes.append(
        when
          ? el('p', { 'data-rpk': 'saved-at', 'data-saved-at': view.savedAt ?? '' }, t('doctorEntrySavedAt', when))
          : el('p', {}, t('panelNoteRestart')),
      );
      if (view.keys.length > 1) {
        // The command sits inside the sentence (word order differs by language): split around it.
        const [before = '', after = ''] = t('panelNoteSeveral', CODE_MARK).split(CODE_MARK);
        const p = el('p');
        p.append(before, el('code', {}, 'echo $PUBLIC_KEY'), after);
        this.notes.append(p);
      }
    }

    // Announce problems (not every keystroke's identical summary) to screen readers.
    const announce = view.findings.length
      ? `${title} ${view.findings.map((f) => `${t('panelLineRef', String(f.line))} ${f.message}`).join(' ')}`
      : title;
    if (announce !== this.lastAnnounced) {
      this.lastAnnounced = announce;
      this.live.textContent = announce;
    }
  }

  /** Keyed update: typing in one key's line touches one row, not all of them (1,000-key fields). */
  private renderKeys(keys: KeyView[]): void {
    const next = new Map<string, HTMLElement>();
    const order: HTMLElement[] = [];
    for (const k of keys) {
      const id = `${k.line}|${k.fingerprint}|${k.type}|${k.bits}|${k.comment}`;
      const item = next.get(id) ?? this.keyNodes.get(id) ?? this.keyRow(k);
      next.set(id, item);
      order.push(item);
    }
    for (const [id, node] of this.keyNodes) if (next.get(id) !== node) node.remove();
    let cursor = this.keysList.firstElementChild;
    for (const item of order) {
      if (item === cursor) cursor = cursor.nextElementSibling;
      else this.keysList.insertBefore(item, cursor);
    }
    while (cursor) {
      const extra = cursor;
      cursor = cursor.nextElementSibling;
      extra.remove();
    }
    this.keyNodes.clear();
    for (const [id, node] of next) this.keyNodes.set(id, node);
    this.keysList.hidden = keys.length === 0;
  }

  private keyRow(k: KeyView): HTMLElement {
    const item = el('li', {
      class: 'key',
      'data-rpk': RPK.key,
      'data-fingerprint': k.fingerprint,
      'data-type': k.type,
      'data-bits': String(k.bits),
      'data-line': String(k.line),
    });
    const meta = el('div', { class: 'meta' });
    meta.append(
      el('span', { class: 'type' }, k.type),
      el('span', { class: 'bits' }, k.label ? t('panelBitsLabel', String(k.bits), k.label) : t('panelBits', String(k.bits))),
    );
    if (k.comment) meta.append(el('span', { class: 'comment' }, k.comment));
    meta.append(el('span', { class: 'line' }, t('panelKeyLine', String(k.line))));
    const toggle = el('button', { type: 'button', 'data-rpk': 'randomart-toggle', 'aria-expanded': 'false' }, t('panelRandomart'));
    const art = el('pre', { 'data-rpk': 'randomart', hidden: '' });
    art.dataset.art = k.randomart;
    item.append(meta, toggle, el('span', { class: 'fp' }, k.fingerprint), art);
    return item;
  }

  private toggleRandomart(button: HTMLElement): void {
    const art = button.parentElement?.querySelector('pre');
    if (!art) return;
    const open = art.hidden;
    if (open && !art.textContent) art.textContent = art.dataset.art ?? '';
    art.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  }

  /** A note about the change we just made to the field (always with Undo next to it). */
  showFixed(sentence: string): void {
    this.fixedText.textContent = sentence;
    this.fixedNote.hidden = false;
  }

  hideFixed(): void {
    if (!this.fixedNote.hidden) this.fixedNote.hidden = true;
  }

  showGuard(problems: number, handlers: { anyway(): void; cancel(): void; dismiss?(): void }): void {
    this.guardHandlers = handlers;
    this.guardText.textContent = t('panelGuardText', problemsCount(problems));
    this.guard.hidden = false;
    this.guard.querySelector<HTMLButtonElement>(`[data-rpk=${RPK.saveCancel}]`)?.focus();
  }

  hideGuard(): void {
    this.guard.hidden = true;
    this.guardHandlers = undefined;
  }

  get guardOpen(): boolean {
    return !this.guard.hidden;
  }
}
