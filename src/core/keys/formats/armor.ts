/**
 * Helpers shared by the armored formats (PEM RFC 7468, RFC 4716, PROTOCOL.key, ssh.com): tolerant line
 * handling — CRLF, stray spaces, odd wrap widths — and strict base64 of the joined body.
 */
import { SshParseError } from '../../errors.ts';
import { decodeBase64 } from '../../wire/base64.ts';
import type { Lines } from '../lines.ts';

/** Removes every whitespace character (spaces, tabs, CR) from a body line. */
export function squeeze(line: string): string {
  return line.replace(/\s+/g, '');
}

/** Joins body lines and decodes them as base64; null when that is not valid base64. */
export function decodeBody(lines: Iterable<string>): Uint8Array | null {
  let s = '';
  for (const l of lines) s += squeeze(l);
  if (s.length === 0) return null;
  return decodeBase64(s);
}

/** Headers and body lines of an RFC 4716-style block (SSH2 public keys, ssh.com private keys). */
export interface Rfc4716Armor {
  headers: [string, string][];
  body: string[];
}

/** RFC 4716 §3.3: "The Header-value MUST NOT be more than 1024 bytes." */
const MAX_HEADER_VALUE = 1024;
const HEADER = /^([\x21-\x39\x3b-\x7e]{1,64}):\s*(.*)$/;

/**
 * Splits an RFC 4716 §3 block: after the BEGIN marker, `Tag: value` headers (§3.3; a value ending
 * in "\" continues on the next line), then base64 body lines up to the END marker (which may be missing).
 */
export function readRfc4716Armor(lines: Lines, begin: RegExp, end: RegExp, what: string): Rfc4716Armor {
  const headers: [string, string][] = [];
  const body: string[] = [];
  let i = begin.test((lines.at(0) ?? '').trim()) ? 1 : 0;
  for (; i < lines.length; i++) {
    const line = (lines.at(i) as string).trim();
    if (end.test(line)) break;
    if (line === '') continue;
    const m = body.length === 0 ? HEADER.exec(line) : null;
    if (!m) {
      body.push(line);
      continue;
    }
    let value = m[2] as string;
    while (value.endsWith('\\') && i + 1 < lines.length) {
      value = value.slice(0, -1) + (lines.at(++i) as string).trim();
      if (value.length > MAX_HEADER_VALUE) break;
    }
    if (value.length > MAX_HEADER_VALUE || new TextEncoder().encode(value).length > MAX_HEADER_VALUE)
      throw new SshParseError('bad-format', `${what}: header "${m[1]}" is longer than the 1024 bytes RFC 4716 §3.3 allows`);
    headers.push([m[1] as string, value]);
  }
  return { headers, body };
}

/** The `Comment` header's value without its surrounding quotes (RFC 4716 §3.3.2), or ''. */
export function rfc4716Comment(headers: readonly [string, string][]): string {
  const c = headers.find(([k]) => k.toLowerCase() === 'comment');
  let comment = c ? c[1].trim() : '';
  if (comment.length >= 2 && comment.startsWith('"') && comment.endsWith('"')) comment = comment.slice(1, -1);
  return comment;
}
