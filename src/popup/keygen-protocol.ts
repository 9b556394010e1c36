/**
 * Popup ↔ keygen worker messages. These never leave the popup's process: the private key crosses
 * only this postMessage boundary, never runtime messages, storage or logs.
 */
import type { GeneratedKey } from '../core/types.ts';

export interface KeygenRequest {
  comment: string;
  passphrase: string;
}

export type KeygenReply = { type: 'progress'; fraction: number } | { type: 'done'; key: GeneratedKey } | { type: 'error'; message: string };
