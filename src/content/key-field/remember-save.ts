/**
 * Account keys remembered (issue 11, item 2): after a successful save of a key field, its public
 * keys (core accountKeysToStore: valid public key lines only, never private text) and the time go
 * to local storage (`accountKeys`), for the SSH doctor and the panel's "Saved here on …" line.
 *
 * When a save counts as successful — the rule:
 * 1. the section's save control ("Update Public Key", "Save", "Add SSH key") was activated and our
 *    save guard let it through (a clean field, or "Save anyway"); the field's value is read at
 *    that moment, as the page sends it;
 * 2. within SAVE_WINDOW_MS the page shows a notice (`role=alert`/`status`, an `aria-live` region)
 *    that core saveNoticeVerdict reads as a success ("Public Key Updated", "SSH key added").
 * A failure notice, another activation, or the window passing without a notice stores nothing.
 * A field inside a dialog ("Add SSH key") adds its keys to the remembered ones; any other key
 * field holds the account's whole key string and replaces them.
 */
import { accountKeysAfterSave, accountKeysToStore, saveNoticeVerdict, type SaveMode } from '../../core/doctor/account.ts';
import { getStored, setStored } from '../../shared/storage.ts';
import { reportError, safely } from '../safe.ts';
import type { KeyField } from './selectors.ts';

/** The console's API answers in well under a second; toasts follow at once. */
const SAVE_WINDOW_MS = 8000;
const NOTICE = '[role=alert], [role=status], [aria-live]:not([aria-live=off])';
/** Enough characters to read a toast; a log region's flood is never read whole. */
const MAX_NOTICE_CHARS = 300;

/** Notices a batch of mutations added or changed, outside our own UI. */
function noticeTexts(records: readonly MutationRecord[]): string[] {
  const out = new Set<Element>();
  const consider = (node: Node): void => {
    const element = node instanceof Element ? node : node.parentElement;
    if (!element || element.closest('[data-rpk], [data-rpk-host]')) return;
    const notice = element.closest(NOTICE);
    if (notice) out.add(notice);
    else if (node instanceof Element) for (const inner of Array.from(node.querySelectorAll(NOTICE)).slice(0, 8)) out.add(inner);
  };
  for (const record of records) {
    if (record.type === 'characterData') consider(record.target);
    else for (const node of Array.from(record.addedNodes)) consider(node);
  }
  return [...out].slice(0, 16).map((notice) => (notice.textContent ?? '').slice(0, MAX_NOTICE_CHARS));
}

async function remember(keys: string[], mode: SaveMode): Promise<void> {
  const previous = mode === 'append' ? (await getStored('accountKeys'))?.keys : undefined;
  await setStored('accountKeys', { keys: accountKeysAfterSave(previous, keys, mode), savedAt: new Date().toISOString() });
}

/**
 * Starts watching for the outcome of a save of `field` just activated; returns the watch's
 * controller (abort it when another save of the same field starts). Ends with `lifetime`.
 */
export function watchSave(field: KeyField, lifetime: AbortSignal): AbortController {
  const watch = new AbortController();
  const keys = accountKeysToStore(field.value);
  const mode: SaveMode = field.closest('[role=dialog]') ? 'append' : 'replace';
  if (lifetime.aborted || (mode === 'append' && keys.length === 0)) {
    watch.abort();
    return watch;
  }
  const observer = new MutationObserver(
    safely('key-field save watch', (records: MutationRecord[]) => {
      for (const text of noticeTexts(records)) {
        const verdict = saveNoticeVerdict(text);
        if (!verdict) continue;
        watch.abort();
        if (verdict === 'saved') remember(keys, mode).catch((error: unknown) => reportError('key-field remember keys', error));
        return;
      }
    }),
  );
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  const timer = setTimeout(() => watch.abort(), SAVE_WINDOW_MS);
  const end = (): void => watch.abort();
  lifetime.addEventListener('abort', end, { once: true, signal: watch.signal });
  watch.signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      observer.disconnect();
    },
    { once: true },
  );
  return watch;
}
