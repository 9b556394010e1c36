/**
 * bcrypt_pbkdf as OpenSSH uses it for `openssh-key-v1` private keys (PROTOCOL.key; OpenSSH
 * openbsd-compat/bcrypt_pbkdf.c, after OpenBSD lib/libutil/bcrypt_pbkdf.c): PBKDF2-like
 * iteration of "bcrypt_hash" (an expensive Blowfish key schedule keyed by SHA-512 of the
 * password and salt, encrypting "OxychromaticBlowfishSwatDynamite" 64 times), with the
 * output blocks interleaved into the key instead of concatenated.
 *
 * Written for speed: the whole Blowfish state is one Int32Array (S-boxes 0..1023, P 1024..1041)
 * so every value stays a small integer in V8; the hot loop (the S-box rewrite of
 * Blowfish_expand0state, ~98% of the work) holds the P-array in locals with all 16 rounds
 * unrolled, and allocates nothing. No platform APIs: runs in a Worker.
 */
import { sha512 } from '@noble/hashes/sha2.js';
import { BLOWFISH_P, BLOWFISH_S } from './blowfish-tables.ts';

const STATE_WORDS = 1024 + 18;
const P_OFF = 1024;
// Pure, so a bundle that imports the OpenSSH key format only to read it leaves bcrypt out.
const INITIAL_STATE = /* @__PURE__ */ Int32Array.from([...BLOWFISH_S, ...BLOWFISH_P]);
/** "OxychromaticBlowfishSwatDynamite" as 8 big-endian words. */
const MAGIC_WORDS = /* @__PURE__ */ beWords(/* @__PURE__ */ new TextEncoder().encode('OxychromaticBlowfishSwatDynamite'));
const HASH_BYTES = 32;

/** Blowfish F applied to x, with the state's S-boxes. */
function f(s: Int32Array, x: number): number {
  return (((s[x >>> 24]! + s[256 | ((x >>> 16) & 255)]!) ^ s[512 | ((x >>> 8) & 255)]!) + s[768 | (x & 255)]!) | 0;
}

/** Encrypts the block lr[0..1] in place, reading P from the state (used off the hot path). */
function encipher(s: Int32Array, lr: Int32Array, at: number): void {
  let l = lr[at]! ^ s[P_OFF]!;
  let r = lr[at + 1]!;
  for (let i = 1; i < 16; i += 2) {
    r ^= f(s, l) ^ s[P_OFF + i]!;
    l ^= f(s, r) ^ s[P_OFF + i + 1]!;
  }
  lr[at] = r ^ s[P_OFF + 17]!;
  lr[at + 1] = l;
}

/**
 * Blowfish_expandstate(state, data, key) for 64-byte data and key (16 words each, cyclic):
 * P ^= key, then P and S are rewritten by chained encryptions of the block XORed with data.
 */
function expandState(s: Int32Array, data: Int32Array, key: Int32Array, lr: Int32Array): void {
  for (let i = 0; i < 18; i++) s[P_OFF + i] = s[P_OFF + i]! ^ key[i & 15]!;
  lr[0] = 0;
  lr[1] = 0;
  let j = 0;
  for (let i = 0; i < STATE_WORDS; i += 2) {
    // P first (offsets 1024..), then the S-boxes, as in blowfish.c.
    const at = i < 18 ? P_OFF + i : i - 18;
    lr[0] ^= data[j & 15]!;
    lr[1] ^= data[(j + 1) & 15]!;
    j += 2;
    encipher(s, lr, 0);
    s[at] = lr[0]!;
    s[at + 1] = lr[1]!;
  }
}

