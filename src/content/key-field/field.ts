/**
 * One attachment per key field: watches its value (typing, and values the page sets through
 * React, which fire no event), re-analyses debounced, renders the panel, applies fixes with
 * undo, and holds the private-key paste finding. Everything is torn down by one AbortSignal.
 */
import { t, tText } from '../../shared/i18n.ts';
import { fixAll } from '../../core/keys/analyze-detailed.ts';
import type { FieldState } from '../../core/types.ts';
import { openDoctor } from '../doctor-link.ts';
import { safely } from '../safe.ts';
import { analyze, loadAdapter, mayNeedAdapter, currentOptions, type DetailedAnalysis } from './analysis.ts';
import { Panel, type FindingView, type PanelView } from './panel.ts';
import { visualContainer, saveControlFor, type KeyField } from './selectors.ts';
import { OWN_INPUT, setFieldValue } from './value.ts';

const DEBOUNCE_MS = 100;
const POLL_MS = 200;
const MAX_UNDO = 50;
const PRIVATE_ID = 'private-key:paste';

interface UndoEntry {
  before: string;
  after: string;
  label: string;
}

/** A private key pasted and blocked: only what is needed to offer its public key. */
interface BlockedPrivate {
  line: number;
  caret: number;
  message: string;
  /** The text to insert instead (public key line(s)), once derived; never private material. */
  insert?: string;
}

export class Attachment {
  readonly controller = new AbortController();
  readonly panel: Panel;
  private analysis: DetailedAnalysis | undefined;
  private analyzedValue: string | undefined;
  private analysisFailed = false;
  private seenValue: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly undoStack: UndoEntry[] = [];
  private blocked: BlockedPrivate | undefined;
  /** Set by "Save anyway": lets exactly one activation of the save control through. */
  bypassSave = false;
  /** The watch for the outcome of the last save of this field (remember-save.ts). */
  saveWatch: AbortController | undefined;
  /** When the account's keys were last saved from this browser (ISO 8601), if known. */
  private savedAt: string | undefined;

