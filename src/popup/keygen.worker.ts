/**
 * Key generation off the popup's main thread: bcrypt_pbkdf for a passphrase takes long enough to
 * freeze the UI. One request per worker; the popup terminates it after the reply.
 */
import { generateKey } from '../core/keygen/index.ts';
import type { KeygenReply, KeygenRequest } from './keygen-protocol.ts';

// The project's lib is DOM, not WebWorker: describe the little of the worker scope used here.
const scope = self as unknown as {
  postMessage(reply: KeygenReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<KeygenRequest>) => void): void;
};

scope.addEventListener('message', (event) => {
  const { comment, passphrase } = event.data;
  generateKey({
    comment,
    ...(passphrase ? { passphrase } : {}),
    onProgress: (fraction) => scope.postMessage({ type: 'progress', fraction }),
  }).then(
    (key) => scope.postMessage({ type: 'done', key }),
    (error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
