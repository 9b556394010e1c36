/**
 * Helpers shared by the armored formats (PEM RFC 7468, RFC 4716, PROTOCOL.key, ssh.com): tolerant line
 * handling — CRLF, stray spaces, odd wrap widths — and strict base64 of the joined body.
 */
import { decodeBase64 } from '../../wire/base64.ts';

/** Removes every whitespace character (spaces, tabs, CR) from a body line. */
export function squeeze(line: string): string {
  return line.replace(/\s+/g, '');
}

/** Joins body lines and decodes them as base64; null when that is not valid base64. */
export function decodeBody(lines: readonly string[]): Uint8Array | null {
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

/**
 * Splits an RFC 4716 §3 block: after the BEGIN marker, `Tag: value` headers (§3.3; a value ending
 * in "\" continues on the next line), then base64 body lines up to the END marker (which may be missing).
 */
export function readRfc4716Armor(lines: readonly string[], begin: RegExp, end: RegExp): Rfc4716Armor {
  const headers: [string, string][] = [];
  const body: string[] = [];
  let i = 0;
  if (begin.test((lines[0] ?? '').trim())) i = 1;
  let inHeaders = true;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (end.test(line)) break;
    if (line === '') continue;
    if (inHeaders) {
      const m = /^([\x21-\x39\x3b-\x7e]{1,64}):\s*(.*)$/.exec(line);
      if (m) {
        // Pieces joined once at the end: growing one string and testing its end per line is quadratic.
        const parts = [m[2]!];
        while (parts[parts.length - 1]!.endsWith('\\') && i + 1 < lines.length) {
          parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
          parts.push(lines[++i]!.trim());
        }
        headers.push([m[1]!, parts.join('')]);
        continue;
      }
      inHeaders = false;
    }
    body.push(line);
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