  constructor(
    readonly field: KeyField,
    private readonly onGone: (a: Attachment) => void,
  ) {
    const signal = this.controller.signal;
    this.panel = new Panel(
      {
        fix: safely('key-field fix', (id: string) => this.applyFix(id)),
        fixAll: safely('key-field fix-all', () => this.applyFixAll()),
        undo: safely('key-field undo', () => this.undo()),
        openDoctor: safely('key-field open doctor', openDoctor),
      },
      signal,
    );
    this.seenValue = field.value;
    this.place();
    this.updateTheme();

    field.addEventListener(
      'input',
      safely('key-field input', (event: Event) => {
        if (OWN_INPUT.has(event)) return;
        this.seenValue = field.value;
        // The user moved on (e.g. pasted the .pub instead): the blocked paste's finding goes.
        this.blocked = undefined;
        this.panel.hideFixed();
        this.schedule();
      }),
      { signal },
    );
    (field as HTMLElement).addEventListener(
      'keydown',
      safely('key-field keydown', (event: KeyboardEvent) => this.onKeydown(event)),
      { signal },
    );
    const poll = setInterval(
      safely('key-field poll', () => this.poll()),
      POLL_MS,
    );
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(poll);
        clearTimeout(this.timer);
        this.panel.host.remove();
        this.blocked = undefined;
      },
      { once: true },
    );
    safely('key-field analyse', () => this.analyzeNow())();
  }

  destroy(): void {
    this.controller.abort();
  }

  /** Shows (or drops) the panel's "Saved here on …" line. */
  setSavedAt(savedAt: string | undefined): void {
    if (savedAt === this.savedAt) return;
    this.savedAt = savedAt;
    this.render();
  }

  get state(): FieldState | undefined {
    if (this.blocked) return 'error';
    if (this.analysisFailed) return undefined;
    return this.analysis?.state;
  }

  /** Problems counted by the save guard. */
  get errorCount(): number {
    return (this.analysis?.findings.filter((f) => f.severity === 'error').length ?? 0) + (this.blocked ? 1 : 0);
  }

  saveControl(): HTMLElement | null {
    return saveControlFor(this.field);
  }

  /** Analyses now if the text changed since the last analysis (used before a save). */
  flush(): void {
    if (this.field.value !== this.analyzedValue) this.analyzeNow();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      safely('key-field analyse', () => this.analyzeNow()),
      DEBOUNCE_MS,
    );
  }

  private poll(): void {
    if (!this.field.isConnected) {
      this.onGone(this);
      return;
    }
    if (!this.panel.host.isConnected || this.panel.host.previousElementSibling !== visualContainer(this.field)) this.place();
    this.updateTheme();
    // The page (React) sets the value without any event: notice it here.
    const value = this.field.value;
    if (value !== this.seenValue) {
      this.seenValue = value;
      this.schedule();
    }
  }

  private place(): void {
    visualContainer(this.field).after(this.panel.host);
  }

  private updateTheme(): void {
    let node: Element | null = visualContainer(this.field);
    let dark: boolean | undefined;
    for (; node && dark === undefined; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(bg);
      if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
      const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
      dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
    }
    dark ??= matchMedia('(prefers-color-scheme: dark)').matches;
    this.panel.setTheme(dark, getComputedStyle(document.body ?? this.field).fontFamily);
  }

  analyzeNow(): void {
    clearTimeout(this.timer);
    const value = this.field.value;
    this.seenValue = value;
    this.analyzedValue = value;
    try {
      this.analysis = analyze(value);
      this.analysisFailed = false;
    } catch (error) {
      // Leave the field and the page alone; the panel says we could not check.
      this.analysis = undefined;
      this.analysisFailed = true;
      this.render();
      throw error;
    }
    if (mayNeedAdapter(value)) {
      void loadAdapter().then(
        safely('key-field adapter', () => {
          this.analyzedValue = undefined;
          this.analyzeNow();
        }),
      );
    }
    this.render();
  }

  private render(): void {
    const a = this.analysis;
    const findings: FindingView[] = [];
    if (this.blocked) {
      findings.push({
        id: PRIVATE_ID,
        code: 'private-key',
        severity: 'error',
        line: this.blocked.line,
        message: this.blocked.message,
        namesLine: false,
        ...(this.blocked.insert ? { fixLabel: t('panelInsertPublic') } : {}),
      });
    }
    for (const f of a?.findings ?? []) {
      // Formatted in the UI language from the finding's catalogue key and params.
      findings.push({
        id: f.id,
        code: f.code,
        severity: f.severity,
        line: f.line,
        message: tText({ key: f.key, subs: f.params }, f.code),
        namesLine: true, // every core finding's sentence names its line (test/unit/i18n.test.ts)
        ...(f.fix ? { fixLabel: tText(f.fix.label, f.code) } : {}),
      });
    }
    const state: FieldState = this.blocked ? 'error' : (a?.state ?? (this.field.value.trim() ? 'warning' : 'empty'));
    const view: PanelView = {
      state,
      findings,
      keys: (a?.keys ?? []).map((k) => ({
        line: k.line,
        type: k.type,
        bits: k.bits,
        comment: k.comment,
        fingerprint: k.fingerprint,
        label: k.label,
        randomart: k.randomart,
      })),
      canUndo: this.canUndo(),
      ...(this.savedAt ? { savedAt: this.savedAt } : {}),
    };
    if (this.analysisFailed) {
      view.findings = [];
      view.keys = [];
      view.title = t('panelSummaryFailed');
    }
    this.panel.render(view);
  }

  private canUndo(): boolean {
    const top = this.undoStack.at(-1);
    return top !== undefined && top.after === this.field.value;
  }

  /**
   * Writes `next` through the native setter, remembering how to undo it. `label` (localised)
   * names a fix ("Fixed: …"); `note` replaces the whole sentence for other changes.
   */
  change(next: string, label: string, before = this.field.value, caret?: number, note = t('panelFixed', label)): void {
    if (next === this.field.value && before === next) return;
    this.undoStack.push({ before, after: next, label });
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    setFieldValue(this.field, next, caret);
    this.seenValue = next;
    this.analyzeNow();
    this.panel.showFixed(note);
  }

  private applyFix(id: string): void {
    if (id === PRIVATE_ID) {
      this.insertBlockedPublic();
      return;
    }
    this.flush();
    const finding = this.analysis?.findings.find((f) => f.id === id);
    if (!finding?.fix) return;
    this.change(finding.fix.apply(), tText(finding.fix.label, finding.code));
  }

  private applyFixAll(): void {
    this.flush();
    const before = this.field.value;
    let text = before;
    const labels: string[] = [];
    if (this.blocked?.insert) {
      text = this.withBlockedInserted(text);
      labels.push(t('panelFixedInserted'));
      this.blocked = undefined;
    }
    const fixed = fixAll(text, currentOptions());
    if (fixed !== text) labels.push(t('panelFixedAll'));
    if (fixed === before) {
      this.render();
      return;
    }
    this.change(fixed, labels.join(', ') || t('panelFixedAll'), before);
  }

  private withBlockedInserted(text: string): string {
    const b = this.blocked;
    if (!b?.insert) return text;
    const at = Math.min(b.caret, text.length);
    const head = text.slice(0, at);
    const tail = text.slice(at);
    const pre = head && !head.endsWith('\n') ? '\n' : '';
    const post = tail && !tail.startsWith('\n') ? '\n' : '';
    return head + pre + b.insert + post + tail;
  }

  private insertBlockedPublic(): void {
    if (!this.blocked?.insert) return;
    const before = this.field.value;
    const next = this.withBlockedInserted(before);
    this.blocked = undefined;
    this.change(next, t('panelFixedInsertedDerived'), before);
  }

  undo(): boolean {
    const top = this.undoStack.at(-1);
    if (!top || top.after !== this.field.value) return false;
    this.undoStack.pop();
    setFieldValue(this.field, top.before, top.before.length);
    this.seenValue = top.before;
    this.panel.hideFixed();
    this.analyzeNow();
    return true;
  }

  private onKeydown(event: KeyboardEvent): void {
    // Ctrl/Cmd+Z right after one of our fixes restores the text before it (the native undo
    // stack does not know about setter writes).
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z' && this.canUndo()) {
      event.preventDefault();
      this.undo();
    }
  }

  /** Records a blocked private-key paste; `derive` resolves to the public text to offer, if any. */
  blockPrivate(caret: number, message: string, derive: Promise<{ insert?: string; message: string }>): void {
    const line = this.field.value.slice(0, caret).split('\n').length;
    const blocked: BlockedPrivate = { line, caret, message };
    this.blocked = blocked;
    this.panel.hideFixed();
    this.render();
    void derive.then(
      safely('key-field derive', (derived: { insert?: string; message: string }) => {
        if (this.blocked !== blocked) return;
        blocked.message = derived.message;
        if (derived.insert) blocked.insert = derived.insert;
        this.render();
      }),
      () => undefined,
    );
  }
}