/** Blowfish_expand0state(state, key) for a 64-byte key: the hot path. */
function expand0State(s: Int32Array, key: Int32Array, lr: Int32Array): void {
  for (let i = 0; i < 18; i++) s[P_OFF + i] = s[P_OFF + i]! ^ key[i & 15]!;
  // P is rewritten by the first nine encryptions, each using the P written so far.
  lr[0] = 0;
  lr[1] = 0;
  for (let i = 0; i < 18; i += 2) {
    encipher(s, lr, 0);
    s[P_OFF + i] = lr[0]!;
    s[P_OFF + i + 1] = lr[1]!;
  }
  // From here on P is fixed: keep it in locals for the 512 encryptions that rewrite S.
  const p0 = s[P_OFF]!,
    p1 = s[P_OFF + 1]!,
    p2 = s[P_OFF + 2]!,
    p3 = s[P_OFF + 3]!,
    p4 = s[P_OFF + 4]!;
  const p5 = s[P_OFF + 5]!,
    p6 = s[P_OFF + 6]!,
    p7 = s[P_OFF + 7]!,
    p8 = s[P_OFF + 8]!,
    p9 = s[P_OFF + 9]!;
  const p10 = s[P_OFF + 10]!,
    p11 = s[P_OFF + 11]!,
    p12 = s[P_OFF + 12]!,
    p13 = s[P_OFF + 13]!;
  const p14 = s[P_OFF + 14]!,
    p15 = s[P_OFF + 15]!,
    p16 = s[P_OFF + 16]!,
    p17 = s[P_OFF + 17]!;
  let l = lr[0]!;
  let r = lr[1]!;
  for (let k = 0; k < 1024; k += 2) {
    l ^= p0;
    r ^= (((s[l >>> 24]! + s[256 | ((l >>> 16) & 255)]!) ^ s[512 | ((l >>> 8) & 255)]!) + s[768 | (l & 255)]!) ^ p1;
    l ^= (((s[r >>> 24]! + s[256 | ((r >>> 16) & 255)]!) ^ s[512 | ((r >>> 8) & 255)]!) + s[768 | (r & 255)]!) ^ p2;
    r ^= (((s[l >>> 24]! + s[256 | ((l >>> 16) & 255)]!) ^ s[512 | ((l >>> 8) & 255)]!) + s[768 | (l & 255)]!) ^ p3;
    l ^= (((s[r >>> 24]! + s[256 | ((r >>> 16) & 255)]!) ^ s[512 | ((r >>> 8) & 255)]!) + s[768 | (r & 255)]!) ^ p4;
    r ^= (((s[l >>> 24]! + s[256 | ((l >>> 16) & 255)]!) ^ s[512 | ((l >>> 8) & 255)]!) + s[768 | (l & 255)]!) ^ p5;
    l ^= (((s[r >>> 24]! + s[256 | ((r >>> 16) & 255)]!) ^ s[512 | ((r >>> 8) & 255)]!) + s[768 | (r & 255)]!) ^ p6;
    r ^= (((s[l >>> 24]! + s[256 | ((l >>> 16) & 255)]!) ^ s[512 | ((l >>> 8) & 255)]!) + s[768 | (l & 255)]!) ^ p7;
    l ^= (((s[r >>> 24]! + s[256 | ((r >>> 16) & 255)]!) ^ s[512 | ((r >>> 8) & 255)]!) + s[768 | (r & 255)]!) ^ p8;
    r ^= (((s[l >>> 24]! + s[256 | ((l >>> 16) & 255)]!) ^ s[512 | ((l >>> 8) & 255)]!) + s[768 | (l & 255)]!) ^ p9;
    l ^= (((s[r >>> 24]! + s[256 | ((r >>> 16) & 255)]!) ^ s[512 | ((r >>> 8) & 255)]!) + s[768 | (r & 255)]!) ^ p10;
    r ^= (((s[l >>> 24]! + s[256 | ((l >>> 16) & 255)]!) ^ s[512 | ((l >>> 8) & 255)]!) + s[768 | (l & 255)]!) ^ p11;
    l ^= (((s[r >>> 24]! + s[256 | ((r >>> 16) & 255)]!) ^ s[512 | ((r >>> 8) & 255)]!) + s[768 | (r & 255)]!) ^ p12;
    r ^= (((s[l >>> 24]! + s[256 | ((l >>> 16) & 255)]!) ^ s[512 | ((l >>> 8) & 255)]!) + s[768 | (l & 255)]!) ^ p13;
    l ^= (((s[r >>> 24]! + s[256 | ((r >>> 16) & 255)]!) ^ s[512 | ((r >>> 8) & 255)]!) + s[768 | (r & 255)]!) ^ p14;
    r ^= (((s[l >>> 24]! + s[256 | ((l >>> 16) & 255)]!) ^ s[512 | ((l >>> 8) & 255)]!) + s[768 | (l & 255)]!) ^ p15;
    l ^= (((s[r >>> 24]! + s[256 | ((r >>> 16) & 255)]!) ^ s[512 | ((r >>> 8) & 255)]!) + s[768 | (r & 255)]!) ^ p16;
    const t = l;
    l = r ^ p17;
    r = t;
    s[k] = l;
    s[k + 1] = r;
  }
}

