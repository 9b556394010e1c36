/**
 * Key field validator: finds every SSH public key field on console pages (late, re-rendered,
 * after SPA navigation), attaches a live panel to each, intercepts pastes and drops before the
 * page sees them, guards the section's save control while the field has errors, and answers
 * `fill-key-field`. Thin wiring: detection is in selectors.ts, rendering in panel.ts, per-field
 * behaviour in field.ts, paste decisions in paste.ts.
 */
import { handleMessages, type AddToRunpodResult } from '../../shared/messages.ts';
import { getStored, onStoredChange, type GeneratedPublicKey } from '../../shared/storage.ts';
import { observeDom } from '../observe.ts';
import { safely, reportError } from '../safe.ts';
import { setKnownKeys, loadAdapter } from './analysis.ts';
import { Attachment } from './field.ts';
import { PRIVATE_MESSAGE, autoFixPaste, derivePublic, looksPrivate, needsAdapterFirst } from './paste.ts';
import { activatedControl, findKeyFields, isKeyField, type KeyField } from './selectors.ts';
import { appendLine, setFieldValue } from './value.ts';

const FILL_TIMEOUT_MS = 10_000;

const attachments = new Map<KeyField, Attachment>();
let autoFix = true;

function detach(attachment: Attachment): void {
  attachment.destroy();
  if (attachments.get(attachment.field) === attachment) attachments.delete(attachment.field);
}

function attach(field: KeyField): Attachment | undefined {
  const existing = attachments.get(field);
  if (existing) return existing;
  try {
    const attachment = new Attachment(field, detach);
    attachments.set(field, attachment);
    return attachment;
  } catch (error) {
    reportError('key-field attach', error);
    return undefined;
  }
}

function scan(): void {
  for (const attachment of [...attachments.values()]) if (!attachment.field.isConnected) detach(attachment);
  for (const field of findKeyFields()) attach(field);
}

/** The key field an event is aimed at (also through a page's open shadow roots). */
function keyFieldOf(event: Event): KeyField | undefined {
  const target = event.composedPath()[0] ?? event.target;
  if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return undefined;
  if (attachments.has(target)) return target;
  return isKeyField(target) ? target : undefined;
}

function onPaste(event: ClipboardEvent): void {
  const field = keyFieldOf(event);
  if (!field) return;
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (!text) return;
  if (looksPrivate(text)) {
    // First, unconditionally: no page listener sees it and the field never holds it.
    event.preventDefault();
    event.stopImmediatePropagation();
    safely('key-field private paste', () => {
      attach(field)?.blockPrivate(field.selectionStart ?? field.value.length, PRIVATE_MESSAGE, derivePublic(text));
    })();
    return;
  }
  if (!autoFix) return;
  safely('key-field paste', () => pasteFixed(event, field, text))();
}

/** Inserts a fixable paste already fixed, with the raw paste as the undo target. */
function pasteFixed(event: ClipboardEvent, field: KeyField, text: string): void {
  const attachment = attach(field);
  if (!attachment) return;
  const value = field.value;
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? start;
  const head = value.slice(0, start);
  const tail = value.slice(end);
  const raw = head + text + tail;
  if (needsAdapterFirst(text)) {
    // Insert as pasted now, convert once the lazily loaded adapter is in.
    event.preventDefault();
    setFieldValue(field, raw, start + text.length);
    attachment.analyzeNow();
    void loadAdapter().then(safely('key-field paste (adapter)', () => {
      if (field.value !== raw) return;
      const fix = autoFixPaste(text);
      if (fix) attachment.change(head + fix.text + tail, fix.labels.join('; '), raw, start + fix.text.length);
    }));
    return;
  }
  const fix = autoFixPaste(text);
  if (!fix) return; // a clean paste goes through untouched
  event.preventDefault();
  attachment.change(head + fix.text + tail, fix.labels.join('; '), raw, start + fix.text.length);
}

function onDrop(event: DragEvent): void {
  const field = keyFieldOf(event);
  if (!field) return;
  const text = event.dataTransfer?.getData('text/plain') ?? '';
  if (!looksPrivate(text)) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  safely('key-field private drop', () => {
    attach(field)?.blockPrivate(field.value.length, PRIVATE_MESSAGE, derivePublic(text));
  })();
}

