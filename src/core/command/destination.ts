/**
 * Is this parsed invocation a command someone would actually run, or prose that happens to
 * start with "ssh"? Every text the console copies passes through looksLikeSshCommand (find.ts),
 * and "ssh is great" is valid syntax (host `is`, remote command `great`), so the gate asks for a
 * destination that names a machine:
 *
 * - `user@host` (or `-l user host`), with `host` a hostname label sequence or an IP literal;
 * - a hostname with a dot whose last label has a letter (`ssh.runpod.io`; not `e.g.`, `v1.2`);
 * - an IPv4 literal (RFC 791 dotted quad) or an IPv6 literal (RFC 4291 §2.2, bracketed or bare);
 * - an `ssh://` / `sftp://` / `scp://` URI (RFC 3986 authority) with such a host;
 * - `localhost`;
 * - scp/sftp/rsync: a `host:path` operand (the colon form is distinctive) whose path looks like one.
 *
 * Labels follow RFC 1123 §2.1 loosely (letters, digits, `-`, plus `_` which real configs use).
 * Single-label names without a user (`ssh mypod`, `ssh is`) are refused: they cannot be told
 * apart from a sentence. Words after the destination that read as prose (`great.`, `connect,`)
 * are refused too; real remote commands quote such text.
 */
import { said, tx, type Said } from '../i18n-text.ts';
import type { Word } from './tokenize.ts';

const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** RFC 4291 §2.2 text forms (with an optional RFC 4007 zone id `%eth0`). */
export function isIpv6(host: string): boolean {
  const h = host.replace(/%[A-Za-z0-9_.-]+$/, '');
  if (!/^[0-9A-Fa-f:.]+$/.test(h) || !h.includes(':')) return false;
  let body = h;
  const v4 = /:((?:\d+\.){3}\d+)$/.exec(h);
  if (v4) {
    if (!IPV4.test(v4[1]!)) return false;
    body = h.slice(0, h.length - v4[1]!.length) + '0:0'; // a dotted quad is the last two groups
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length <= 7 : all.length === 8;
}

export function isIpLiteral(host: string): boolean {
  return IPV4.test(host) || isIpv6(host);
}

/** A hostname with at least one dot, whose last label has a letter (a TLD-like label). */
export function isDottedHostname(host: string): boolean {
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  return /[A-Za-z]/.test(labels[labels.length - 1]!);
}

/** Host part as ssh(1) would connect to it, judged on its own (no user given). */
export function isMachineName(host: string): boolean {
  return host.toLowerCase() === 'localhost' || isIpLiteral(host) || isDottedHostname(host);
}

/** With a user, a single-label name is plausible too (`root@pod`). */
export function isHostName(host: string): boolean {
  return LABEL.test(host) || isIpLiteral(host) || isDottedHostname(host);
}

/** The path of `host:path` when it makes the colon form explicit: `/…`, `~…`, or a letter or digit
 * in it (`pod:data`); not punctuation only, as in the prose "Tip:." or "Note:,". */
const PATHLIKE = /^[/~]|[\p{L}\p{N}]/u;

export interface DestinationFacts {
  host: string;
  user?: string;
  /** The path of a `host:path` operand, or of a URI (scp/sftp/rsync). */
  colonPath?: string;
}

/** null when plausible, else the reason (starting with "no destination host"). */
export function destinationProblem(program: string, d: DestinationFacts): Said | null {
  const { host, user } = d;
  const shown = JSON.stringify(host.length > 40 ? host.slice(0, 40) + '…' : host);
  if (user !== undefined && user === '')
    return said(`${program}: no destination host (empty user name before "@")`, tx('cmdEmptyUser', program));
  if (user !== undefined && /\s/.test(user))
    return said(`${program}: no destination host (the user name contains a space)`, tx('cmdUserSpace', program));
  const ok = user !== undefined || (d.colonPath !== undefined && PATHLIKE.test(d.colonPath)) ? isHostName(host) : isMachineName(host);
  if (ok) return null;
  if (user === undefined && LABEL.test(host)) {
    return said(
      `${program}: no destination host (${shown} is a single word, not user@host, an IP address or a full host name)`,
      tx('cmdSingleWordHost', program, shown),
    );
  }
  return said(`${program}: no destination host (${shown} is not a host name or IP address)`, tx('cmdNotHostName', program, shown));
}

/** A bare word ending in sentence punctuation: `great.`, `connect,`, `this:`, `now!`. */
const PROSE_WORD = /^[A-Za-z][A-Za-z'’-]*[.,;:!?]+$/;

/** null, or why the words read as a sentence rather than arguments (only unquoted words count). */
export function proseProblem(words: readonly Word[], from: number, skip: number): Said | null {
  for (let k = from; k < words.length; k++) {
    if (k === skip) continue;
    const w = words[k]!;
    if (w.raw === w.value && PROSE_WORD.test(w.raw)) {
      const shown = JSON.stringify(w.raw);
      return said(`looks like a sentence, not a command (${shown} ends with punctuation)`, tx('cmdProse', shown));
    }
  }
  return null;
}
