/**
 * Helpers for the popup e2e tests: drive the generator, take its downloads, and watch every place
 * a private key must never reach (storage, runtime messages, console logs of every context).
 */
import { execFileSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { Launched } from '../e2e/harness.ts';

/** The little of the extension API used inside the service worker through `evaluate`. */
declare const chrome: {
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
  tabs: { sendMessage(...args: unknown[]): unknown };
  storage: Record<'local' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }>;
};

export interface GeneratedInPopup {
  publicKey: string;
  fingerprint: string;
  randomart: string;
}

export async function popupReady(popup: Page): Promise<void> {
  await popup.locator('html[data-rpk-ready]').waitFor({ timeout: 10_000 });
}

/** Fills the generator (optionally with a passphrase), runs it and reads the result hooks. */
export async function generateInPopup(popup: Page, options: { comment?: string; passphrase?: string } = {}): Promise<GeneratedInPopup> {
  if (options.comment !== undefined) await popup.locator('[data-rpk=comment]').fill(options.comment);
  if (options.passphrase !== undefined) {
    await popup.locator('[data-rpk=passphrase]').fill(options.passphrase);
    await popup.locator('[data-rpk=passphrase-confirm]').fill(options.passphrase);
  }
  await popup.locator('button[data-rpk=generate]').click();
  const publicKey = popup.locator('[data-rpk=public-key]');
  await publicKey.waitFor({ state: 'visible', timeout: 60_000 });
  return {
    publicKey: await publicKey.inputValue(),
    fingerprint: (await popup.locator('[data-rpk=fingerprint]').textContent()) ?? '',
    randomart: (await popup.locator('[data-rpk=randomart]').textContent()) ?? '',
  };
}

/** Clicks "Add to Runpod" and waits for its outcome; fails with the popup's own message. */
export async function addToRunpod(popup: Page): Promise<void> {
  await popup.locator('button[data-rpk=add-to-runpod]').click();
  const result = popup.locator('[data-rpk=add-result]');
  await popup.locator('[data-rpk=add-result]:is([data-tone=ok], [data-tone=error])').waitFor({ timeout: 40_000 });
  if ((await result.getAttribute('data-tone')) !== 'ok') throw new Error(`Add to Runpod failed: ${await result.textContent()}`);
}

/** Clicks a download button and saves the file under `dir` by its suggested name. */
export async function download(
  popup: Page,
  hook: 'download-private' | 'download-public',
  dir: string,
): Promise<{ name: string; path: string }> {
  const [dl] = await Promise.all([popup.waitForEvent('download', { timeout: 15_000 }), popup.locator(`button[data-rpk=${hook}]`).click()]);
  const name = dl.suggestedFilename();
  const path = join(dir, name);
  await dl.saveAs(path);
  // As the install one-liner does: ssh refuses a private key others can read.
  if (hook === 'download-private') await chmod(path, 0o600);
  return { name, path };
}

/** `ssh-keygen -y -f` (the public line derived from the private file) and `ssh-keygen -l` of it. */
export function sshKeygenPublic(privatePath: string, passphrase = ''): string {
  return execFileSync('ssh-keygen', ['-y', '-P', passphrase, '-f', privatePath], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}
export function sshKeygenFingerprint(path: string): string {
  return execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', path], { encoding: 'utf8' }).trim();
}
export function sshKeygenRandomart(path: string): string {
  const out = execFileSync('ssh-keygen', ['-lv', '-E', 'sha256', '-f', path], { encoding: 'utf8' });
  return out.split('\n').slice(1).join('\n').trim();
}

/**
 * Strings that betray a private key: its armour marker, every base64 line of its body that is not
 * also part of the public key, and (unencrypted) the 32-byte seed as hex and base64.
 */
export function privateNeedles(privateText: string, publicKey: string): string[] {
  const lines = privateText.trim().split('\n');
  const body = lines.filter((l) => !l.startsWith('-----'));
  const publicB64 = publicKey.split(' ')[1] ?? '';
  const needles = ['PRIVATE KEY', ...body.filter((l) => l.length >= 16 && !publicB64.includes(l))];
  const raw = Buffer.from(body.join(''), 'base64');
  // openssh-key-v1: magic, cipher, kdf, kdfoptions, nkeys, public blob, private section.
  let at = 'openssh-key-v1\0'.length;
  const str = (): Buffer => {
    const n = raw.readUInt32BE(at);
    const s = raw.subarray(at + 4, at + 4 + n);
    at += 4 + n;
    return s;
  };
  const cipher = str().toString();
  str();
  str();
  at += 4;
  str();
  const priv = str();
  if (cipher === 'none') {
    at = 0;
    const section = priv;
    const read = (): Buffer => {
      const n = section.readUInt32BE(at);
      const s = section.subarray(at + 4, at + 4 + n);
      at += 4 + n;
      return s;
    };
    at = 8; // two check ints
    read();
    read();
    const secret = read().subarray(0, 32);
    needles.push(secret.toString('hex'), secret.toString('base64').replace(/=+$/, ''));
  }
  return needles;
}

export interface Watch {
  logs: string[];
  /** JSON of every runtime message the background received or sent to a tab. */
  messages(): Promise<string[]>;
  storage(): Promise<string>;
}

/** Records console output of every page, worker and the service worker, and the background's messages. */
export async function watch(run: Launched): Promise<Watch> {
  const logs: string[] = [];
  const onWorker = (w: Worker): void => {
    w.on('console', (m) => logs.push(m.text()));
  };
  const onPage = (p: Page): void => {
    p.on('console', (m) => logs.push(m.text()));
    p.on('worker', onWorker);
  };
  run.context.pages().forEach(onPage);
  run.context.on('page', onPage);
  const [sw] = run.context.serviceWorkers();
  if (!sw) throw new Error('no service worker');
  sw.on('console', (m) => logs.push(m.text()));
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __rpkMessages: string[] };
    g.__rpkMessages = [];
    chrome.runtime.onMessage.addListener((message) => {
      g.__rpkMessages.push(JSON.stringify(message));
    });
    const send = chrome.tabs.sendMessage.bind(chrome.tabs);
    chrome.tabs.sendMessage = (...args: unknown[]) => {
      g.__rpkMessages.push(JSON.stringify(args));
      return send(...args);
    };
  });
  return {
    logs,
    messages: () => sw.evaluate(() => (globalThis as unknown as { __rpkMessages: string[] }).__rpkMessages),
    storage: () => sw.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)])),
  };
}

/** Sync storage as an extension page itself reads it (ordered after that page's own writes). */
export async function syncStorageIn(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => chrome.storage.sync.get(null));
}

export async function storageOf(run: Launched): Promise<{ local: Record<string, unknown>; sync: Record<string, unknown> }> {
  const [sw] = run.context.serviceWorkers();
  if (!sw) throw new Error('no service worker');
  return sw.evaluate(async () => ({ local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null) }));
}
