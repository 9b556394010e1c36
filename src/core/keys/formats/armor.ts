/**
 * Helpers shared by the armored formats (PEM RFC 7468, RFC 4716, PROTOCOL.key): tolerant line
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

/** Wraps a string into lines of `width` characters. */
export function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out;
}

/** PEM text `-----BEGIN label-----` / body / `-----END label-----`, body wrapped at 64 (RFC 7468 §2). */
export function pemArmor(label: string, der: Uint8Array, encode: (b: Uint8Array) => string): string {
  return [`-----BEGIN ${label}-----`, ...wrap(encode(der), 64), `-----END ${label}-----`, ''].join('\n');
}
