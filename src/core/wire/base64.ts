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

/** Whether decodeBase64 uses the platform decoder here. */
export const hasNativeBase64 = (): boolean => NATIVE !== undefined;

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

/** The table-driven decoder (platforms without fromBase64). */
export function decodeBase64Js(text: string): Uint8Array | null {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if ((text.length !== end && text.length % 4 !== 0) || end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const a = lookup(text, i), b = lookup(text, i + 1), c = lookup(text, i + 2), d = lookup(text, i + 3);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = end - i;
  if (rest === 2) {
    const a = lookup(text, i), b = lookup(text, i + 1);
    if ((a | b) < 0 || (b & 15) !== 0) return null;
    out[o++] = (a << 2) | (b >> 4);
  } else if (rest === 3) {
    const a = lookup(text, i), b = lookup(text, i + 1), c = lookup(text, i + 2);
    if ((a | b | c) < 0 || (c & 3) !== 0) return null;
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}

function lookup(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? (LOOKUP[c] as number) : -1;
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
