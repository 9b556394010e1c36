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

/** The popup's hook of each stored checkbox setting. */
const CHECKBOX_HOOKS = {
  identitiesOnly: 'identities-only',
  rewriteClipboard: 'rewrite-clipboard',
  autoFixPaste: 'auto-fix-paste',
} as const;

interface KeyPathField {
  /** Checks the typed path against the shell and says why it would fail. */
  validate(): void;
  /** Sets and saves a path (e.g. the downloaded key's), as if typed. */
  set(path: string): Promise<void>;
}

/** The key path input: checked as typed, saved so that neither a fast typist nor a closing popup loses it. */
function keyPathField(input: HTMLInputElement, message: HTMLElement, shell: () => Shell, saved: string, signal: AbortSignal): KeyPathField {
  /** Validates the typed path; returns whether it may be saved (empty paths are not). */
  const validate = (): boolean => {
    const path = input.value;
    if (path.trim() === '') {
      say(message, S.keyPathEmpty, 'error');
      input.setAttribute('aria-invalid', 'true');
      return false;
    }
    // A private key pasted here would be saved to sync storage and put into copied commands.
    if (looksPrivate(path)) {
      say(message, S.keyPathPrivate, 'error');
      input.setAttribute('aria-invalid', 'true');
      return false;
    }
    const verdict = validateKeyPath(path, shell());
    input.setAttribute('aria-invalid', String(verdict.level === 'error'));
    say(message, verdict.message ? sentence(tText(verdict.i18n, verdict.message)) : '', verdict.level === 'ok' ? 'ok' : verdict.level);
    return true;
  };

  // Save the path at once and again shortly after typing stops, and flush on change/blur/pagehide,
  // so neither a fast typist (storage.sync allows ~120 writes a minute) nor a closing popup loses it.
  let pending: number | undefined;
  let lastSaved = saved;
  const flush = (): void => {
    window.clearTimeout(pending);
    pending = undefined;
    const path = input.value;
    if (path.trim() === '' || path === lastSaved || looksPrivate(path)) return;
    lastSaved = path;
    void setStored('keyPath', path);
  };
  input.addEventListener(
    'input',
    () => {
      if (!validate()) return;
      // The first change of a burst is saved at once (a pasted path is in storage before the very
      // next copy), the rest once typing stops: at most two writes per burst.
      const inBurst = pending !== undefined;
      if (!inBurst) flush();
      window.clearTimeout(pending);
      pending = window.setTimeout(flush, KEY_PATH_SAVE_DELAY_MS);
    },
    { signal },
  );
  input.addEventListener('change', flush, { signal });
  window.addEventListener('pagehide', flush, { signal });
  validate();
  return {
    validate,
    async set(path) {
      input.value = path;
      validate();
      lastSaved = path;
      window.clearTimeout(pending);
      await setStored('keyPath', path);
    },
  };
}

/** A checkbox bound both ways to its stored setting. */
function bindCheckbox(input: HTMLInputElement, key: 'identitiesOnly' | 'rewriteClipboard' | 'autoFixPaste', signal: AbortSignal): void {
  input.addEventListener('change', () => void setStored(key, input.checked), { signal });
  onStoredChange(
    key,
    (value) => {
      input.checked = value;
    },
    signal,
  );
}

export async function startSettings(signal: AbortSignal): Promise<SettingsHandle> {
  const shellSelect = hook<HTMLSelectElement>('shell');
  const shellMsg = hook('shell-message');
  const checkboxes = (['identitiesOnly', 'rewriteClipboard', 'autoFixPaste'] as const).map(
    (key) => [key, hook<HTMLInputElement>(CHECKBOX_HOOKS[key])] as const,
  );
  const [stored, derived] = await Promise.all([
    getAllStored(['keyPath', 'shell', 'identitiesOnly', 'rewriteClipboard', 'autoFixPaste'] as const),
    platformShell(),
  ]);
  let shell: Shell = stored.shell ?? derived;
  const shellListeners: ((s: Shell) => void)[] = [];

  const keyPathInput = hook<HTMLInputElement>('key-path');
  keyPathInput.value = stored.keyPath;
  shellSelect.value = shell;
  for (const [key, input] of checkboxes) {
    input.checked = stored[key];
    bindCheckbox(input, key, signal);
  }
  say(shellMsg, stored.shell === null ? S.shellDetected(SHELL_NAMES[derived]) : '');
  const keyPath = keyPathField(keyPathInput, hook('key-path-message'), () => shell, stored.keyPath, signal);

  shellSelect.addEventListener(
    'change',
    () => {
      shell = shellSelect.value as Shell;
      void setStored('shell', shell);
      say(shellMsg, '');
      keyPath.validate();
      for (const l of shellListeners) l(shell);
    },
    { signal },
  );

  return {
    shell: () => shell,
    setKeyPath: keyPath.set,
    onShellChange(listener) {
      shellListeners.push(listener);
    },
  };
}
