/**
 * The settings card: key path, shell, IdentitiesOnly and the two feature toggles. Every control
 * saves on change (the content scripts read storage on the next copy); the key path is validated
 * as the user types and saved shortly after, and at the latest when the popup goes away.
 */
import browser from '../shared/browser.ts';
import { defaultShellFor, getAllStored, onStoredChange, setStored, type Shell } from '../shared/storage.ts';
import { validateKeyPath } from '../core/command/index.ts';
import { tText } from '../shared/i18n.ts';
import { looksPrivate } from '../shared/private-text.ts';
import { hook, say } from './dom.ts';
import { S, SHELL_NAMES } from './strings.ts';

const KEY_PATH_SAVE_DELAY_MS = 250;

/** The platform's natural shell (Windows → PowerShell), as storage's `null` means. */
export async function platformShell(): Promise<Shell> {
  try {
    return defaultShellFor((await browser.runtime.getPlatformInfo()).os);
  } catch {
    return defaultShellFor(navigator.platform);
  }
}

/** Core's messages are phrases ('that is the public key; …'): shown as a sentence. */
function sentence(text: string): string {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}

export interface SettingsHandle {
  /** The shell the user chose, or the derived one. */
  shell(): Shell;
  /** Sets the key path as if typed (used by "use this key"). */
  setKeyPath(path: string): Promise<void>;
  onShellChange(listener: (shell: Shell) => void): void;
}

export async function startSettings(signal: AbortSignal): Promise<SettingsHandle> {
  const keyPath = hook<HTMLInputElement>('key-path');
  const keyPathMsg = hook('key-path-message');
  const shellSelect = hook<HTMLSelectElement>('shell');
  const shellMsg = hook('shell-message');
  const identitiesOnly = hook<HTMLInputElement>('identities-only');
  const rewriteClipboard = hook<HTMLInputElement>('rewrite-clipboard');
  const autoFixPaste = hook<HTMLInputElement>('auto-fix-paste');

  const [stored, derived] = await Promise.all([
    getAllStored(['keyPath', 'shell', 'identitiesOnly', 'rewriteClipboard', 'autoFixPaste'] as const),
    platformShell(),
  ]);
  let shell: Shell = stored.shell ?? derived;
  const shellListeners: ((s: Shell) => void)[] = [];

  keyPath.value = stored.keyPath;
  shellSelect.value = shell;
  identitiesOnly.checked = stored.identitiesOnly;
  rewriteClipboard.checked = stored.rewriteClipboard;
  autoFixPaste.checked = stored.autoFixPaste;
  say(shellMsg, stored.shell === null ? S.shellDetected(SHELL_NAMES[derived]) : '');

  /** Validates the typed path; returns whether it may be saved (empty paths are not). */
  const validate = (): boolean => {
    const path = keyPath.value;
    if (path.trim() === '') {
      say(keyPathMsg, S.keyPathEmpty, 'error');
      keyPath.setAttribute('aria-invalid', 'true');
      return false;
    }
    // A private key pasted here would be saved to sync storage and put into copied commands.
    if (looksPrivate(path)) {
      say(keyPathMsg, S.keyPathPrivate, 'error');
      keyPath.setAttribute('aria-invalid', 'true');
      return false;
    }
    const verdict = validateKeyPath(path, shell);
    keyPath.setAttribute('aria-invalid', String(verdict.level === 'error'));
    say(keyPathMsg, verdict.message ? sentence(tText(verdict.i18n, verdict.message)) : '', verdict.level === 'ok' ? 'ok' : verdict.level);
    return true;
  };

  // Save the path at once and again shortly after typing stops, and flush on change/blur/pagehide,
  // so neither a fast typist (storage.sync allows ~120 writes a minute) nor a closing popup loses it.
  let pending: number | undefined;
  let lastSaved = stored.keyPath;
  const flushKeyPath = (): void => {
    window.clearTimeout(pending);
    pending = undefined;
    const path = keyPath.value;
    if (path.trim() === '' || path === lastSaved || looksPrivate(path)) return;
    lastSaved = path;
    void setStored('keyPath', path);
  };
  keyPath.addEventListener(
    'input',
    () => {
      if (!validate()) return;
      // The first change of a burst is saved at once (a pasted path is in storage before the very
      // next copy), the rest once typing stops: at most two writes per burst.
      const inBurst = pending !== undefined;
      if (!inBurst) flushKeyPath();
      window.clearTimeout(pending);
      pending = window.setTimeout(flushKeyPath, KEY_PATH_SAVE_DELAY_MS);
    },
    { signal },
  );
  keyPath.addEventListener('change', flushKeyPath, { signal });
  window.addEventListener('pagehide', flushKeyPath, { signal });
  validate();

  shellSelect.addEventListener(
    'change',
    () => {
      shell = shellSelect.value as Shell;
      void setStored('shell', shell);
      say(shellMsg, '');
      validate();
      for (const l of shellListeners) l(shell);
    },
    { signal },
  );

  const bindCheckbox = (input: HTMLInputElement, key: 'identitiesOnly' | 'rewriteClipboard' | 'autoFixPaste'): void => {
    input.addEventListener('change', () => void setStored(key, input.checked), { signal });
    onStoredChange(
      key,
      (value) => {
        input.checked = value;
      },
      signal,
    );
  };
  bindCheckbox(identitiesOnly, 'identitiesOnly');
  bindCheckbox(rewriteClipboard, 'rewriteClipboard');
  bindCheckbox(autoFixPaste, 'autoFixPaste');

  return {
    shell: () => shell,
    async setKeyPath(path) {
      keyPath.value = path;
      validate();
      lastSaved = path;
      window.clearTimeout(pending);
      await setStored('keyPath', path);
    },
    onShellChange(listener) {
      shellListeners.push(listener);
    },
  };
}
