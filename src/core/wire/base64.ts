/**
 * Strict standard base64 (RFC 4648 §4), synchronous, the same result in Node and browsers.
 * `decode` returns null instead of throwing: callers use it to probe arbitrary pasted text.
 * Decoding uses the platform's `Uint8Array.fromBase64` (TC39 proposal-arraybuffer-base64, ES2026;
 * Chrome 140+, Firefox 133+) when there is one, with a table-driven JS fallback (Node 20); the
 * native call is wrapped to accept exactly what the fallback accepts
 * (test/unit/wire/base64.test.ts compares the two in Chromium).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Whether character code `c` is in the base64 alphabet (padding excluded). */
export const isBase64Char = (c: number): boolean => c < 128 && (LOOKUP[c] as number) >= 0;

/** The value of base64-alphabet character code `c` (only for codes isBase64Char accepts). */
export const sextet = (c: number): number => LOOKUP[c] as number;

/** Index just past the base64-alphabet run of `s` starting at `from` (padding not included). */
export function base64RunEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isBase64Char(s.charCodeAt(i))) i++;
  return i;
}

/** Base64 characters that encode exactly `bytes` bytes, without padding. */
export function base64CharsFor(bytes: number): number {
  const r = bytes % 3;
  return ((bytes - r) / 3) * 4 + (r === 0 ? 0 : r + 1);
}

/** The `=` characters that complete `chars` unpadded base64 characters to whole quads (RFC 4648 §4). */
export const paddingFor = (chars: number): number => (4 - (chars % 4)) % 4;

/**
 * Decodes s[a, b) (base64-alphabet characters only, as base64RunEnd bounds them) leniently: a
 * trailing partial quad yields its whole bytes. For finding blobs in pasted text, where a key may
 * end anywhere inside a run; decodeBase64 is the strict decoder.
 */
export function decodeBase64Run(s: string, a: number, b: number): Uint8Array {
  const out = new Uint8Array(((b - a) * 3) >> 2);
  decodeBase64RunInto(s, a, b, out, 0);
  return out;
}

/** decodeBase64Run into `out` from index `at` (room for ((b - a) * 3) >> 2 bytes); returns the end index. */
export function decodeBase64RunInto(s: string, a: number, b: number, out: Uint8Array, at: number): number {
  let o = at;
  let i = a;
  for (; i + 4 <= b; i += 4) {
    const v =
      (sextet(s.charCodeAt(i)) << 18) |
      (sextet(s.charCodeAt(i + 1)) << 12) |
      (sextet(s.charCodeAt(i + 2)) << 6) |
      sextet(s.charCodeAt(i + 3));
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = b - i;
  if (rest >= 2) {
    const v = (sextet(s.charCodeAt(i)) << 18) | (sextet(s.charCodeAt(i + 1)) << 12) | (rest === 3 ? sextet(s.charCodeAt(i + 2)) << 6 : 0);
    out[o++] = v >> 16;
    if (rest === 3) out[o++] = (v >> 8) & 255;
  }
  return o;
}

type FromBase64 = (text: string, options: { alphabet: 'base64'; lastChunkHandling: 'strict' }) => Uint8Array;
/** The platform decoder, when there is one (feature-detected as noble-hashes does Uint8Array.fromHex). */
const NATIVE: FromBase64 | undefined = (() => {
  const f = (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64;
  return typeof f === 'function' ? (f.bind(Uint8Array) as FromBase64) : undefined;
})();

/** Decodes canonical base64 (padding optional, no whitespace); null if any character or length is invalid. */
export function decodeBase64(text: string): Uint8Array | null {
  return NATIVE ? decodeBase64Native(text, NATIVE) : decodeBase64Js(text);
}

// fromBase64 skips ASCII whitespace (the spec's TAB, LF, FF, CR, SPACE) anywhere; we reject it.
const ASCII_WHITESPACE = /[\t\n\f\r ]/;

/**
 * decodeBase64 through `fromBase64`. 'strict' rejects non-zero bits after the last byte (as the
 * JS path does) but also requires padding, which we make optional: an unpadded partial last quad
 * gets its padding added; a padded text must be a whole number of quads.
 */
export function decodeBase64Native(text: string, fromBase64: FromBase64): Uint8Array | null {
  if (ASCII_WHITESPACE.test(text)) return null;
  const rest = text.length & 3;
  let padded = text;
  if (rest !== 0) {
    if (rest === 1 || text.charCodeAt(text.length - 1) === 61 /* = */) return null;
    padded = rest === 2 ? `${text}==` : `${text}=`;
  }
  try {
    return fromBase64(padded, { alphabet: 'base64', lastChunkHandling: 'strict' });
  } catch {
    return null; // SyntaxError: not base64
  }
}

/** The table-driven decoder (platforms without fromBase64): decodeBase64Run after the strict checks. */
export function decodeBase64Js(text: string): Uint8Array | null {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if ((text.length !== end && text.length % 4 !== 0) || end % 4 === 1 || base64RunEnd(text, 0) !== end) return null;
  // RFC 4648 §3.5: the bits after the last whole byte must be zero (canonical encoding).
  const last = end % 4 === 0 || end === 0 ? 0 : sextet(text.charCodeAt(end - 1));
  if ((end % 4 === 2 && (last & 15) !== 0) || (end % 4 === 3 && (last & 3) !== 0)) return null;
  return decodeBase64Run(text, 0, end);
}

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array, pad = true): string {
  let s = '';
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    s += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    s += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    s += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + (pad ? '=' : '');
  }
  return s;
}
