/**
 * `windows-tilde`: Windows OpenSSH ≥ 8.9 cannot expand `~\` (misc.c tilde_expand: `tilde_expand:
 * No such user` / older `tilde_expand_filename: No such user`); `~/` with forward slashes works.
 */
import { cause } from './text.ts';
import { sshFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

export const windowsTilde: Diagnostic = (input) => {
  if (!input.facts.lines.some((l) => /tilde_expand(?:_filename)?: No such user/.test(l))) return [];
  const base = input.ctx.keyPath ?? '~/.ssh/id_ed25519';
  const fixed = base.replace(/\\/g, '/');
  return [cause('windows-tilde', 'doctorWindowsTilde', [fixed], sshFix(input, { keyPath: fixed }))];
};
