/**
 * The paste guard: capture listeners on window, the first to see every paste, drop and beforeinput (when
 * installed by paste-guard.iife.ts at document_start, before any script of the page). A private
 * key aimed at a key field is stopped here, synchronously; everything else is handed to the
 * key-field module once it has connected. Both run in the same isolated world and meet on
 * `globalThis` (guard-bridge.ts), which the page's world never sees.
 */
import { looksPrivate } from '../../shared/private-text.ts';
import { isKeyField, type KeyField } from './selectors.ts';
import { GUARD_KEY, type GuardBridge, type PasteGuard } from './guard-bridge.ts';

const host = globalThis as unknown as Record<string, unknown>;

function keyFieldOf(event: Event): KeyField | undefined {
  const target = event.composedPath()[0] ?? event.target;
  if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return undefined;
  return isKeyField(target) ? target : undefined;
}

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** Installs the guard once per page (the IIFE at document_start, else the module as a fallback). */
export function startPasteGuard(): PasteGuard {
  const existing = host[GUARD_KEY] as PasteGuard | undefined;
  if (existing) return existing;
  const guard: PasteGuard = { pending: [], bridge: undefined };
  host[GUARD_KEY] = guard;
  const hand = (fn: (bridge: GuardBridge) => void): void => {
    if (guard.bridge) fn(guard.bridge);
    else guard.pending.push(fn);
  };
  const onText = (event: Event, text: string, kind: 'paste' | 'drop' | 'input'): void => {
    // The cheap text test first: beforeinput runs on every keystroke.
    let secret = false;
    try {
      if (!text) return;
      secret = looksPrivate(text);
      if (kind === 'input' && !secret) return;
      const field = keyFieldOf(event);
      if (!field) return;
      if (secret) {
        // First, unconditionally: no page listener sees it and the field never holds it.
        stop(event);
        const caret = kind === 'drop' ? field.value.length : (field.selectionStart ?? field.value.length);
        hand((b) => b.blockPrivate(field, caret, text));
        return;
      }
      if (kind === 'paste' && guard.bridge) guard.bridge.paste(event as ClipboardEvent, field, text);
    } catch (error) {
      // Fails closed: when the field cannot be told apart (the lookup threw), a private key is
      // stopped wherever it was going.
      if (secret) stop(event);
      console.warn(`[runpod-ssh-helper] paste guard failed: ${error instanceof Error ? error.name : typeof error}`);
    }
  };
  window.addEventListener('paste', (e) => onText(e, e.clipboardData?.getData('text/plain') ?? '', 'paste'), { capture: true });
  window.addEventListener('drop', (e) => onText(e, e.dataTransfer?.getData('text/plain') ?? '', 'drop'), { capture: true });
  // Paste-like insertions that bring no paste/drop event of their own (middle-click/selection
  // paste, yank, drops some browsers only announce here): stopped before `input` fires. Typed
  // text (`insertText`, incl. IME and automation) is the user's and is analysed in the field.
  window.addEventListener(
    'beforeinput',
    (e) => {
      if (e.inputType.startsWith('insertFrom')) onText(e, e.data || e.dataTransfer?.getData('text/plain') || '', 'input');
    },
    { capture: true },
  );
  return guard;
}
