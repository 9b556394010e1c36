/**
 * Every storage key the extension uses, declared once with its area, type and default.
 * Private key material is never stored: only settings and *public* keys the popup generated.
 */
import browser from './browser.ts';
import { looksPrivate } from './private-text.ts';
import type { PodRecord } from '../core/connect/pods.ts';

export type Shell = 'posix' | 'powershell' | 'cmd';

export interface GeneratedPublicKey {
  /** The one-line OpenSSH public key (`ssh-ed25519 AAAA… comment`). */
  publicKey: string;
  comment: string;
  fingerprint: string;
  /** ISO 8601 creation time. */
  createdAt: string;
}

/** The public keys of the account's key field when it was last saved from this browser. */
export interface AccountKeys {
  /** Public key lines only (accountKeysToStore): never private text. */
  keys: string[];
  /** ISO 8601 time of the successful save. */
  savedAt: string;
}

interface StorageSchema {
  /** Private key path put after `-i` in rewritten commands. */
  keyPath: string;
  /** Shell the rewritten command is quoted for. `null` = not chosen yet (derive from platform). */
  shell: Shell | null;
  /** Add `-o IdentitiesOnly=yes` to rewritten commands. */
  identitiesOnly: boolean;
  /** Rewrite commands the console copies to the clipboard. */
  rewriteClipboard: boolean;
  /** Fix fixable pastes into the key field automatically (with undo). */
  autoFixPaste: boolean;
  /** Public keys generated in the popup, newest last; used to match pasted fingerprints. */
  generatedKeys: GeneratedPublicKey[];
  /** The account's public keys as last saved in the console (the SSH doctor's context). */
  accountKeys: AccountKeys | null;
  /** Connect assistant: pods/workers seen on their Connect tabs (public facts only: name, id, user, host, port, seen-at). */
  seenPods: PodRecord[];
  /** Connect assistant: Host aliases the user said are in their ~/.ssh/config (VS Code / Cursor open directly). */
  hostBlocksAdded: string[];
}

export type StorageKey = keyof StorageSchema;
export type StorageValue<K extends StorageKey> = StorageSchema[K];

export const storageDefaults: { readonly [K in StorageKey]: StorageSchema[K] } = {
  keyPath: '~/.ssh/id_ed25519',
  shell: null,
  identitiesOnly: false,
  rewriteClipboard: true,
  autoFixPaste: true,
  generatedKeys: [],
  accountKeys: null,
  seenPods: [],
  hostBlocksAdded: [],
};

/** Settings roam with the user's browser profile; generated public keys stay on this device. */
const areaOf: { readonly [K in StorageKey]: 'sync' | 'local' } = {
  keyPath: 'sync',
  shell: 'sync',
  identitiesOnly: 'sync',
  rewriteClipboard: 'sync',
  autoFixPaste: 'sync',
  generatedKeys: 'local',
  accountKeys: 'local',
  seenPods: 'local',
  hostBlocksAdded: 'local',
};

export async function getStored<K extends StorageKey>(key: K): Promise<StorageSchema[K]> {
  const got = await browser.storage[areaOf[key]].get(key);
  return key in got ? (got[key] as StorageSchema[K]) : storageDefaults[key];
}

export async function getAllStored<K extends StorageKey>(keys: readonly K[]): Promise<Pick<StorageSchema, K>> {
  const out = {} as Pick<StorageSchema, K>;
  await Promise.all(
    keys.map(async (k) => {
      out[k] = await getStored(k);
    }),
  );
  return out;
}

function holdsPrivate(value: unknown): boolean {
  if (typeof value === 'string') return looksPrivate(value);
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsPrivate);
}

export async function setStored<K extends StorageKey>(key: K, value: StorageSchema[K]): Promise<void> {
  // The last line of defence for "private key material never goes to storage" (sync storage
  // also leaves the machine): e.g. a private key pasted into the popup's key *path* field.
  if (holdsPrivate(value)) throw new Error(`refused to store ${key}: it holds private key text`);
  await browser.storage[areaOf[key]].set({ [key]: value });
}

/** Calls `listener` with the new value whenever `key` changes, until `signal` aborts. */
export function onStoredChange<K extends StorageKey>(key: K, listener: (value: StorageSchema[K]) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== areaOf[key] || !(key in changes)) return;
    const next = changes[key]?.newValue;
    listener(next === undefined ? storageDefaults[key] : (next as StorageSchema[K]));
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler), { once: true });
}

/** The shell to quote for: the stored choice, or the platform's natural one. */
export function defaultShellFor(platform: string): Shell {
  return /win/i.test(platform) ? 'powershell' : 'posix';
}
