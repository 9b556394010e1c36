/**
 * Key generation in OpenSSH's exact formats: ed25519 key pairs, the openssh-key-v1 private key
 * file (plain or bcrypt_pbkdf + aes256-ctr), a reader for it, and the command that installs the
 * downloaded files into ~/.ssh.
 */
import { SshParseError } from '../errors.ts';
import { parseOpenSshPrivateKey } from './openssh-private.ts';

export { generateKey, commentProblem, type GenerateKeyProgressOptions } from './generate.ts';
export { bcryptPbkdf, bcryptPbkdfSteps } from './bcrypt-pbkdf.ts';
export { bcryptPbkdfAsync } from './kdf.ts';
export { installCommand } from './install.ts';
export { DEFAULT_ROUNDS } from './openssh-private.ts';

/**
 * Reads an OpenSSH private key file and returns its public key line (as `ssh-keygen -y -f` prints
 * it), comment, and for ed25519 the seed. Throws only SshParseError: 'needs-passphrase',
 * 'bad-passphrase', or a specific code for a damaged file.
 */
export async function readOpenSshPrivateKey(text: string, passphrase?: string): Promise<{ publicKey: string; comment: string; seed?: Uint8Array }> {
  try {
    const key = await parseOpenSshPrivateKey(text, passphrase);
    return key.seed ? { publicKey: key.publicLine, comment: key.comment, seed: key.seed } : { publicKey: key.publicLine, comment: key.comment };
  } catch (error) {
    if (error instanceof SshParseError) throw error;
    // Defensive: a library error on hostile input still surfaces as the one typed error.
    throw new SshParseError('bad-format', `The OpenSSH private key could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Deterministic writer/reader of the whole file (salt, rounds, check integer as parameters).
export { writeOpenSshPrivateKey, parseOpenSshPrivateKey, type OpenSshPrivateKeyParts, type ParsedOpenSshPrivateKey } from './openssh-private.ts';
