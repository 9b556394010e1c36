/**
 * Browser stand-in for Node's `crypto`, for sshpk inside the lazily loaded adapter chunk (aliased
 * in vite.config.ts; Node uses the real module). Only hashing and random bytes: the adapter reads
 * public keys and unencrypted private keys, so sign/verify/ciphers are never reached.
 */
import { Buffer } from 'buffer';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

interface Hash {
  create(): { update(b: Uint8Array): unknown; digest(): Uint8Array };
}
const HASHES: Record<string, Hash> = { md5, sha1, sha256, sha384, sha512 };

type Data = string | Uint8Array;
const bytes = (d: Data, enc?: string): Uint8Array => (typeof d === 'string' ? Buffer.from(d, (enc ?? 'utf8') as 'utf8') : d);

export function createHash(alg: string) {
  const h = HASHES[alg.toLowerCase()];
  if (!h) throw new Error(`Digest method not supported: ${alg}`);
  const state = h.create();
  return {
    update(data: Data, enc?: string) {
      state.update(bytes(data, enc));
      return this;
    },
    digest(enc?: string): Buffer | string {
      const out = Buffer.from(state.digest());
      return enc ? out.toString(enc as 'hex') : out;
    },
  };
}

export function randomBytes(n: number): Buffer {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
  return Buffer.from(b);
}

const unavailable = (name: string) => () => {
  throw new Error(`crypto.${name} is not available in this build`);
};
export const createHmac = unavailable('createHmac');
export const createSign = unavailable('createSign');
export const createVerify = unavailable('createVerify');
export const createCipheriv = unavailable('createCipheriv');
export const createDecipheriv = unavailable('createDecipheriv');
export const createDiffieHellman = unavailable('createDiffieHellman');

export default { createHash, randomBytes, createHmac, createSign, createVerify, createCipheriv, createDecipheriv, createDiffieHellman };
