/**
 * The live validator, loaded with dynamic `import()` the first time a key field is seen (core
 * analysis and the panel are ~50 KB gzip; console pages without a key field never load them).
 * Holds one Attachment per field, the save guard, paste fixing and `fill-key-field`.
 */
import { t } from '../../shared/i18n.ts';
import type { AddToRunpodResult } from '../../shared/messages.ts';
import { getStored, onStoredChange, type AccountKeys, type GeneratedPublicKey } from '../../shared/storage.ts';
import { safely, reportError } from '../safe.ts';
import { setKnownKeys, loadAdapter } from './analysis.ts';
import { Attachment } from './field.ts';
import { privateMessage, autoFixPaste, derivePublic, needsAdapterFirst } from './paste.ts';
import { activatedControl, findKeyFields, type KeyField } from './selectors.ts';
import { watchSave } from './remember-save.ts';
import { adoptOrphan, fillAndKeep, hasOrphan } from './settle.ts';
import { setFieldValue } from './value.ts';

const attachments = new Map<KeyField, Attachment>();
/** The content script's lifetime (set by init). */
let moduleSignal: AbortSignal | undefined;
/** The time of the last save of the account's keys from this browser (set by init). */
let savedAt: string | undefined;

function detach(attachment: Attachment): void {
  attachment.destroy();
  if (attachments.get(attachment.field) === attachment) attachments.delete(attachment.field);
}

export function attach(field: KeyField): Attachment | undefined {
  const existing = attachments.get(field);
  if (existing) return existing;
  try {
    const attachment = new Attachment(field, detach);
    attachments.set(field, attachment);
    attachment.setSavedAt(savedAt);
    return attachment;
  } catch (error) {
    reportError('key-field attach', error);
    return undefined;
  }
}

/** Attaches to `fields`, detaches from fields that left the DOM. */
export function sync(fields: readonly KeyField[]): void {
  for (const attachment of [...attachments.values()]) if (!attachment.field.isConnected) detach(attachment);
  for (const field of fields) attach(field);
  // A filled line whose field the page replaced goes on in the field now in its place.
  if (hasOrphan()) {
    const next = usable();
    if (next) adoptOrphan(next, moduleSignal ?? next.controller.signal);
  }
}

/** The first attached field that can take a line. */
function usable(): Attachment | undefined {
  return [...attachments.values()].find((a) => a.field.isConnected && !a.field.disabled && !a.field.readOnly);
}

export function blockPrivate(field: KeyField, caret: number, text: string): void {
  attach(field)?.blockPrivate(caret, privateMessage(), derivePublic(text));
}

/** Inserts a fixable paste already fixed, with the raw paste as the undo target. */
export function pasteFixed(event: ClipboardEvent, field: KeyField, text: string): void {
  const attachment = attach(field);
  if (!attachment) return;
  const value = field.value;
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? start;
  const head = value.slice(0, start);
  const tail = value.slice(end);
  const raw = head + text + tail;
  if (needsAdapterFirst(text)) {
    // Insert as pasted now, convert once the lazily loaded sshpk adapter is in.
    event.preventDefault();
    setFieldValue(field, raw, start + text.length);
    safely('key-field analyse', () => attachment.analyzeNow())();
    void loadAdapter().then(
      safely('key-field paste (adapter)', () => {
        if (field.value !== raw) return;
        const fix = autoFixPaste(text);
        if (fix) attachment.change(head + fix.text + tail, fix.labels.join('; '), raw, start + fix.text.length, pastedNote(fix.labels));
      }),
    );
    return;
  }
  const fix = autoFixPaste(text);
  if (!fix) return; // a clean paste goes through untouched
  event.preventDefault();
  attachment.change(head + fix.text + tail, fix.labels.join('; '), raw, start + fix.text.length, pastedNote(fix.labels));
}

