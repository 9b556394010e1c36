/**
 * Finds complete SSH public key blobs (RFC 4253 §6.6) anywhere in a line, in one linear pass.
 *
 * Every blob starts with `uint32 length, string type`; type names are shorter than 2^24 bytes, so the
 * base64 of every blob starts with "AAAA". At each "AAAA" we decode (once per base64 run and 4-char
 * phase, never per candidate) and ask readKeyPrefix() (which never throws) where exactly that blob ends, which is what lets
 * keys glued together with nothing in between be split without guessing.
 */
import { KNOWN_KEY_TYPES, readKeyPrefix, type ParsedKey } from '../blob.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) LOOKUP[B64.charCodeAt(i)] = i;

export const KNOWN_TYPES: ReadonlySet<string> = new Set(KNOWN_KEY_TYPES);
/** Bound on a type word's length, above every known one ("sk-ecdsa-sha2-nistp256-cert-v01@openssh.com" is 42). */
export const MAX_TYPE = 64;

/** The value of base64-alphabet character code `c` (only for characters isB64Char accepts). */
export const sextet = (c: number): number => LOOKUP[c] as number;

export function isB64Char(c: number): boolean {
  return c < 128 && (LOOKUP[c] as number) >= 0;
}

/** Index just past the base64-alphabet run starting at `from` (padding not included). */
export function runEnd(s: string, from: number): number {
  let i = from;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (LOOKUP[c] as number) < 0) break;
    i++;
  }
  return i;
}

/** Decodes s[a, b) (all base64-alphabet characters), leniently: a trailing partial quad yields its whole bytes. */
export function decodeRun(s: string, a: number, b: number): Uint8Array {
  const out = new Uint8Array(((b - a) * 3) >> 2);
  decodeRunInto(s, a, b, out, 0);
  return out;
}

/**
 * decodeRun into `out` at `at` (which must have room for ((b - a) * 3) >> 2 bytes); returns the
 * index just past the last byte written. For callers that reuse one buffer: every `new Uint8Array`
 * over 64 bytes is a separate off-heap allocation, which dominated hostile input.
 */
