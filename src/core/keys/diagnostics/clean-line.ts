/**
 * The common case without the diagnostic pipeline: a line that is exactly `type base64 [comment]`
 * (OpenSSH's authorized_keys / .pub layout, sshd(8) "AUTHORIZED_KEYS FILE FORMAT") holding one
 * valid, supported, plain key of that type, with printable ASCII, single spaces, canonical padding
 * and nothing a diagnostic would remark on. For such a line the full pipeline (whitespace, scan,
 * keysEntry in analyze.ts) yields one key and no finding, so this reads it directly: no cleaned
 * copy, no scan, no finding objects. Anything else returns null and takes the full path;
 * test/unit/keys/fast-path.test.ts checks that both paths agree on random clean and near-clean lines.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBase64 } from '../../wire/base64.ts';
import { keyTypeSpec, KNOWN_KEY_TYPES, readExactKey, type ParsedKey } from '../blob.ts';
import type { KeyTypeSpec } from '../types/spec.ts';
import { isTypeLike } from './model.ts';
import { KNOWN_TYPES } from './scan.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Plain, supported key types by the length of their name (certificates and ssh-dss always get findings). */
const BY_LENGTH: (KeyTypeSpec[] | undefined)[] = [];
for (const type of KNOWN_KEY_TYPES) {
  const spec = keyTypeSpec(type);
  if (!spec || spec.certificate || !spec.supported) continue;
  (BY_LENGTH[type.length] ??= []).push(spec);
}

export interface CleanKeyLine {
  /** The type word (= the blob's type). */
  type: string;
  /** The base64 as written (complete, canonical padding). */
  b64: string;
  bytes: Uint8Array;
  parsed: ParsedKey;
  comment: string;
  /** `SHA256:…` of the blob, as fingerprint.ts's fingerprintSha256 (plain keys only here). */
  fingerprint: string;
}

/** The key on a clean line, or null when the line needs the full pipeline. Never throws. */
export function readCleanKeyLine(t: string): CleanKeyLine | null {
  const sp = t.indexOf(' ');
  const specs = sp > 0 ? BY_LENGTH[sp] : undefined;
  if (!specs) return null;
  let spec: KeyTypeSpec | undefined;
  for (let k = 0; k < specs.length; k++) {
    if (t.startsWith((specs[k] as KeyTypeSpec).type)) {
      spec = specs[k];
      break;
    }
  }
  if (!spec) return null;
  const b0 = sp + 1;
  let e = t.indexOf(' ', b0);
  const hasComment = e >= 0;
  if (!hasComment) e = t.length;
  // base64: data characters then exactly the canonical padding (the full path reports missing
  // padding, which OpenSSH rejects, and its rewrites complete it), decoded strictly (natively where the platform can: wire/base64.ts); a line
  // with stray bits in its last character leaves the fast path, and the full path reads it.
  let d = e;
  while (d > b0 && t.charCodeAt(d - 1) === 61) d--;
  const nData = d - b0;
  const rest = nData & 3;
  if (rest === 1 || e - d !== ((4 - rest) & 3) || nData < 8) return null;
  const b64 = t.slice(b0, e);
  const bytes = decodeBase64(b64);
  if (bytes === null) return null;
  // The blob's type string must be the type word.
  if (bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 0 || bytes[3] !== sp || bytes.length < 4 + sp) return null;
  for (let k = 0; k < sp; k++) if (bytes[4 + k] !== t.charCodeAt(k)) return null;
  const parsed = readExactKey(bytes, spec);
  // weak-key speaks about RSA under 2048 bits.
  if (!parsed || (parsed.type === 'ssh-rsa' && parsed.bits < 2048)) return null;
  let comment = '';
  if (hasComment) {
    // One space, then a comment without leading or trailing spaces, printable ASCII, no base64
    // that could be another key, and not ending in a type word (the wrapped-key check).
    const c0 = e + 1;
    const n = t.length;
    if (c0 >= n || t.charCodeAt(c0) === 32 || t.charCodeAt(n - 1) === 32) return null;
    for (let k = c0; k < n; k++) {
      const c = t.charCodeAt(k);
      if (c < 0x20 || c > 0x7e) return null;
    }
    if (t.indexOf('AAAA', c0) >= 0) return null;
    const ls = t.lastIndexOf(' ') + 1;
    const f = t.charCodeAt(ls); // every type-like word starts with one of s e r d x p
    if ((f === 115 || f === 101 || f === 114 || f === 100 || f === 120 || f === 112) && n - ls <= 80 && isTypeLike(t.slice(ls), KNOWN_TYPES)) return null;
    comment = t.slice(c0);
  }
  return { type: spec.type, b64, bytes, parsed, comment, fingerprint: sha256Fingerprint(bytes) };
}

// One hasher state reused for every blob (noble's documented Hash._cloneInto(to) + digestInto(out)):
// the one-shot sha256() builds and wipes a fresh state for each 51-byte key. Public keys only.
const IV = sha256.create();
const H = sha256.create();
const DIGEST = new Uint8Array(32);
/** 'SHA256:' then 43 base64 characters (unpadded), built in one flat string. */
const FP_CODES: number[] = Array.from('SHA256:' + 'A'.repeat(43), (c) => c.charCodeAt(0));
const B64_CODES = Array.from(B64, (c) => c.charCodeAt(0));

/** fingerprint.ts's fingerprintSha256 for a plain (non-certificate) key blob. */
export function sha256Fingerprint(blob: Uint8Array): string {
  IV._cloneInto(H);
  H.update(blob);
  H.digestInto(DIGEST);
  const d = DIGEST;
  let o = 7;
  let i = 0;
  for (; i < 30; i += 3) {
    const v = ((d[i] as number) << 16) | ((d[i + 1] as number) << 8) | (d[i + 2] as number);
    FP_CODES[o++] = B64_CODES[v >> 18] as number;
    FP_CODES[o++] = B64_CODES[(v >> 12) & 63] as number;
    FP_CODES[o++] = B64_CODES[(v >> 6) & 63] as number;
    FP_CODES[o++] = B64_CODES[v & 63] as number;
  }
  const v = ((d[30] as number) << 16) | ((d[31] as number) << 8);
  FP_CODES[o++] = B64_CODES[v >> 18] as number;
  FP_CODES[o++] = B64_CODES[(v >> 12) & 63] as number;
  FP_CODES[o] = B64_CODES[(v >> 6) & 63] as number;
  return String.fromCharCode.apply(null, FP_CODES);
}
