/**
 * Keeping a filled key line while the page settles. A freshly opened console shows its field
 * empty, and a moment later its own request for the saved keys returns and React replaces the
 * field's value — dropping a line "Add to Runpod" put there meanwhile. After a fill we watch the
 * field for a short window; if the page replaces the value so that our line is gone, it is
 * appended again to the page's new value (the page's keys stay, nothing is duplicated). The
 * watch ends on the first edit by the user (or by the user through our panel), when the path
 * changes (SPA navigation), once the page has been quiet for a while after replacing the value, or
 * after SETTLE_MS at most. A page that replaces the field element itself (a remount on load) gets
 * the watched lines in the new field: live.ts hands them over when it attaches to it.
 */
import { t } from '../../shared/i18n.ts';
import { safely } from '../safe.ts';
import type { Attachment } from './field.ts';
import { appendLine } from './value.ts';

/** The longest a fill is watched (the real console's key query normally returns well within it). */
const SETTLE_MS = 5_000;
/** After the page replaced the value, this long without another replacement means it has loaded. */
const QUIET_MS = 1_500;
/** Fallback poll; React updates show up at once through the mutation observer. */
const POLL_MS = 100;
/** A page that keeps rejecting the line is not fought with. */
const MAX_REAPPENDS = 3;

/** Whether `value` holds the key of `line` (its base64 blob as a whitespace-separated word). */
function hasKey(value: string, line: string): boolean {
  const blob = line.split(/\s+/)[1];
  return blob !== undefined && value.split(/\s+/).includes(blob);
}

const watches = new WeakMap<Attachment, SettleWatch>();

/** Watched lines whose field left the DOM on the same page: for the field that takes its place. */
let orphan: { lines: readonly string[]; path: string; deadline: number } | undefined;

/** Gives `attachment` (a field that appeared on the page) the lines of a field the page replaced. */
export function adoptOrphan(attachment: Attachment, signal: AbortSignal): void {
  const o = orphan;
  if (!o) return;
  orphan = undefined;
  if (o.path !== location.pathname || Date.now() >= o.deadline) return;
  let watch = watches.get(attachment);
  if (!watch || watch.ended) {
    watch = new SettleWatch(attachment, signal);
    watches.set(attachment, watch);
  }
  for (const line of o.lines) watch.add(line, o.deadline);
}

/** Whether a replaced field's lines wait for a new field. */
export const hasOrphan = (): boolean => orphan !== undefined;

/** Writes `line` (when its key is missing) and keeps it through the page's own value load. */
export function fillAndKeep(attachment: Attachment, line: string, signal: AbortSignal): void {
  const value = attachment.field.value;
  if (hasKey(value, line)) return;
  let watch = watches.get(attachment);
  if (!watch || watch.ended) {
    watch = new SettleWatch(attachment, signal);
    watches.set(attachment, watch);
  }
  watch.add(line);
}

class SettleWatch {
  private readonly controller = new AbortController();
  private readonly lines: string[] = [];
  /** The value we last wrote or accepted; anything else not typed by the user is the page's. */
  private expected: string;
  /** True while our own write dispatches its `input` event. */
  private writing = false;
  private reappends = 0;
  private readonly path = location.pathname;
  private endTimer: ReturnType<typeof setTimeout> | undefined;
  private deadline = 0;

  constructor(
    private readonly attachment: Attachment,
    outer: AbortSignal,
  ) {
    const { field } = attachment;
    const { signal } = this.controller;
    this.expected = field.value;
    if (outer.aborted) this.controller.abort();
    else outer.addEventListener('abort', () => this.controller.abort(), { once: true, signal });
    // Detached because the field left the DOM: perhaps replaced by the page (see adoptOrphan).
    if (attachment.controller.signal.aborted) this.controller.abort();
    else attachment.controller.signal.addEventListener('abort', () => this.release(), { once: true, signal });
    // Any input we did not dispatch ourselves is an edit: typing, paste, drop, or a fix/undo
    // clicked in our panel. From then on the text is the user's.
    field.addEventListener(
      'input',
      () => {
        if (!this.writing) this.controller.abort();
      },
      { signal },
    );
    // React writes `value` (no event) and `defaultValue` (the textarea's text / input's value
    // attribute): the observer sees the page's update right after its commit.
    const tick = safely('key-field settle', () => this.check());
    const observer = new MutationObserver(tick);
    observer.observe(field, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['value'] });
    // The moment the field leaves the DOM, while location still says where the page went: a route
    // change away is then told from a remount on the same page (O(1) per batch, only while settling).
    const left = new MutationObserver(() => {
      if (!field.isConnected) tick();
    });
    left.observe(document, { childList: true, subtree: true });
    const poll = setInterval(tick, POLL_MS);
    signal.addEventListener(
      'abort',
      () => {
        left.disconnect();
        observer.disconnect();
        clearInterval(poll);
        clearTimeout(this.endTimer);
      },
      { once: true },
    );
  }

  get ended(): boolean {
    return this.controller.signal.aborted;
  }

  /** Writes `line` (unless its key is there already) and keeps it until `deadline`. */
  add(line: string, deadline = Date.now() + SETTLE_MS): void {
    this.check();
    if (this.ended) return;
    this.lines.push(line);
    const value = this.attachment.field.value;
    if (!hasKey(value, line)) this.write(appendLine(value, line), value);
    this.deadline = Math.max(this.deadline, deadline);
    this.endIn(this.deadline - Date.now());
  }

  /** Ends the watch; its lines wait for a new field when the page replaced this one. */
  private release(): void {
    if (this.ended) return;
    if (!this.attachment.field.isConnected && location.pathname === this.path && Date.now() < this.deadline) {
      orphan = { lines: [...this.lines], path: this.path, deadline: this.deadline };
    }
    this.controller.abort();
  }

  /** Ends the watch in `ms`, never later than SETTLE_MS after the last fill. */
  private endIn(ms: number): void {
    clearTimeout(this.endTimer);
    this.endTimer = setTimeout(() => this.controller.abort(), Math.min(ms, this.deadline - Date.now()));
  }

  private write(next: string, before: string): void {
    this.writing = true;
    try {
      this.attachment.change(next, t('panelAddedKey'), before, undefined, t('panelAddedNote'));
    } finally {
      this.writing = false;
    }
    this.expected = this.attachment.field.value;
  }

  private check(): void {
    if (this.ended) return;
    const { field } = this.attachment;
    if (!field.isConnected || location.pathname !== this.path) {
      this.release();
      return;
    }
    const value = field.value;
    if (value === this.expected) return;
    // The page replaced the value (a user edit would have ended the watch through `input`).
    this.expected = value;
    const missing = this.lines.filter((line) => !hasKey(value, line));
    if (missing.length) {
      if (this.reappends++ >= MAX_REAPPENDS) {
        this.controller.abort();
        return;
      }
      this.write(missing.reduce(appendLine, value), value);
    }
    this.endIn(QUIET_MS);
  }
}
