/**
 * `key-not-in-account`: every key ssh offered was refused and none is among the account's keys
 * (matched by SHA256 fingerprint; `Offering public key:` lines of `ssh -v`). Without `-v`,
 * `Permission denied (publickey)` alone is the same verdict as the most likely one, and the
 * fix is the command again with `-v` to tell it from key-added-after-start.
 */
import { cause } from './text.ts';
import { sshFix } from './fix.ts';
import { fingerprints, refusedKeys } from './keys.ts';
import type { Diagnostic } from './types.ts';

export const keyNotInAccount: Diagnostic = (input, before) => {
  const { facts } = input;
  const refused = refusedKeys(facts);
  if (refused.length > 0) {
    if (refused.some((k) => k.inAccount === true)) return [];
    const key = facts.accountFingerprints ? 'doctorKeyNotInAccount' : 'doctorKeyRefused';
    return [cause('key-not-in-account', key, [fingerprints(refused), refused[0]!.path])];
  }
  // A bare denial after a proven cause (a missing or unreadable key) is that cause's symptom.
  const plainDenial = facts.denied && !facts.verbose && !facts.authenticated && before.length === 0;
  return plainDenial ? [cause('key-not-in-account', 'doctorDeniedPlain', [], sshFix(input, { verbose: true }))] : [];
};
