/**
 * ed25519 key generation (RFC 8032 §5.1.5 via @noble/curves; RFC 8709 for the SSH encoding),
 * producing exactly what `ssh-keygen -t ed25519 [-N pass] [-a rounds] -C comment` writes:
 * the openssh-key-v1 private key file, the public key line, its SHA256 fingerprint and randomart.
 * Randomness: crypto.getRandomValues (seed, check integer, salt).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { fingerprintSha256 } from '../keys/fingerprint.ts';
import { randomart } from '../keys/randomart.ts';
import type { GenerateKeyOptions, GeneratedKey } from '../types.ts';
import {
  DEFAULT_ROUNDS,
  SALT_LEN,
  publicLine,
  write as writeOpenSshPrivateKey,
  type OpenSshPrivateKeyParts,
} from '../keys/formats/openssh-private.ts';
import { ed25519PrivateKey, ed25519PublicBlob } from '../keys/types/ed25519.ts';

export interface GenerateKeyProgressOptions extends GenerateKeyOptions {
  /** Called with 0 < fraction ≤ 1 as bcrypt_pbkdf advances (only when a passphrase is set). */
  onProgress?: (fraction: number) => void;
}

/** Why a comment cannot be used, or null. The public key is one line, so no line breaks. */
export function commentProblem(comment: string): string | null {
  return /[\r\n\0]/.test(comment) ? 'The comment must be a single line of text.' : null;
}

export async function generateKey(opts: GenerateKeyProgressOptions = {}): Promise<GeneratedKey> {
  const comment = opts.comment ?? '';
  const problem = commentProblem(comment);
  if (problem) throw new TypeError(problem);
  const rounds = opts.rounds ?? DEFAULT_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);

  const seed = crypto.getRandomValues(new Uint8Array(32));
  const pk = ed25519.getPublicKey(seed);
  const publicBlob = ed25519PublicBlob(pk);
  const parts: OpenSshPrivateKeyParts = {
    publicBlob,
    privateKey: ed25519PrivateKey(seed, pk),
    comment,
    checkInt: crypto.getRandomValues(new Uint32Array(1))[0]!,
  };
  // ssh-keygen treats an empty passphrase as "no encryption".
  if (opts.passphrase) {
    parts.encryption = {
      passphrase: new TextEncoder().encode(opts.passphrase),
      salt: crypto.getRandomValues(new Uint8Array(SALT_LEN)),
      rounds,
    };
  }
  let privateKey: string;
  try {
    privateKey = await writeOpenSshPrivateKey(parts, opts.onProgress);
  } finally {
    // Best effort (JS strings cannot be wiped): the raw secret bytes do not outlive the call.
    seed.fill(0);
    parts.privateKey.fill(0);
    parts.encryption?.passphrase.fill(0);
  }
  return {
    privateKey,
    publicKey: publicLine(publicBlob, comment),
    fingerprint: fingerprintSha256(publicBlob),
    randomart: randomart(publicBlob, { label: 'ED25519', bits: 256 }),
  };
}
