/**
 * The "New SSH key" card and its result: generation in a Web Worker (never a frozen popup), the
 * downloads, the install one-liner and "Add to Runpod". The private key lives only in this
 * module's memory and in the Blob handed to the download; it is never rendered, stored, logged
 * or sent in a runtime message.
 */
import browser from '../shared/browser.ts';
import { getStored, setStored, type Shell } from '../shared/storage.ts';
import { sendMessage } from '../shared/messages.ts';
import { commentProblem, installCommand } from '../core/keygen/index.ts';
import type { GeneratedKey } from '../core/types.ts';
import { copyWith, hook, say } from './dom.ts';
import { downloadText } from './download.ts';
import type { KeygenReply, KeygenRequest } from './keygen-protocol.ts';
import type { SettingsHandle } from './settings.ts';
import { S } from './strings.ts';
import { t } from '../shared/i18n.ts';

export const PRIVATE_NAME = 'id_ed25519_runpod';
export const PUBLIC_NAME = `${PRIVATE_NAME}.pub`;
export const INSTALLED_PATH = `~/.ssh/${PRIVATE_NAME}`;
/** Generated public keys remembered for fingerprint matching; older ones drop off. */
const MAX_REMEMBERED = 20;

/** `runpod-YYYY-MM-DD` in local time. */
export function defaultComment(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `runpod-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A rough guess from length and character classes; words of a passphrase count by length. */
export function passphraseStrength(pass: string): 'none' | 'weak' | 'fair' | 'strong' {
  if (pass === '') return 'none';
  let alphabet = 0;
  if (/[a-z]/.test(pass)) alphabet += 26;
  if (/[A-Z]/.test(pass)) alphabet += 26;
  if (/[0-9]/.test(pass)) alphabet += 10;
  if (/[^a-zA-Z0-9]/.test(pass)) alphabet += 33;
  const distinct = new Set(pass).size;
  const bits = Math.min(pass.length, distinct * 2) * Math.log2(Math.max(alphabet, 2));
  if (pass.length < 8 || bits < 45) return 'weak';
  return bits < 70 ? 'fair' : 'strong';
}

export function sshAddCommand(shell: Shell): string {
  switch (shell) {
    case 'posix': return `ssh-add ${INSTALLED_PATH}`;
    case 'powershell': return `ssh-add "$HOME\\.ssh\\${PRIVATE_NAME}"`;
    case 'cmd': return `ssh-add "%USERPROFILE%\\.ssh\\${PRIVATE_NAME}"`;
  }
}

function runWorker(request: KeygenRequest, onProgress: (fraction: number) => void): Promise<GeneratedKey> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./keygen.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<KeygenReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.fraction);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.key);
      else reject(new Error(reply.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || S.workerFailed));
    });
    worker.postMessage(request);
  });
}

export function startGenerate(settings: SettingsHandle, signal: AbortSignal): void {
  const form = hook<HTMLFormElement>('generate-form');
  const comment = hook<HTMLInputElement>('comment');
  const pass = hook<HTMLInputElement>('passphrase');
  const confirm = hook<HTMLInputElement>('passphrase-confirm');
  const passMsg = hook('passphrase-message');
  const generate = hook<HTMLButtonElement>('generate');
  const progress = hook<HTMLProgressElement>('progress');
  const status = hook('generate-status');
  const tabHint = hook('tab-hint');

  const result = hook('result');
  const banner = hook('unsaved-warning');
  const publicKey = hook<HTMLTextAreaElement>('public-key');
  const fingerprint = hook('fingerprint');
  const randomart = hook('randomart');
  const encryption = hook('encryption');
  const installCmd = hook('install-command');
  const sshAdd = hook('ssh-add');
  const sshAddHint = hook('ssh-add-hint');
  const addResult = hook('add-result');
  const showTab = hook<HTMLButtonElement>('show-tab');
  const addButton = hook<HTMLButtonElement>('add-to-runpod');

  const inTab = new URLSearchParams(location.search).has('tab');
  tabHint.hidden = inTab;
  comment.value = defaultComment();

  let busy = false;
  let key: GeneratedKey | null = null;
  let privateDownloaded = true;
  let encrypted = false;
  let consoleTabId: number | undefined;

  /** Validates the form; returns whether generation may start. */
  const check = (): boolean => {
    const p = pass.value;
    const c = confirm.value;
    const problem = commentProblem(comment.value);
    let ok = problem === null;
    if (problem) say(passMsg, problem, 'error');
    else if (p !== '' && c !== '' && p !== c) { say(passMsg, S.passphraseMismatch, 'error'); ok = false; }
    else if (p !== '' && c === '') { say(passMsg, S.passphraseConfirmMissing, 'info'); ok = false; }
    else {
      const strength = passphraseStrength(p);
      const text = { none: S.passphraseNone, weak: S.passphraseWeak, fair: S.passphraseFair, strong: S.passphraseStrong }[strength];
      say(passMsg, text, strength === 'strong' ? 'ok' : strength === 'fair' ? 'info' : 'warning');
    }
    confirm.setAttribute('aria-invalid', String(p !== '' && c !== '' && p !== c));
    generate.disabled = busy || !ok;
    return ok;
  };
  for (const input of [comment, pass, confirm]) input.addEventListener('input', check, { signal });
  check();

  const renderShellParts = (shell: Shell): void => {
    installCmd.textContent = installCommand({ shell, privateName: PRIVATE_NAME, publicName: PUBLIC_NAME });
    sshAdd.textContent = sshAddCommand(shell);
  };
  settings.onShellChange((shell) => { if (key) renderShellParts(shell); });

  const renderBanner = (): void => {
    say(banner, privateDownloaded ? '' : S.notDownloaded, 'warning');
    banner.hidden = privateDownloaded;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy || !check()) return;
    void run();
  }, { signal });

  async function run(): Promise<void> {
    busy = true;
    generate.disabled = true;
    generate.setAttribute('aria-busy', 'true');
    encrypted = pass.value !== '';
    progress.hidden = false;
    progress.removeAttribute('value'); // indeterminate until bcrypt reports
    say(status, S.generating);
    try {
      const generated = await runWorker({ comment: comment.value.trim(), passphrase: pass.value }, (fraction) => {
        progress.value = fraction;
        say(status, S.encrypting(Math.round(fraction * 100)));
      });
      key = generated;
      privateDownloaded = false;
      pass.value = '';
      confirm.value = '';
      show(generated);
      say(status, S.generated, 'ok');
      generate.textContent = S.generateAnother;
      tabHint.hidden = true;
      await remember(generated, comment.value.trim());
    } catch (error) {
      say(status, S.generateFailed(error instanceof Error ? error.message : String(error)), 'error');
    } finally {
      busy = false;
      progress.hidden = true;
      generate.removeAttribute('aria-busy');
      check();
      // The fields were cleared: their "no passphrase" verdict would read as if about the new key.
      if (key && pass.value === '' && confirm.value === '') say(passMsg, '');
    }
  }

  function show(generated: GeneratedKey): void {
    publicKey.value = generated.publicKey;
    publicKey.textContent = generated.publicKey;
    fingerprint.textContent = generated.fingerprint;
    randomart.textContent = generated.randomart;
    encryption.textContent = encrypted ? S.encrypted : S.notEncrypted;
    renderShellParts(settings.shell());
    say(sshAddHint, encrypted ? S.sshAddPassphrase : S.sshAddPlain);
    say(addResult, '');
    say(hook('use-generated-status'), '');
    showTab.hidden = true;
    consoleTabId = undefined;
    renderBanner();
    result.hidden = false;
    result.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  async function remember(generated: GeneratedKey, commentText: string): Promise<void> {
    const known = await getStored('generatedKeys');
    const entry = { publicKey: generated.publicKey, comment: commentText, fingerprint: generated.fingerprint, createdAt: new Date().toISOString() };
    await setStored('generatedKeys', [...known.filter((k) => k.publicKey !== generated.publicKey), entry].slice(-MAX_REMEMBERED));
  }

  hook('download-private').title = t('popupSavesFile', PRIVATE_NAME);
  hook('download-public').title = t('popupSavesFile', PUBLIC_NAME);
  hook<HTMLButtonElement>('download-private').addEventListener('click', () => {
    if (!key) return;
    downloadText(PRIVATE_NAME, key.privateKey);
    privateDownloaded = true;
    renderBanner();
  }, { signal });
  hook<HTMLButtonElement>('download-public').addEventListener('click', () => {
    if (key) downloadText(PUBLIC_NAME, `${key.publicKey}\n`);
  }, { signal });

  const copyPublic = hook<HTMLButtonElement>('copy-public-key');
  copyPublic.addEventListener('click', () => { if (key) void copyWith(copyPublic, key.publicKey, S.copied, S.copyFailed); }, { signal });
  const copyInstall = hook<HTMLButtonElement>('copy-install-command');
  copyInstall.addEventListener('click', () => void copyWith(copyInstall, installCmd.textContent ?? '', S.copied, S.copyFailed), { signal });

  hook<HTMLButtonElement>('use-generated-path').addEventListener('click', () => {
    void settings.setKeyPath(INSTALLED_PATH).then(() => say(hook('use-generated-status'), S.keyPathSet(INSTALLED_PATH), 'ok'));
  }, { signal });

  addButton.addEventListener('click', () => {
    if (!key) return;
    const publicLine = key.publicKey;
    addButton.disabled = true;
    showTab.hidden = true;
    say(addResult, S.adding);
    sendMessage('add-to-runpod', { publicKey: publicLine })
      .then((res) => {
        if (res.ok) {
          consoleTabId = res.tabId;
          showTab.hidden = consoleTabId === undefined;
          say(addResult, S.added, 'ok');
        } else {
          say(addResult, S.addFailed(res.reason), 'error');
        }
      }, (error: unknown) => say(addResult, S.addFailed(error instanceof Error ? error.message : String(error)), 'error'))
      .finally(() => { addButton.disabled = false; });
  }, { signal });

  showTab.addEventListener('click', () => {
    if (consoleTabId === undefined) return;
    // Activating another tab closes a popup: only on request, and the banner has warned about the key.
    void browser.tabs.update(consoleTabId, { active: true }).then((tab) => {
      if (tab?.windowId !== undefined) void browser.windows.update(tab.windowId, { focused: true });
    });
  }, { signal });

  // A popup cannot refuse to close; as a tab, the browser can at least ask.
  window.addEventListener('beforeunload', (event) => {
    if (key && !privateDownloaded) {
      event.preventDefault();
      event.returnValue = S.beforeUnload;
    }
  }, { signal });
}
