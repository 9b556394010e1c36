/**
 * The "New SSH key" card and its result: generation in a Web Worker (never a frozen popup), the
 * downloads, the install one-liner and "Add to Runpod". The private key lives only in this
 * module's memory and in the Blob handed to the download; it is never rendered, stored, logged
 * or sent in a runtime message.
 */
import browser from '../shared/browser.ts';
import { getStored, setStored, type Shell } from '../shared/storage.ts';
import { sendMessage } from '../shared/messages.ts';
import { commentProblem, installCommand, keyFileNames } from '../core/keygen/index.ts';
import type { GeneratedKey } from '../core/types.ts';
import { copyWith, hook, say } from './dom.ts';
import { downloadText } from './download.ts';
import type { KeygenReply, KeygenRequest } from './keygen-protocol.ts';
import type { SettingsHandle } from './settings.ts';
import { S } from './strings.ts';
import { t } from '../shared/i18n.ts';

/** Where the install one-liner puts a key: `~/.ssh/` + its fingerprint-tagged name (keyFileNames). */
export const installedPath = (privateName: string): string => `~/.ssh/${privateName}`;
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

export function sshAddCommand(shell: Shell, privateName: string): string {
  switch (shell) {
    case 'posix':
      return `ssh-add ${installedPath(privateName)}`;
    case 'powershell':
      return `ssh-add "$HOME\\.ssh\\${privateName}"`;
    case 'cmd':
      return `ssh-add "%USERPROFILE%\\.ssh\\${privateName}"`;
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

/** The card's elements, looked up once. */
function elements() {
  const h = <T extends HTMLElement = HTMLElement>(name: string): T => hook<T>(name);
  return {
    form: h<HTMLFormElement>('generate-form'),
    comment: h<HTMLInputElement>('comment'),
    pass: h<HTMLInputElement>('passphrase'),
    confirm: h<HTMLInputElement>('passphrase-confirm'),
    passMsg: h('passphrase-message'),
    generate: h<HTMLButtonElement>('generate'),
    progress: h<HTMLProgressElement>('progress'),
    status: h('generate-status'),
    tabHint: h('tab-hint'),
    result: h('result'),
    banner: h('unsaved-warning'),
    publicKey: h<HTMLTextAreaElement>('public-key'),
    fingerprint: h('fingerprint'),
    randomart: h('randomart'),
    encryption: h('encryption'),
    installCmd: h('install-command'),
    sshAdd: h('ssh-add'),
    sshAddHint: h('ssh-add-hint'),
    addResult: h('add-result'),
    showTab: h<HTMLButtonElement>('show-tab'),
    addButton: h<HTMLButtonElement>('add-to-runpod'),
    downloadPrivate: h<HTMLButtonElement>('download-private'),
    downloadPublic: h<HTMLButtonElement>('download-public'),
  };
}
type Els = ReturnType<typeof elements>;

/** The card's state: the private key lives here only, in memory. */
interface State {
  busy: boolean;
  key: GeneratedKey | null;
  privateDownloaded: boolean;
  encrypted: boolean;
  consoleTabId: number | undefined;
}

/** Validates the form and says why not; returns whether generation may start. */
function checkForm(els: Els, state: State): boolean {
  const { pass, confirm, passMsg, comment, generate } = els;
  const p = pass.value;
  const c = confirm.value;
  const problem = commentProblem(comment.value);
  let ok = problem === null;
  if (problem) say(passMsg, problem, 'error');
  else if (p !== '' && c !== '' && p !== c) {
    say(passMsg, S.passphraseMismatch, 'error');
    ok = false;
  } else if (p !== '' && c === '') {
    say(passMsg, S.passphraseConfirmMissing, 'info');
    ok = false;
  } else {
    const strength = passphraseStrength(p);
    const text = { none: S.passphraseNone, weak: S.passphraseWeak, fair: S.passphraseFair, strong: S.passphraseStrong }[strength];
    say(passMsg, text, strength === 'strong' ? 'ok' : strength === 'fair' ? 'info' : 'warning');
  }
  confirm.setAttribute('aria-invalid', String(p !== '' && c !== '' && p !== c));
  generate.disabled = state.busy || !ok;
  return ok;
}

function renderShellParts(els: Els, key: GeneratedKey, shell: Shell): void {
  const names = keyFileNames(key.fingerprint);
  els.installCmd.textContent = installCommand({ shell, ...names, fingerprint: key.fingerprint });
  els.sshAdd.textContent = sshAddCommand(shell, names.privateName);
}

function renderBanner(els: Els, state: State): void {
  say(els.banner, state.privateDownloaded ? '' : S.notDownloaded, 'warning');
  els.banner.hidden = state.privateDownloaded;
}

function showResult(els: Els, state: State, settings: SettingsHandle, generated: GeneratedKey): void {
  const names = keyFileNames(generated.fingerprint);
  els.publicKey.value = generated.publicKey;
  els.publicKey.textContent = generated.publicKey;
  els.fingerprint.textContent = generated.fingerprint;
  els.randomart.textContent = generated.randomart;
  els.encryption.textContent = state.encrypted ? S.encrypted : S.notEncrypted;
  els.downloadPrivate.title = t('popupSavesFile', names.privateName);
  els.downloadPublic.title = t('popupSavesFile', names.publicName);
  renderShellParts(els, generated, settings.shell());
  say(els.sshAddHint, state.encrypted ? S.sshAddPassphrase : S.sshAddPlain);
  say(els.addResult, '');
  say(hook('use-generated-status'), '');
  els.showTab.hidden = true;
  state.consoleTabId = undefined;
  renderBanner(els, state);
  els.result.hidden = false;
  els.result.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

async function remember(generated: GeneratedKey, commentText: string): Promise<void> {
  const known = await getStored('generatedKeys');
  const entry = {
    publicKey: generated.publicKey,
    comment: commentText,
    fingerprint: generated.fingerprint,
    createdAt: new Date().toISOString(),
  };
  await setStored('generatedKeys', [...known.filter((k) => k.publicKey !== generated.publicKey), entry].slice(-MAX_REMEMBERED));
}

async function runGeneration(els: Els, state: State, settings: SettingsHandle): Promise<void> {
  const { generate, progress, status, pass, confirm, comment } = els;
  state.busy = true;
  generate.disabled = true;
  generate.setAttribute('aria-busy', 'true');
  state.encrypted = pass.value !== '';
  progress.hidden = false;
  progress.removeAttribute('value'); // indeterminate until bcrypt reports
  say(status, S.generating);
  try {
    const generated = await runWorker({ comment: comment.value.trim(), passphrase: pass.value }, (fraction) => {
      progress.value = fraction;
      say(status, S.encrypting(Math.round(fraction * 100)));
    });
    state.key = generated;
    state.privateDownloaded = false;
    pass.value = '';
    confirm.value = '';
    showResult(els, state, settings, generated);
    say(status, S.generated, 'ok');
    generate.textContent = S.generateAnother;
    els.tabHint.hidden = true;
    await remember(generated, comment.value.trim());
  } catch (error) {
    say(status, S.generateFailed(error instanceof Error ? error.message : String(error)), 'error');
  } finally {
    state.busy = false;
    progress.hidden = true;
    generate.removeAttribute('aria-busy');
    checkForm(els, state);
    // The fields were cleared: their "no passphrase" verdict would read as if about the new key.
    if (state.key && pass.value === '' && confirm.value === '') say(els.passMsg, '');
  }
}

function wireFiles(els: Els, state: State, settings: SettingsHandle, signal: AbortSignal): void {
  const names = (): { privateName: string; publicName: string } | null => (state.key ? keyFileNames(state.key.fingerprint) : null);
  els.downloadPrivate.addEventListener(
    'click',
    () => {
      const n = names();
      if (!state.key || !n) return;
      downloadText(n.privateName, state.key.privateKey);
      state.privateDownloaded = true;
      renderBanner(els, state);
    },
    { signal },
  );
  els.downloadPublic.addEventListener(
    'click',
    () => {
      const n = names();
      if (state.key && n) downloadText(n.publicName, `${state.key.publicKey}\n`);
    },
    { signal },
  );
  const copyPublic = hook<HTMLButtonElement>('copy-public-key');
  copyPublic.addEventListener(
    'click',
    () => {
      if (state.key) void copyWith(copyPublic, state.key.publicKey, S.copied, S.copyFailed);
    },
    { signal },
  );
  const copyInstall = hook<HTMLButtonElement>('copy-install-command');
  copyInstall.addEventListener('click', () => void copyWith(copyInstall, els.installCmd.textContent ?? '', S.copied, S.copyFailed), {
    signal,
  });
  hook<HTMLButtonElement>('use-generated-path').addEventListener(
    'click',
    () => {
      const n = names();
      if (!n) return;
      const path = installedPath(n.privateName);
      void settings.setKeyPath(path).then(() => say(hook('use-generated-status'), S.keyPathSet(path), 'ok'));
    },
    { signal },
  );
}

function wireAddToRunpod(els: Els, state: State, signal: AbortSignal): void {
  const { addButton, showTab, addResult } = els;
  addButton.addEventListener(
    'click',
    () => {
      if (!state.key) return;
      addButton.disabled = true;
      showTab.hidden = true;
      say(addResult, S.adding);
      sendMessage('add-to-runpod', { publicKey: state.key.publicKey })
        .then(
          (res) => {
            if (!res.ok) return say(addResult, S.addFailed(res.reason), 'error');
            state.consoleTabId = res.tabId;
            showTab.hidden = state.consoleTabId === undefined;
            say(addResult, S.added, 'ok');
          },
          (error: unknown) => say(addResult, S.addFailed(error instanceof Error ? error.message : String(error)), 'error'),
        )
        .finally(() => {
          addButton.disabled = false;
        });
    },
    { signal },
  );
  showTab.addEventListener(
    'click',
    () => {
      if (state.consoleTabId === undefined) return;
      // Activating another tab closes a popup: only on request, and the banner has warned about the key.
      void browser.tabs.update(state.consoleTabId, { active: true }).then((tab) => {
        if (tab?.windowId !== undefined) void browser.windows.update(tab.windowId, { focused: true });
      });
    },
    { signal },
  );
}

export function startGenerate(settings: SettingsHandle, signal: AbortSignal): void {
  const els = elements();
  const state: State = { busy: false, key: null, privateDownloaded: true, encrypted: false, consoleTabId: undefined };
  els.tabHint.hidden = new URLSearchParams(location.search).has('tab');
  els.comment.value = defaultComment();
  const check = (): boolean => checkForm(els, state);
  for (const input of [els.comment, els.pass, els.confirm]) input.addEventListener('input', check, { signal });
  check();
  settings.onShellChange((shell) => {
    if (state.key) renderShellParts(els, state.key, shell);
  });
  // Until a key exists the downloads have no name yet: the titles say the name's shape.
  els.downloadPrivate.title = t('popupSavesFile', 'id_ed25519_runpod_…');
  els.downloadPublic.title = t('popupSavesFile', 'id_ed25519_runpod_….pub');
  els.form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      if (state.busy || !check()) return;
      void runGeneration(els, state, settings);
    },
    { signal },
  );
  wireFiles(els, state, settings, signal);
  wireAddToRunpod(els, state, signal);
  // A popup cannot refuse to close; as a tab, the browser can at least ask.
  window.addEventListener(
    'beforeunload',
    (event) => {
      if (state.key && !state.privateDownloaded) {
        event.preventDefault();
        event.returnValue = S.beforeUnload;
      }
    },
    { signal },
  );
}