/** The attachment whose section's save control `control` is, when its field has errors. */
function guardedBy(control: HTMLElement): Attachment | undefined {
  for (const attachment of attachments.values()) {
    const save = attachment.saveControl();
    if (save !== control && !save?.contains(control)) continue;
    if (attachment.bypassSave) {
      attachment.bypassSave = false;
      return undefined;
    }
    attachment.flush();
    if (attachment.state === 'error') return attachment;
  }
  return undefined;
}

function showGuard(attachment: Attachment, control: HTMLElement): void {
  attachment.panel.showGuard(attachment.errorCount, {
    anyway: safely('key-field save-anyway', () => {
      attachment.panel.hideGuard();
      attachment.bypassSave = true;
      control.click();
      attachment.bypassSave = false;
    }),
    cancel: safely('key-field save-cancel', () => {
      attachment.panel.hideGuard();
      attachment.field.focus();
    }),
  });
}

function onActivate(event: Event): void {
  if (event instanceof KeyboardEvent) {
    // Buttons turn Enter/Space into a click (handled below); other role=button controls don't.
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const control = activatedControl(event.target);
    if (!control || control instanceof HTMLButtonElement || control instanceof HTMLInputElement) return;
  }
  const control = activatedControl(event.target);
  if (!control) return;
  const attachment = guardedBy(control);
  if (!attachment) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  showGuard(attachment, control);
}

function onSubmit(event: SubmitEvent): void {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  for (const attachment of attachments.values()) {
    if (!form.contains(attachment.field)) continue;
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : attachment.saveControl();
    if (attachment.bypassSave) return;
    attachment.flush();
    if (attachment.state !== 'error' || !submitter) continue;
    event.preventDefault();
    event.stopImmediatePropagation();
    showGuard(attachment, submitter);
    return;
  }
}

async function fillKeyField(publicKey: string): Promise<AddToRunpodResult> {
  const line = publicKey.trim();
  if (!line || looksPrivate(line) || line.includes('\n')) return { ok: false, reason: 'Not a one-line public key.' };
  const deadline = Date.now() + FILL_TIMEOUT_MS;
  for (;;) {
    scan();
    const attachment = [...attachments.values()].find((a) => a.field.isConnected && !a.field.disabled && !a.field.readOnly);
    if (attachment) {
      const value = attachment.field.value;
      const blob = line.split(/\s+/)[1];
      if (blob && value.split(/\s+/).includes(blob)) return { ok: true };
      attachment.change(appendLine(value, line), 'added your generated key');
      return { ok: true };
    }
    if (Date.now() > deadline) return { ok: false, reason: 'No SSH public key field appeared on this page within 10 s.' };
    await new Promise((r) => setTimeout(r, 100));
  }
}

function useKnownKeys(keys: GeneratedPublicKey[]): void {
  setKnownKeys(keys.map((k) => k.publicKey));
  for (const attachment of attachments.values()) safely('key-field known keys', () => attachment.analyzeNow())();
}

export function startKeyField(): void {
  const signal = new AbortController().signal;
  // Capture on window, registered at document_start: before any listener of the page.
  window.addEventListener('paste', safely('key-field paste', onPaste), { capture: true, signal });
  window.addEventListener('drop', safely('key-field drop', onDrop), { capture: true, signal });
  window.addEventListener('click', safely('key-field save guard', onActivate), { capture: true, signal });
  window.addEventListener('keydown', safely('key-field save guard (keys)', onActivate), { capture: true, signal });
  window.addEventListener('submit', safely('key-field submit guard', onSubmit), { capture: true, signal });
  observeDom('key-field', scan, signal);
  handleMessages({ 'fill-key-field': (payload) => fillKeyField(payload.publicKey) }, signal);
  void getStored('autoFixPaste').then((v) => { autoFix = v; }, () => undefined);
  onStoredChange('autoFixPaste', (v) => { autoFix = v; }, signal);
  void getStored('generatedKeys').then(useKnownKeys, () => undefined);
  onStoredChange('generatedKeys', useKnownKeys, signal);
}
