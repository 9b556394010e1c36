/**
 * Key field validator, the part injected on every console page: finds SSH public key fields
 * (late, re-rendered, after SPA navigation) and loads the live validator (live.ts: core analysis
 * + panel) only once one exists; guards pastes and drops from document_start, so a private key
 * is stopped before any listener of the page sees it, even before live.ts has loaded.
 */
import { handleMessages } from '../../shared/messages.ts';
import { getStored, onStoredChange } from '../../shared/storage.ts';
import { observeDom } from '../observe.ts';
import { safely, reportError } from '../safe.ts';
import { looksPrivate } from './private-text.ts';
import { findKeyFields, isKeyField, type KeyField } from './selectors.ts';

type Live = typeof import('./live.ts');
let live: Live | undefined;
let loading: Promise<Live> | undefined;
let autoFix = true;
const controller = new AbortController();

function loadLive(): Promise<Live> {
  loading ??= import('./live.ts').then((m) => {
    m.init(controller.signal);
    live = m;
    return m;
  });
  loading.catch((error: unknown) => {
    reportError('key-field load', error);
    loading = undefined;
  });
  return loading;
}

function scan(): void {
  const fields = findKeyFields();
  if (live) live.sync(fields);
  else if (fields.length) void loadLive().then((m) => m.sync(findKeyFields()), () => undefined);
}

/** The key field an event is aimed at (also through a page's open shadow roots). */
function keyFieldOf(event: Event): KeyField | undefined {
  const target = event.composedPath()[0] ?? event.target;
  if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return undefined;
  if (live?.isAttached(target)) return target;
  return isKeyField(target) ? target : undefined;
}

/** A private key pasted/dropped into a key field: stopped here, shown by the panel. */
function blockPrivate(event: Event, field: KeyField, text: string): void {
  // First, unconditionally: no page listener sees it and the field never holds it.
  event.preventDefault();
  event.stopImmediatePropagation();
  const caret = field.selectionStart ?? field.value.length;
  // `text` stays only in this closure until the live module has derived the public key.
  void loadLive().then(safely('key-field private paste', (m: Live) => m.blockPrivate(field, caret, text)), () => undefined);
}

function onPaste(event: ClipboardEvent): void {
  const field = keyFieldOf(event);
  if (!field) return;
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (!text) return;
  if (looksPrivate(text)) blockPrivate(event, field, text);
  else if (autoFix && live) safely('key-field paste', live.pasteFixed)(event, field, text);
}

function onDrop(event: DragEvent): void {
  const field = keyFieldOf(event);
  const text = field ? event.dataTransfer?.getData('text/plain') ?? '' : '';
  if (field && looksPrivate(text)) blockPrivate(event, field, text);
}

export function startKeyField(): void {
  const { signal } = controller;
  // Capture on window, registered at document_start: before any listener of the page.
  window.addEventListener('paste', safely('key-field paste', onPaste), { capture: true, signal });
  window.addEventListener('drop', safely('key-field drop', onDrop), { capture: true, signal });
  // The save guard: only fields with an attachment (so live.ts is loaded) can be guarded.
  window.addEventListener('click', safely('key-field save guard', (e: MouseEvent) => live?.onActivate(e)), { capture: true, signal });
  window.addEventListener('keydown', safely('key-field save guard', (e: KeyboardEvent) => live?.onActivate(e)), { capture: true, signal });
  window.addEventListener('submit', safely('key-field submit guard', (e: SubmitEvent) => live?.onSubmit(e)), { capture: true, signal });
  observeDom('key-field', scan, signal);
  handleMessages({
    'fill-key-field': async ({ publicKey }) => {
      try {
        return await (await loadLive()).fillKeyField(publicKey);
      } catch (error) {
        reportError('key-field fill', error);
        return { ok: false, reason: 'The key field helper failed to load on this page.' };
      }
    },
  }, signal);
  void getStored('autoFixPaste').then((v) => { autoFix = v; }, () => undefined);
  onStoredChange('autoFixPaste', (v) => { autoFix = v; }, signal);
}
