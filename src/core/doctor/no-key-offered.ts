/**
 * `no-key-offered`: `ssh -v` shows authentication ending (`No more authentication methods to
 * try.`) without one `Offering public key:` line: no identity file existed or loaded.
 */
import { cause } from './text.ts';
import { sshFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

export const noKeyOffered: Diagnostic = (input) => {
  const { facts, ctx } = input;
  if (!facts.verbose || !facts.denied || facts.authenticated || facts.offered.length > 0) return [];
  return [cause('no-key-offered', 'doctorNoKeyOffered', [], ctx.keyPath ? sshFix(input, { keyPath: ctx.keyPath }) : undefined)];
};
