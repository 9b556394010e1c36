/**
 * How the document_start paste guard (paste-guard.iife.ts) and the key-field module meet: one
 * object on the isolated world's `globalThis` (content scripts of one extension share it; the
 * page's world never sees it).
 */
import type { KeyField } from './selectors.ts';

export const GUARD_KEY = '__runpodSshHelperPasteGuard';

export interface GuardBridge {
  /** A private key was stopped: show it as a finding, offer its public key. */
  blockPrivate(field: KeyField, caret: number, text: string): void;
  /** Any other paste into a key field (still undecided: the module may fix it). */
  paste(event: ClipboardEvent, field: KeyField, text: string): void;
}

export interface PasteGuard {
  /** Work that arrived before the module loaded, run once it connects. */
  pending: ((bridge: GuardBridge) => void)[];
  bridge: GuardBridge | undefined;
}
