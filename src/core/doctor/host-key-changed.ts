/**
 * `host-key-changed`: OpenSSH sshconnect.c warn_changed_key: `WARNING: REMOTE HOST
 * IDENTIFICATION HAS CHANGED!`, `Offending %s key in %s:%lu`, `Host key for %s has changed and
 * you have requested strict checking.` Runpod reuses addresses and ports (shared/RUNPOD.md), so
 * the fix is `ssh-keygen -R` for that host in that file. PuTTY: `WARNING - POTENTIAL SECURITY
 * BREACH!` / `The host key does not match the one PuTTY has cached`: accepted in its dialog.
 */
import { cause } from './text.ts';
import { knownHostsFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

export const hostKeyChanged: Diagnostic = ({ facts, ctx }) => {
  const { lines, dest } = facts;
  if (lines.some((l) => /POTENTIAL SECURITY BREACH|does not match the one PuTTY has cached/.test(l))) {
    return [cause('host-key-changed', 'doctorHostKeyChangedPutty', [])];
  }
  if (!lines.some((l) => /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .+ has changed/.test(l))) return [];
  const named = lines.map((l) => /Host key for (\S+) has changed/.exec(l)?.[1]).find(Boolean);
  const fromDest = dest.host && (dest.port && dest.port !== 22 ? `[${dest.host}]:${dest.port}` : dest.host);
  const host = named ?? fromDest;
  const file = lines.map((l) => /Offending \S+ key in (.+):\d+$/.exec(l)?.[1]).find(Boolean);
  const fix = host ? knownHostsFix(host, file?.replace(/\\\\/g, '\\'), ctx.shell) : undefined;
  return [cause('host-key-changed', 'doctorHostKeyChanged', [host ?? '?'], fix)];
};