function beWords(bytes: Uint8Array): Int32Array {
  const out = new Int32Array(bytes.length >>> 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = (bytes[4 * i]! << 24) | (bytes[4 * i + 1]! << 16) | (bytes[4 * i + 2]! << 8) | bytes[4 * i + 3]!;
  }
  return out;
}

/** bcrypt_hash(sha2pass, sha2salt) → 32 bytes into `out`; `s`, `cdata`, `lr` are scratch. */
function bcryptHash(passWords: Int32Array, saltWords: Int32Array, out: Uint8Array, s: Int32Array, cdata: Int32Array, lr: Int32Array): void {
  s.set(INITIAL_STATE);
  expandState(s, saltWords, passWords, lr);
  for (let i = 0; i < 64; i++) {
    expand0State(s, saltWords, lr);
    expand0State(s, passWords, lr);
  }
  cdata.set(MAGIC_WORDS);
  for (let i = 0; i < 64; i++) {
    for (let b = 0; b < 8; b += 2) encipher(s, cdata, b);
  }
  // Words leave little-endian (bcrypt_pbkdf.c "copy out").
  for (let i = 0; i < 8; i++) {
    const w = cdata[i]!;
    out[4 * i] = w & 255;
    out[4 * i + 1] = (w >>> 8) & 255;
    out[4 * i + 2] = (w >>> 16) & 255;
    out[4 * i + 3] = w >>> 24;
  }
}

/**
 * bcrypt_pbkdf(pass, salt, rounds) → keyLen bytes, exactly as OpenSSH computes it, one bcrypt_hash
 * per step: yields the fraction done after each, returns the key (kdf.ts drives it). Throws
 * RangeError for inputs OpenSSH rejects (empty passphrase or salt, rounds < 1, keyLen > 1024).
 */
export function* bcryptPbkdfSteps(pass: Uint8Array, salt: Uint8Array, rounds: number, keyLen: number): Generator<number, Uint8Array, void> {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`bcrypt_pbkdf: rounds must be a positive integer, got ${rounds}`);
  if (pass.length === 0) throw new RangeError('bcrypt_pbkdf: the passphrase must not be empty');
  if (salt.length === 0 || salt.length > 1 << 20) throw new RangeError(`bcrypt_pbkdf: bad salt length ${salt.length}`);
  if (!Number.isInteger(keyLen) || keyLen < 1 || keyLen > HASH_BYTES * HASH_BYTES)
    throw new RangeError(`bcrypt_pbkdf: bad key length ${keyLen}`);

  const stride = Math.ceil(keyLen / HASH_BYTES);
  let amt = Math.ceil(keyLen / stride);
  const key = new Uint8Array(keyLen);
  const passWords = beWords(sha512(pass));
  const countSalt = new Uint8Array(salt.length + 4);
  countSalt.set(salt);
  const s = new Int32Array(STATE_WORDS);
  const cdata = new Int32Array(8);
  const lr = new Int32Array(2);
  const out = new Uint8Array(HASH_BYTES);
  const tmp = new Uint8Array(HASH_BYTES);
  const total = stride * rounds;
  let done = 0;
  let remaining = keyLen;

  for (let count = 1; remaining > 0; count++) {
    countSalt[salt.length] = count >>> 24;
    countSalt[salt.length + 1] = (count >>> 16) & 255;
    countSalt[salt.length + 2] = (count >>> 8) & 255;
    countSalt[salt.length + 3] = count & 255;
    // First round: the salt is salt || count; later rounds: SHA-512 of the previous output.
    bcryptHash(passWords, beWords(sha512(countSalt)), tmp, s, cdata, lr);
    out.set(tmp);
    yield ++done / total;
    for (let i = 1; i < rounds; i++) {
      bcryptHash(passWords, beWords(sha512(tmp)), tmp, s, cdata, lr);
      for (let j = 0; j < HASH_BYTES; j++) out[j] = out[j]! ^ tmp[j]!;
      yield ++done / total;
    }
    // "pbkdf2 deviation": output byte i of block `count` goes to key[i * stride + count - 1].
    amt = Math.min(amt, remaining);
    let i = 0;
    for (; i < amt; i++) {
      const dest = i * stride + (count - 1);
      if (dest >= keyLen) break;
      key[dest] = out[i]!;
    }
    remaining -= i;
  }
  return key;
}
