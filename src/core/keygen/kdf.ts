/**
 * bcrypt_pbkdf without freezing a page: the steps of `bcryptPbkdfSteps` (one bcrypt_hash each,
 * ~4 ms), yielding a macrotask about every 30 ms when running in a document (window) so the page
 * can paint its progress. In a Worker or Node nothing needs painting: it runs straight through
 * (yields there would only add scheduling delays) and progress is still reported per step.
 */
import { bcryptPbkdfSteps } from './bcrypt-pbkdf.ts';

const SLICE_MS = 30;
const inDocument = (): boolean => typeof (globalThis as { document?: unknown }).document !== 'undefined';
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function bcryptPbkdf(
  pass: Uint8Array,
  salt: Uint8Array,
  rounds: number,
  keyLen: number,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  const steps = bcryptPbkdfSteps(pass, salt, rounds, keyLen);
  const yields = inDocument();
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
    if (yields && Date.now() - sliceStart >= SLICE_MS) {
      await nextTask();
      sliceStart = Date.now();
    }
  }
}
