/**
 * `config-identity`: a `~/.ssh/config` (or `-F`) Host stanza applied to this host (readconf.c
 * `%s line %d: Applying options for %s`), ssh offered a key other than the configured one, and the
 * server refused it. Fix: the command with the right `-i` and `-o IdentitiesOnly=yes`.
 */
import { cause } from './text.ts';
import { sshFix } from './fix.ts';
import { refusedKeys, samePath } from './keys.ts';
import type { Diagnostic } from './types.ts';

export const configIdentity: Diagnostic = (input) => {
  const { facts, ctx } = input;
  if (!facts.configApplied) return [];
  const refused = refusedKeys(facts);
  if (refused.length === 0 || refused.some((k) => k.inAccount === true)) return [];
  const { keyPath } = ctx;
  if (keyPath && refused.some((k) => samePath(k.path, keyPath))) return [];
  const offered = refused.map((k) => k.path).join(', ');
  if (!keyPath) return [cause('config-identity', 'doctorConfigIdentityNoPath', [facts.configApplied, offered])];
  const fix = sshFix(input, { keyPath, identitiesOnly: true });
  return [cause('config-identity', 'doctorConfigIdentity', [facts.configApplied, offered, keyPath], fix)];
};
