/**
 * `timeout`: sshconnect.c `ssh: connect to host %s port %s: Connection timed out` (Linux),
 * `Operation timed out` (macOS), `Connection timed out during banner exchange`; PuTTY
 * `Network error: Connection timed out`.
 */
import { cause } from './text.ts';
import type { Diagnostic } from './types.ts';

export const timeout: Diagnostic = ({ facts }) => {
  if (!facts.lines.some((l) => /(?:Connection|Operation) timed out/.test(l))) return [];
  return [cause('timeout', 'doctorTimeout', [facts.dest.host ?? '?', String(facts.dest.port ?? 22)])];
};
