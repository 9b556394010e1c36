/**
 * `too-many-auth-failures`: sshd disconnects after MaxAuthTries refused keys (auth2.c
 * `Too many authentication failures`; ssh prints `Received disconnect from %s port %d:2: Too
 * many authentication failures`; PuTTY `Server sent disconnect message type 2 … "Too many
 * authentication failures"`). ssh offered agent and default keys first: `-o IdentitiesOnly=yes`
 * (ssh_config(5)) with `-i` offers only the given key.
 */
import { cause } from './text.ts';
import { sshFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

export const tooManyAuthFailures: Diagnostic = (input) => {
  if (!input.facts.lines.some((l) => /Too many authentication failures/i.test(l))) return [];
  return [cause('too-many-auth-failures', 'doctorTooManyAuth', [], sshFix(input, { identitiesOnly: true }))];
};
