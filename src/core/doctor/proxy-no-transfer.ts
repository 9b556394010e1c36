/**
 * `proxy-no-transfer`: scp, sftp or rsync through Runpod's proxy (`…@ssh.runpod.io`), which has
 * no SCP/SFTP ("No support for SCP & SFTP" on the Connect tab, shared/RUNPOD.md). The fix is the
 * "SSH over exposed TCP" command, which the doctor cannot know: said, not given.
 */
import { cause } from './text.ts';
import type { Diagnostic } from './types.ts';

export const proxyNoTransfer: Diagnostic = ({ facts }) => {
  const { program, dest, lines } = facts;
  const proxy = /(?:^|\.)ssh\.runpod\.io$/i.test(dest.host ?? '') || lines.some((l) => /@ssh\.runpod\.io\b/i.test(l));
  if (!proxy || !program || program === 'ssh') return [];
  return [cause('proxy-no-transfer', 'doctorProxyNoTransfer', [program])];
};
