/**
 * Reads what the terminal printed into typed facts, once. Sources of the lines matched:
 * OpenSSH 9.x sshconnect2.c (`Offering public key: %s %s %s%s` = path, type, SHA256 fingerprint,
 * `Server accepts key:`, `Authenticating to %s:%d as '%s'`, `No more authentication methods to
 * try.`, `Permission denied (%s).` in ssh_userauth2), sshconnect.c (`ssh: connect to host %s port
 * %s: %s`), readconf.c (`%s line %d: Applying options for %s`), packet.c (`Received disconnect
 * from %s port %d:%u: %.400s`). Older OpenSSH (7.x) printed the path after the fingerprint.
 */
import { analyzeKeys } from '../keys/analyze.ts';
import type { Destination, Facts, OfferedKey } from './types.ts';

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** A pasted command line: an optional prompt (`$ `, `user@h:~$ `, `PS C:\x> `, `C:\x>`), then the program. */
const COMMAND = /^(?:PS [^>]*>|[^\s]*[$#>%])?\s*((?:ssh|scp|sftp|rsync)(?:\.exe)?\s+\S.*)$/;
const FP = /SHA256:[A-Za-z0-9+/]{43}/;

function keyLine(line: string, marker: RegExp): { path: string; type: string; fingerprint: string } | null {
  const m = marker.exec(line);
  if (!m) return null;
  const rest = line.slice(m.index + m[0].length).trim();
  const fp = FP.exec(rest);
  if (!fp) return null;
  // 8.x+: `PATH TYPE FP [explicit|agent]`; 7.x: `TYPE FP PATH`.
  const before = rest.slice(0, fp.index).trim();
  const after = rest
    .slice(fp.index + fp[0].length)
    .trim()
    .replace(/(?:^|\s+)(?:explicit|agent|token)(?:\s.*)?$/, '');
  const words = before.split(/\s+/);
  const type = words.length > 1 || after === '' ? (words.pop() ?? '') : (words[0] ?? '');
  const path = after !== '' && words.length <= 1 ? after : words.join(' ');
  return { path, type, fingerprint: fp[0] };
}

function offeredKeys(lines: readonly string[], account: Set<string> | undefined): OfferedKey[] {
  const out: OfferedKey[] = [];
  for (const line of lines) {
    const offer = keyLine(line, /Offering public key:/);
    if (offer && !out.some((k) => k.fingerprint === offer.fingerprint)) {
      out.push({ ...offer, accepted: false, inAccount: account ? account.has(offer.fingerprint) : undefined });
    }
    const ok = keyLine(line, /Server accepts key:/);
    if (ok) for (const k of out) if (k.fingerprint === ok.fingerprint) k.accepted = true;
  }
  return out;
}

function fromCommand(command: string): Destination {
  const words = command.split(/\s+/);
  const dest: Destination = {};
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if ((w === '-p' || w === '-P') && /^\d+$/.test(words[i + 1] ?? '')) dest.port = Number(words[++i]);
    else if (w === '-l' && words[i + 1]) dest.user = words[++i];
    else if (/^-[ioFlJEeS]$/.test(w)) i++;
    else if (!dest.host && !w.startsWith('-')) {
      const m = /^(?:([^@\s:]+)@)?(\[[0-9a-fA-F:.]+\]|[^\s:@/]+)(?::.*)?$/.exec(w.replace(/^["']|["']$/g, ''));
      if (m && (m[1] || /^[\d.]+$|^\[|runpod/.test(m[2]!))) {
        dest.user ??= m[1];
        dest.host = m[2]!.replace(/^\[|\]$/g, '');
      }
    }
  }
  return dest;
}

function destination(lines: readonly string[], command: string | undefined): Destination {
  const dest: Destination = command ? fromCommand(command) : {};
  for (const line of lines) {
    let m = /Authenticating to (.+):(\d+) as '([^']*)'/.exec(line);
    if (m) return { host: m[1]!, port: Number(m[2]), user: m[3]! };
    m = /(?:connect to host|Received disconnect from|Connection closed by) (\S+) port (\d+)/.exec(line);
    if (m && !dest.host) {
      dest.host = m[1]!;
      dest.port = Number(m[2]);
    }
    m = /^([^\s@]+)@(\S+): Permission denied/.exec(line);
    if (m && !dest.user) {
      dest.user = m[1]!;
      dest.host ??= m[2]!;
    }
  }
  return dest;
}

function programOf(command: string | undefined, lines: readonly string[]): Facts['program'] {
  const first = command?.split(/\s+/)[0]?.replace(/\.exe$/, '');
  if (first === 'ssh' || first === 'scp' || first === 'sftp' || first === 'rsync') return first;
  if (lines.some((l) => /^(?:scp|sftp|rsync): /.test(l) || /^rsync error/.test(l))) {
    const l = lines.find((x) => /^(?:scp|sftp|rsync)/.test(x))!;
    return l.slice(0, l.startsWith('rsync') ? 5 : l.startsWith('sftp') ? 4 : 3) as Facts['program'];
  }
  return undefined;
}

function accountFingerprints(accountKeys: readonly string[] | undefined): Set<string> | undefined {
  if (!accountKeys || accountKeys.length === 0) return undefined;
  // The project's one fingerprint path: analyzeKeys reads key lines exactly as the key field does.
  return new Set(analyzeKeys(accountKeys.join('\n')).keys.map((k) => k.fingerprint));
}

export function readFacts(output: string, accountKeys?: readonly string[]): Facts {
  const lines = output
    .replace(ANSI, '')
    .split(/\r?\n|\r/)
    .map((l) => l.trimEnd());
  const command = lines.map((l) => COMMAND.exec(l.trim())?.[1]).find((c) => c !== undefined);
  const account = accountFingerprints(accountKeys);
  const applied = lines.map((l) => /^debug1: (.+ line \d+): Applying options for (.+)$/.exec(l)).find((m) => m && m[2] !== '*');
  return {
    lines,
    command,
    program: programOf(command, lines),
    dest: destination(lines, command),
    verbose: lines.some((l) => l.startsWith('debug1: ')),
    offered: offeredKeys(lines, account),
    denied: lines.some((l) =>
      /Permission denied \(|No more authentication methods to try|No supported authentication methods available|Server refused our key/.test(
        l,
      ),
    ),
    authenticated: lines.some((l) => /^Authenticated to |Authentication succeeded \(publickey\)/.test(l)),
    configApplied: applied ? `${applied[1]} (Host ${applied[2]})` : undefined,
    accountFingerprints: account,
  };
}