export function decodeRunInto(s: string, a: number, b: number, out: Uint8Array, at: number): number {
  let o = at;
  let i = a;
  for (; i + 4 <= b; i += 4) {
    const v =
      ((LOOKUP[s.charCodeAt(i)] as number) << 18) |
      ((LOOKUP[s.charCodeAt(i + 1)] as number) << 12) |
      ((LOOKUP[s.charCodeAt(i + 2)] as number) << 6) |
      (LOOKUP[s.charCodeAt(i + 3)] as number);
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = b - i;
  if (rest >= 2) {
    const v = ((LOOKUP[s.charCodeAt(i)] as number) << 18) | ((LOOKUP[s.charCodeAt(i + 1)] as number) << 12) | (rest === 3 ? (LOOKUP[s.charCodeAt(i + 2)] as number) << 6 : 0);
    out[o++] = v >> 16;
    if (rest === 3) out[o++] = (v >> 8) & 255;
  }
  return o;
}

/** Base64 characters that encode exactly `bytes` bytes (without padding). */
export function charsFor(bytes: number): number {
  const r = bytes % 3;
  return ((bytes - r) / 3) * 4 + (r === 0 ? 0 : r + 1);
}

/** The type name at the start of a blob when its length is plausible, else null. */
export function blobTypeName(bytes: Uint8Array, off = 0): string | null {
  if (bytes.length < off + 5) return null;
  if (bytes[off] !== 0 || bytes[off + 1] !== 0 || bytes[off + 2] !== 0) return null;
  const len = bytes[off + 3] as number;
  if (len === 0 || len > 64 || off + 4 + len > bytes.length) return null;
  let t = '';
  for (let i = 0; i < len; i++) t += String.fromCharCode(bytes[off + 4 + i] as number);
  return t;
}

export interface BlobHit {
  /** Column of the first base64 character. */
  start: number;
  /** Column just past the blob's last character, padding included. */
  end: number;
  /** End without padding (where an unpadded glued key would be cut). */
  dataEnd: number;
  bytes: Uint8Array;
  type: string;
  /** The key (the scan parses every hit). */
  parsed: ParsedKey;
}

/**
 * Per-phase buffers findBlobs decodes runs of up to SCRATCH_BYTES into (hits are copied out), and
 * how many bytes of each hold the current run (-1: not decoded yet). Lengths instead of views, and
 * module-level (findBlobs is synchronous and never re-entered): hostile text makes a new run at
 * nearly every candidate, and a view per phase per run was much of its garbage.
 */
const SCRATCH_BYTES = 4096;
const SCRATCH = [0, 1, 2, 3].map(() => new Uint8Array(SCRATCH_BYTES));
const DECODED = new Int32Array(4);

/** What findBlobs returns for a line without a key (most lines of a junk paste): shared, never written. */
const NO_HITS: readonly BlobHit[] = Object.freeze([]);

/** Every complete blob of a known key type in `s`, left to right, non-overlapping. */
export function findBlobs(s: string, from = 0, to = s.length): readonly BlobHit[] {
  let hits: BlobHit[] | null = null;
  let pos = from;
  let rStart = -1;
  let rEnd = -1;
  // The decoded run by phase when it is longer than a scratch buffer (rare: only then allocated).
  let big: (Uint8Array | undefined)[] | null = null;
  while (pos < to) {
    const j = s.indexOf('AAAA', pos);
    if (j < 0 || j + 8 > to) break;
    if (rStart < 0 || j >= rEnd || j < rStart) {
      rStart = j;
      rEnd = Math.min(runEnd(s, j), to);
      DECODED.fill(-1);
      big = null;
    }
    const phase = (j - rStart) & 3;
    // Cheap header check before decoding the run: the 5th char encodes the length's low byte.
    const c4 = LOOKUP[s.charCodeAt(j + 4)] as number;
    const c5 = LOOKUP[s.charCodeAt(j + 5)] as number;
    if (c4 < 0 || c5 < 0 || ((c4 << 2) | (c5 >> 4)) === 0 || ((c4 << 2) | (c5 >> 4)) > 64) {
      pos = j + 1;
      continue;
    }
    const a = rStart + phase;
    let arr: Uint8Array;
    let arrEnd: number; // bytes of `arr` that hold this run
    if (((rEnd - a) * 3) >> 2 <= SCRATCH_BYTES) {
      arr = SCRATCH[phase] as Uint8Array;
      if ((DECODED[phase] as number) < 0) DECODED[phase] = decodeRunInto(s, a, rEnd, arr, 0);
      arrEnd = DECODED[phase] as number;
    } else {
      arr = (big ??= [undefined, undefined, undefined, undefined])[phase] ??= decodeRun(s, a, rEnd);
      arrEnd = arr.length;
    }
    const off = ((j - rStart - phase) >> 2) * 3;
    // One non-throwing read says whether a key of a known type starts here, where it ends and what
    // it is (most keys are the rest of their base64 run; glued keys end inside it).
    const r = readKeyPrefix(arr, off, arrEnd);
    if (r === null) {
      pos = j + 1;
      continue;
    }
    const len = r.length;
    const dataEnd = j + charsFor(len);
    let end = dataEnd;
    const pad = (4 - (charsFor(len) % 4)) % 4;
    for (let k = 0; k < pad && end < s.length && s.charCodeAt(end) === 61; k++) end++;
    // A copy: the run may sit in a scratch buffer. A certificate's parse keeps views into its blob
    // (caKey), so it is read again from the copy.
    const bytes = arr.slice(off, off + len);
    const key = r.key.cert ? (readKeyPrefix(bytes) as NonNullable<typeof r>).key : r.key;
    const hit: BlobHit = { start: j, end, dataEnd, bytes, type: key.type, parsed: key };
    if (hits === null) hits = [hit]; // a literal: push on [] reserves room for 17
    else hits.push(hit);
    pos = end;
  }
  return hits ?? NO_HITS;
}
