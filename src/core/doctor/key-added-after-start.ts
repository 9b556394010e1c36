/**
 * `key-added-after-start`: ssh offered a key that IS in the account, and the server refused it:
 * the pod copied `PUBLIC_KEY` into authorized_keys when it started (shared/RUNPOD.md), before the
 * key was saved. Fix: restart the pod, or append the key from the pod's web terminal.
 */
import { analyzeKeys } from '../keys/analyze.ts';
import { cause } from './text.ts';
import { appendKeyFix } from './fix.ts';
import { refusedKeys } from './keys.ts';
import type { Diagnostic } from './types.ts';

export const keyAddedAfterStart: Diagnostic = ({ facts, ctx }) => {
  const inAccount = refusedKeys(facts).find((k) => k.inAccount === true);
  if (!inAccount) return [];
  // The account's line for that key, found through the same fingerprint function.
  const lines = (ctx.accountKeys ?? []).flatMap((t) => t.split(/\r?\n/));
  const line = lines.find((l) => analyzeKeys(l).keys[0]?.fingerprint === inAccount.fingerprint);
  const fix = line ? appendKeyFix(line.trim()) : undefined;
  return [cause('key-added-after-start', 'doctorKeyAddedAfterStart', [inAccount.fingerprint, inAccount.path], fix)];
};
