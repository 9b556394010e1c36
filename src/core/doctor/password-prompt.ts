/**
 * `password-prompt`: ssh fell back to a password (sshconnect2.c userauth_passwd `%.30s@%.128s's
 * password: `; keyboard-interactive `Password:` / macOS `(user@host) Password:`; PuTTY the same
 * `user@host's password:`). Runpod pods never use passwords (the troubleshooting list): the key
 * was not accepted; what to paste next is the `-v` output.
 */
import { cause } from './text.ts';
import { sshFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

const PROMPT = /(?:^|\s)(?:\S+@\S+'s |\(\S+@\S+\) )?[Pp]assword(?: for \S+)?:\s*$/;

export const passwordPrompt: Diagnostic = (input) => {
  if (!input.facts.lines.some((l) => PROMPT.test(l) && !l.startsWith('debug'))) return [];
  return [cause('password-prompt', 'doctorPasswordPrompt', [], sshFix(input, { verbose: true }))];
};
