/**
 * Finds complete SSH public key blobs (RFC 4253 §6.6) anywhere in a line, in one linear pass.
 *
 * Every blob starts with `uint32 length, string type`; type names are shorter than 2^24 bytes, so the
 * base64 of every blob starts with "AAAA". At each "AAAA" we decode (once per base64 run and 4-char
 * phase, never per candidate) and ask readKeyPrefix() (which never throws) where exactly that blob ends, which is what lets
 * keys glued together with nothing in between be split without guessing.
 */
import { KNOWN_KEY_TYPES, readKeyPrefix, type ParsedKey } from '../blob.ts';
import { base64CharsFor, base64RunEnd, decodeBase64Run, isBase64Char, paddingFor, sextet } from '../../wire/base64.ts';

export const KNOWN_TYPES: ReadonlySet<string> = new Set(KNOWN_KEY_TYPES);
/** Bound on a type word's length, above every known one ("sk-ecdsa-sha2-nistp256-cert-v01@openssh.com" is 42). */
export const MAX_TYPE = 64;

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

/** What findBlobs returns for a line without a key (most lines of a junk paste): shared, never written. */
const NO_HITS: readonly BlobHit[] = Object.freeze([]);

/** Every complete blob of a known key type in `s`, left to right, non-overlapping. */
export function findBlobs(s: string, from = 0, to = s.length): readonly BlobHit[] {
  let hits: BlobHit[] | null = null;
  let pos = from;
  let rStart = -1;
  let rEnd = -1;
  // The current base64 run decoded at each of its four quad phases, each decoded once when needed.
  let decoded: (Uint8Array | undefined)[] = [];
  while (pos < to) {
    const j = s.indexOf('AAAA', pos);
    if (j < 0 || j + 8 > to) break;
    if (rStart < 0 || j >= rEnd || j < rStart) {
      rStart = j;
      rEnd = Math.min(base64RunEnd(s, j), to);
      decoded = [];
    }
    // Cheap header check before decoding the run: chars 5-6 encode the type length's low byte.
    const c4 = s.charCodeAt(j + 4);
    const c5 = s.charCodeAt(j + 5);
    const typeLen = isBase64Char(c4) && isBase64Char(c5) ? (sextet(c4) << 2) | (sextet(c5) >> 4) : 0;
    if (typeLen === 0 || typeLen > MAX_TYPE) {
      pos = j + 1;
      continue;
    }
    const phase = (j - rStart) & 3;
    const arr = decoded[phase] ?? decodeBase64Run(s, rStart + phase, rEnd);
    decoded[phase] = arr;
    const off = ((j - rStart - phase) >> 2) * 3;
    // One non-throwing read says whether a key of a known type starts here, where it ends and what
    // it is (most keys are the rest of their base64 run; glued keys end inside it).
    const r = readKeyPrefix(arr, off, arr.length);
    if (r === null) {
      pos = j + 1;
      continue;
    }
    const dataEnd = j + base64CharsFor(r.length);
    let end = dataEnd;
    const pad = paddingFor(dataEnd - j);
    for (let k = 0; k < pad && end < s.length && s.charCodeAt(end) === 61; k++) end++;
    // The hit owns its bytes; a certificate's parse keeps views into its blob (caKey), so it is read
    // again from the copy.
    const bytes = arr.slice(off, off + r.length);
    const key = r.key.cert ? (readKeyPrefix(bytes) as NonNullable<typeof r>).key : r.key;
    const hit: BlobHit = { start: j, end, dataEnd, bytes, type: key.type, parsed: key };
    hits = hits ?? [];
    hits.push(hit);
    pos = end;
  }
  return hits ?? NO_HITS;
}
