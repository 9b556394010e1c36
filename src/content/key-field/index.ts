/**
 * Key field validator, the part injected on every console page: finds SSH public key fields
 * (late, re-rendered, after SPA navigation) and loads the live validator (live.ts: core analysis
 * + panel) only once one exists; guards pastes and drops from document_start, so a private key
 * is stopped before any listener of the page sees it, even before live.ts has loaded.
 */
import { t } from '../../shared/i18n.ts';
import { handleMessages } from '../../shared/messages.ts';
import { getStored, onStoredChange } from '../../shared/storage.ts';
import type { DomBatch, DomHub } from '../observe.ts';
import { safely, reportError } from '../safe.ts';
import type { GuardBridge } from './guard-bridge.ts';
import { startPasteGuard } from './paste-guard.ts';
import { keyFieldsIn } from './discover.ts';

type Live = typeof import('./live.ts');
let live: Live | undefined;
let loading: Promise<Live> | undefined;
let autoFix = true;
/** The content script's lifetime (set by startKeyField). */
let lifetime: AbortSignal = AbortSignal.abort();
/** Read at document_start, so fingerprints match known keys from the first analysis on. */
let known: ReturnType<typeof getStored<'generatedKeys'>> | undefined;

function loadLive(): Promise<Live> {
  loading ??= import('./live.ts').then((m) => {
    m.init(lifetime, known ?? getStored('generatedKeys'));
    live = m;
    return m;
  });
  loading.catch((error: unknown) => {
    reportError('key-field load', error);
    loading = undefined;
  });
  return loading;
}

/** Only what the batch changed: new fields are attached, fields that left are detached. */
function scan(batch: DomBatch): void {
  const fields = keyFieldsIn(batch);
  if (live) {
    if (fields.length || batch.removed) live.sync(fields);
  } else if (fields.length) {
    void loadLive().then(
      safely('key-field attach', (m: Live) => m.sync(fields.filter((f) => f.isConnected))),
      () => undefined,
    );
  }
}

/** What the paste guard hands over: blocked private keys and pastes to fix. */
const bridge: GuardBridge = {
  blockPrivate(field, caret, text) {
    // `text` stays only in this closure until the live module has derived the public key.
    void loadLive().then(
      safely('key-field private paste', (m: Live) => m.blockPrivate(field, caret, text)),
      () => undefined,
    );
  },
  paste(event, field, text) {
    if (autoFix && live) safely('key-field paste', live.pasteFixed)(event, field, text);
  },
};

export function startKeyField(hub: DomHub, signal: AbortSignal): void {
  lifetime = signal;
  known = getStored('generatedKeys');
  known.catch(() => undefined);
  // Normally installed already by paste-guard.iife.ts at document_start; else now.
  const guard = startPasteGuard();
  guard.bridge = bridge;
  for (const work of guard.pending.splice(0)) safely('key-field paste (queued)', work)(bridge);
  // The save guard: only fields with an attachment (so live.ts is loaded) can be guarded.
  window.addEventListener(
    'click',
    safely('key-field save guard', (e: MouseEvent) => live?.onActivate(e)),
    { capture: true, signal },
  );
  window.addEventListener(
    'keydown',
    safely('key-field save guard', (e: KeyboardEvent) => live?.onActivate(e)),
    { capture: true, signal },
  );
  window.addEventListener(
    'submit',
    safely('key-field submit guard', (e: SubmitEvent) => live?.onSubmit(e)),
    { capture: true, signal },
  );
  hub.subscribe('key-field', scan, signal);
  handleMessages(
    {
      'fill-key-field': async ({ publicKey }) => {
        try {
          return await (await loadLive()).fillKeyField(publicKey);
        } catch (error) {
          reportError('key-field fill', error);
          return { ok: false, reason: t('fillLoadFailed') };
        }
      },
    },
    signal,
  );
  void getStored('autoFixPaste').then(
    (v) => {
      autoFix = v;
    },
    () => undefined,
  );
  onStoredChange(
    'autoFixPaste',
    (v) => {
      autoFix = v;
    },
    signal,
  );
}
