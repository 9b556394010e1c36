/**
 * Key fingerprints exactly as `ssh-keygen -l -E sha256|md5` prints them (sshkey_fingerprint):
 * `SHA256:` + unpadded base64 of SHA-256(blob); `MD5:` + colon-separated lowercase hex.
 * Synchronous (@noble/hashes) so the field analysis can run on every keystroke.
 * A certificate is fingerprinted by the plain key it certifies, as OpenSSH does (force_plain).
 */
// SHA-256 from @noble/hashes (audited, sync): analysis is synchronous, so WebCrypto's async digest does not fit.
import { sha256 } from '@noble/hashes/sha2.js';
import { md5 } from '@noble/hashes/legacy.js';
import { encodeBase64 } from '../wire/base64.ts';
import { plainKeyBlob } from './blob.ts';

/** SHA-256 of the (plain) key blob; throws SshParseError only for a malformed certificate. */
export function sha256Digest(blob: Uint8Array): Uint8Array {
  return sha256(plainKeyBlob(blob));
}
export function md5Digest(blob: Uint8Array): Uint8Array {
  return md5(plainKeyBlob(blob));
}

export function fingerprintSha256(blob: Uint8Array): string {
  return `SHA256:${encodeBase64(sha256Digest(blob), false)}`;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function fingerprintMd5(blob: Uint8Array): string {
  const d = md5Digest(blob);
  let s = 'MD5:';
  for (let i = 0; i < d.length; i++) s += (i ? ':' : '') + HEX[d[i] as number]!;
  return s;
}
