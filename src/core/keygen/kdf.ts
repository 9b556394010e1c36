/**
 * bcrypt_pbkdf without freezing the caller's event loop: the same steps as `bcryptPbkdf`
 * (one bcrypt_hash each, ~4 ms), yielding a macrotask about every 30 ms so a popup can paint its
 * progress. In a Worker the synchronous `bcryptPbkdf` is the better choice.
 */
import { bcryptPbkdfSteps } from './bcrypt-pbkdf.ts';

const SLICE_MS = 30;
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function bcryptPbkdfAsync(pass: Uint8Array, salt: Uint8Array, rounds: number, keyLen: number, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const steps = bcryptPbkdfSteps(pass, salt, rounds, keyLen);
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
    if (Date.now() - sliceStart >= SLICE_MS) {
      await nextTask();
      sliceStart = Date.now();
    }
  }
}
