/**
 * `pty-required`: Runpod's proxy (ssh.runpod.io) refuses sessions without a terminal: "Your SSH
 * client doesn't support PTY" (shared/RUNPOD.md); ssh's own `PTY allocation request failed` and
 * `Pseudo-terminal will not be allocated because stdin is not a terminal.` (clientloop/ssh.c)
 * count when the destination is the proxy. Fix: `-tt` (ssh(1): multiple -t force a tty).
 */
import { cause } from './text.ts';
import { sshFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

export const ptyRequired: Diagnostic = (input) => {
  const { lines, dest, program } = input.facts;
  if (program && program !== 'ssh') return [];
  const proxy = /(?:^|\.)ssh\.runpod\.io$/i.test(dest.host ?? '');
  const said = lines.some((l) => /doesn't support PTY|does not support PTY/i.test(l));
  const local = proxy && lines.some((l) => /PTY allocation request failed|Pseudo-terminal will not be allocated/.test(l));
  if (!said && !local) return [];
  return [cause('pty-required', 'doctorPtyRequired', [], sshFix(input, { tty: true }))];
};