function pastedNote(labels: readonly string[]): string {
  return t('panelFixedOnPaste', labels.join('; '));
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
      try {
        control.click();
      } finally {
        attachment.bypassSave = false;
      }
    }),
    cancel: safely('key-field save-cancel', () => {
      attachment.panel.hideGuard();
      attachment.field.focus();
    }),
    // Escape closes the dialog like any dialog: focus back on the control that opened it.
    dismiss: safely('key-field save-dismiss', () => {
      attachment.panel.hideGuard();
      control.focus();
    }),
  });
}

/** Every attachment whose section's save control `control` is. */
function ownersOf(control: HTMLElement): Attachment[] {
  return [...attachments.values()].filter((a) => {
    const save = a.saveControl();
    return save === control || save?.contains(control) === true;
  });
}

/** A save the guard let through: watch for its outcome (remember-save.ts). */
function watchSaves(owners: readonly Attachment[]): void {
  for (const attachment of owners) {
    attachment.saveWatch?.abort();
    // The module's lifetime, not the field's: a dialog closes (and its field goes) on success.
    attachment.saveWatch = watchSave(attachment.field, moduleSignal ?? attachment.controller.signal);
  }
}

/** Click / Enter / Space on a save control (capture phase, before the page's handlers). */
export function onActivate(event: Event): void {
  const control = activatedControl(event.target);
  if (!control) return;
  if (event instanceof KeyboardEvent) {
    // Buttons turn Enter/Space into a click (handled as a click); role=button elements don't.
    if (event.key !== 'Enter' && event.key !== ' ') return;
    if (control instanceof HTMLButtonElement || control instanceof HTMLInputElement) return;
  }
  const attachment = guardedBy(control);
  if (!attachment) {
    watchSaves(ownersOf(control));
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  showGuard(attachment, control);
}

export function onSubmit(event: SubmitEvent): void {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const inForm = [...attachments.values()].filter((a) => form.contains(a.field));
  for (const attachment of inForm) {
    if (attachment.bypassSave) return;
    attachment.flush();
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : attachment.saveControl();
    if (attachment.state !== 'error' || !submitter) continue;
    event.preventDefault();
    event.stopImmediatePropagation();
    showGuard(attachment, submitter);
    return;
  }
  // (A click on the save button already started its watch; a new one reads the same value.)
  watchSaves(inForm);
}

const FILL_TIMEOUT_MS = 10_000;

export async function fillKeyField(publicKey: string): Promise<AddToRunpodResult> {
  const line = publicKey.trim();
  if (!line || line.includes('\n') || !/^\S+ [A-Za-z0-9+/]+={0,2}(?: .*)?$/.test(line)) return { ok: false, reason: t('bgNotPublicLine') };
  const deadline = Date.now() + FILL_TIMEOUT_MS;
  for (;;) {
    sync(findKeyFields());
    const attachment = usable();
    if (attachment) {
      // Appends (unless the key is already there) and keeps the line while the page loads its own value.
      fillAndKeep(attachment, line, moduleSignal ?? attachment.controller.signal);
      return { ok: true };
    }
    if (Date.now() > deadline) return { ok: false, reason: t('fillNoField') };
    await new Promise((r) => setTimeout(r, 100));
  }
}

function useKnownKeys(keys: GeneratedPublicKey[]): void {
  setKnownKeys(keys.map((k) => k.publicKey));
  for (const attachment of attachments.values()) safely('key-field known keys', () => attachment.analyzeNow())();
}

/** The panels' "Saved here on …" line: only for a save that kept at least one key. */
function useAccountKeys(account: AccountKeys | null): void {
  savedAt = account && account.keys.length > 0 ? account.savedAt : undefined;
  for (const attachment of attachments.values()) safely('key-field saved time', () => attachment.setSavedAt(savedAt))();
}

/** Runs once, when the module loads. */
export function init(signal: AbortSignal, known: Promise<GeneratedPublicKey[]>): void {
  moduleSignal = signal;
  void known.then(useKnownKeys, () => undefined);
  onStoredChange('generatedKeys', useKnownKeys, signal);
  void getStored('accountKeys').then(useAccountKeys, () => undefined);
  onStoredChange('accountKeys', useAccountKeys, signal);
}
