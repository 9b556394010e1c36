/**
 * The rewrite settings as the content script sees them: loaded once, then followed live with
 * `onStoredChange`, so a change in the popup applies to the very next copy without a reload.
 * Reads stay synchronous (the clipboard bridge must answer inside the page's call).
 */
import type { RewriteSettings } from '../../core/types.ts';
import { defaultShellFor, getAllStored, onStoredChange, storageDefaults, type Shell } from '../../shared/storage.ts';
import { safely } from '../safe.ts';

export interface ConnectSettings {
  rewrite: RewriteSettings;
  /** Rewrite what the page itself copies (the buttons we add work regardless). */
  rewriteClipboard: boolean;
}

export interface LiveSettings {
  /** `undefined` until storage has answered: callers then leave the page's text alone. */
  current(): ConnectSettings | undefined;
  /** Called after every change (and once when first loaded). */
  subscribe(listener: () => void): void;
}

export function liveSettings(signal: AbortSignal): LiveSettings {
  const platformShell = defaultShellFor(navigator.platform);
  let keyPath = storageDefaults.keyPath;
  let shell: Shell | null = storageDefaults.shell;
  let identitiesOnly = storageDefaults.identitiesOnly;
  let rewriteClipboard = storageDefaults.rewriteClipboard;
  let loaded = false;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of listeners) safely('connect settings listener', listener)();
  };

  onStoredChange(
    'keyPath',
    (v) => {
      keyPath = v;
      notify();
    },
    signal,
  );
  onStoredChange(
    'shell',
    (v) => {
      shell = v;
      notify();
    },
    signal,
  );
  onStoredChange(
    'identitiesOnly',
    (v) => {
      identitiesOnly = v;
      notify();
    },
    signal,
  );
  onStoredChange(
    'rewriteClipboard',
    (v) => {
      rewriteClipboard = v;
      notify();
    },
    signal,
  );
  void getAllStored(['keyPath', 'shell', 'identitiesOnly', 'rewriteClipboard']).then(
    (got) => {
      ({ keyPath, shell, identitiesOnly, rewriteClipboard } = got);
      loaded = true;
      notify();
    },
    (error: unknown) => {
      // Storage unavailable (e.g. extension reloaded under the page): the defaults still help.
      loaded = true;
      notify();
      console.warn('[runpod-ssh-helper] connect settings unavailable:', error instanceof Error ? error.message : typeof error);
    },
  );

  return {
    current: () => (loaded ? { rewrite: { keyPath, shell: shell ?? platformShell, identitiesOnly }, rewriteClipboard } : undefined),
    subscribe: (listener) => {
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
