/**
 * Clipboard paths the isolated content script owns:
 * - the capture-phase `copy` listener that corrects `document.execCommand('copy')` and
 *   selection + Ctrl/Cmd+C copies of an SSH command (everything else is left alone);
 * - `copyText`, which our own buttons use: `navigator.clipboard.writeText` inside the click's user
 *   activation, falling back to a copy event we fill ourselves.
 * The page's own `writeText`/`write`/`setData` calls are handled in its world (main-world.iife.ts).
 */
import { safely } from '../safe.ts';

/** Text our own fallback copy puts on the clipboard; consumed by the next copy event. */
let pending: string | undefined;

/** `correct` returns the corrected command, or undefined to leave the clipboard as it is. */
export function listenForCopies(correct: (text: string) => string | undefined, signal: AbortSignal): void {
  const onCopy = safely('connect copy', (event: ClipboardEvent): void => {
    const data = event.clipboardData;
    if (!data) return;
    if (pending !== undefined) {
      data.setData('text/plain', pending);
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const text = selectedText(event);
    if (!text) return;
    const next = correct(text);
    if (next === undefined || next === text) return;
    data.setData('text/plain', next);
    event.preventDefault();
  });
  // window + capture: before any listener of the page; listeners that set their own data later
  // still win (and go through the page-world setData wrapper).
  window.addEventListener('copy', onCopy, { capture: true, signal });
}

/** The text a copy event copies: the selection inside a focused text control, else the page's. */
function selectedText(event: Event): string {
  for (const candidate of [event.target, document.activeElement]) {
    if (candidate instanceof HTMLTextAreaElement || candidate instanceof HTMLInputElement) {
      const { selectionStart: start, selectionEnd: end } = candidate;
      if (start !== null && end !== null && end > start) return candidate.value.slice(start, end);
    }
  }
  return window.getSelection()?.toString() ?? '';
}

/** Copies `text`; call synchronously from a user gesture. Resolves false if nothing worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No permission or no focus: a copy event still works during the gesture's activation.
  }
  pending = text;
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    pending = undefined;
  }
}
