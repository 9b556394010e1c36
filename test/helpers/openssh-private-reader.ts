/**
 * A decrypting reader of openssh-key-v1 files (OpenSSH PROTOCOL.key; sshkey.c sshkey_parse_private2),
 * for tests only: it reads back what keygen writes, and every cipher `ssh-keygen -Z` offers except
 * 3des-cbc (AES-CTR/CBC, AES-GCM, chacha20-poly1305), so files ssh-keygen wrote can be re-written
 * byte for byte. ssh-keygen stays the oracle; the extension itself never decrypts a private key.
 */
import { cbc, ctr, gcm } from '@noble/ciphers/aes.js';
import { chacha20orig } from '@noble/ciphers/chacha.js';
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { SshParseError } from '../../src/core/errors.ts';
import { decodeBase64 } from '../../src/core/wire/base64.ts';
import { SshReader } from '../../src/core/wire/reader.ts';
import { bcryptPbkdf } from '../../src/core/keygen/kdf.ts';
import { keyTypeSpec } from '../../src/core/keys/blob.ts';
import {
  BEGIN,
  END,
  MAGIC,
  publicLine,
  type Encryption,
  type OpenSshPrivateKeyParts,
} from '../../src/core/keys/formats/openssh-private.ts';
import { ed25519PublicBlob } from '../../src/core/keys/types/ed25519.ts';

/** Reading refuses absurd round counts (a damaged or hostile file must not hang a test). */
export const MAX_READ_ROUNDS = 1024;

export interface ParsedOpenSshPrivateKey extends OpenSshPrivateKeyParts {
  type: string;
  /** `type base64 [comment]`, as `ssh-keygen -y -f` prints it. */
  publicLine: string;
  cipher: string;
  /** ed25519 only: the 32-byte seed. */
  seed?: Uint8Array;
}

interface CipherSpec {
  keyLen: number;
  ivLen: number;
  block: number;
  /** Bytes of authentication tag after the encrypted string (AEAD ciphers). */
  authLen: number;
  /** Decrypts; null when the tag does not verify (which means a wrong passphrase). */
  decrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array, tag: Uint8Array): Uint8Array | null;
}

const aesCtr = (keyLen: number): CipherSpec => ({ keyLen, ivLen: 16, block: 16, authLen: 0, decrypt: (k, iv, d) => ctr(k, iv).decrypt(d) });
const aesCbc = (keyLen: number): CipherSpec => ({
  keyLen,
  ivLen: 16,
  block: 16,
  authLen: 0,
  decrypt: (k, iv, d) => cbc(k, iv, { disablePadding: true }).decrypt(d),
});
/** aes*-gcm@openssh.com (RFC 5647 as OpenSSH does it): 12-byte IV, 16-byte tag, no AAD here. */
const aesGcm = (keyLen: number): CipherSpec => ({
  keyLen,
  ivLen: 12,
  block: 16,
  authLen: 16,
  decrypt: (k, iv, d, tag) => {
    const sealed = new Uint8Array(d.length + tag.length);
    sealed.set(d);
    sealed.set(tag, d.length);
    try {
      return gcm(k, iv).decrypt(sealed);
    } catch {
      return null;
    }
  },
});
/**
 * chacha20-poly1305@openssh.com (PROTOCOL.chacha20poly1305) with sequence number 0 and no length
 * header: the Poly1305 key is ChaCha20(K_main, nonce 0, block 0); the payload uses blocks 1….
 */
const chachaPoly: CipherSpec = {
  keyLen: 64,
  ivLen: 0,
  block: 8,
  authLen: 16,
  decrypt: (k, _iv, d, tag) => {
    const mainKey = k.subarray(0, 32);
    const nonce = new Uint8Array(8);
    const polyKey = chacha20orig(mainKey, nonce, new Uint8Array(32));
    const expected = poly1305(d, polyKey);
    let diff = 0;
    for (let i = 0; i < 16; i++) diff |= expected[i]! ^ tag[i]!;
    return diff === 0 ? chacha20orig(mainKey, nonce, d, undefined, 1) : null;
  },
};

/** Every cipher `ssh-keygen -Z` can write except 3des-cbc. */
const CIPHERS: Record<string, CipherSpec> = {
  'aes128-ctr': aesCtr(16),
  'aes192-ctr': aesCtr(24),
  'aes256-ctr': aesCtr(32),
  'aes128-cbc': aesCbc(16),
  'aes192-cbc': aesCbc(24),
  'aes256-cbc': aesCbc(32),
  'aes128-gcm@openssh.com': aesGcm(16),
  'aes256-gcm@openssh.com': aesGcm(32),
  'chacha20-poly1305@openssh.com': chachaPoly,
};

/** Extracts and decodes the base64 body between the armour lines (whitespace and CRLF tolerated). */
function unarmor(text: string): Uint8Array {
  const begin = text.indexOf(BEGIN);
  if (begin < 0) throw new SshParseError('bad-format', `Not an OpenSSH private key: the "${BEGIN}" line is missing`);
  const end = text.indexOf(END, begin + BEGIN.length);
  if (end < 0) throw new SshParseError('truncated', `The OpenSSH private key is cut off: the "${END}" line is missing`);
  const body = text.slice(begin + BEGIN.length, end).replace(/[ \t\r\n]+/g, '');
  if (body.length === 0) throw new SshParseError('truncated', 'The OpenSSH private key is empty between its BEGIN and END lines');
  const bytes = decodeBase64(body);
  if (!bytes) throw new SshParseError('bad-base64', 'The OpenSSH private key is damaged: its body is not valid base64');
  return bytes;
}

interface Envelope {
  cipher: string;
  kdf: string;
  salt?: Uint8Array;
  rounds?: number;
  publicBlob: Uint8Array;
  encrypted: Uint8Array;
  tag: Uint8Array;
}

function readEnvelope(bytes: Uint8Array): Envelope {
  if (bytes.length < MAGIC.length || [...MAGIC].some((c, i) => bytes[i] !== c.charCodeAt(0))) {
    throw new SshParseError('bad-format', 'Not an OpenSSH private key: the data does not start with "openssh-key-v1"');
  }
  const r = new SshReader(bytes.subarray(MAGIC.length), 'The OpenSSH private key');
  const cipher = r.ascii('cipher name');
  const kdf = r.ascii('KDF name');
  const kdfOptions = r.bytes('KDF options');
  const nkeys = r.uint32('key count');
  if (nkeys !== 1)
    throw new SshParseError(
      'unsupported',
      `The OpenSSH private key file holds ${nkeys} keys; only files with exactly one key are supported`,
    );
  const publicBlob = r.bytes('public key');
  const encrypted = r.bytes('private section');
  const spec = CIPHERS[cipher];
  if (!spec && cipher !== 'none') {
    throw new SshParseError(
      'unsupported',
      `Private keys encrypted with "${cipher}" are not supported; convert it with "ssh-keygen -p -Z aes256-ctr -f <file>"`,
    );
  }
  const tag = r.raw(spec?.authLen ?? 0, 'authentication tag');
  r.end();
  const env: Envelope = { cipher, kdf, publicBlob, encrypted, tag };

  if (cipher === 'none') {
    if (kdf !== 'none' || kdfOptions.length !== 0)
      throw new SshParseError('bad-format', `The OpenSSH private key is inconsistent: cipher "none" with KDF "${kdf}"`);
    if (encrypted.length % 8 !== 0)
      throw new SshParseError(
        'bad-length',
        `The OpenSSH private key is damaged: its private section (${encrypted.length} bytes) is not a multiple of 8 bytes`,
      );
    return env;
  }
  if (kdf !== 'bcrypt') throw new SshParseError('unsupported', `The private key's KDF "${kdf}" is not supported (only bcrypt)`);
  const k = new SshReader(kdfOptions, "The private key's KDF options");
  env.salt = k.bytes('salt');
  env.rounds = k.uint32('rounds');
  k.end();
  if (env.salt.length === 0) throw new SshParseError('bad-format', "The private key's KDF salt is empty");
  if (env.rounds === 0) throw new SshParseError('bad-format', "The private key's KDF rounds are 0");
  if (env.rounds > MAX_READ_ROUNDS)
    throw new SshParseError(
      'unsupported',
      `The private key asks for ${env.rounds} bcrypt rounds; more than ${MAX_READ_ROUNDS} would take minutes here, so use ssh-keygen for it`,
    );
  const block = spec!.block; // known: unknown ciphers were refused above
  if (encrypted.length % block !== 0) {
    throw new SshParseError(
      'bad-length',
      `The OpenSSH private key is damaged: its encrypted section (${encrypted.length} bytes) is not a multiple of ${block} bytes`,
    );
  }
  return env;
}

const BAD_PASSPHRASE = 'Incorrect passphrase: it does not decrypt this private key';

function decrypt(env: Envelope, material: Uint8Array): Uint8Array {
  const spec = CIPHERS[env.cipher]!;
  const plain = spec.decrypt(material.subarray(0, spec.keyLen), material.subarray(spec.keyLen), env.encrypted, env.tag);
  if (!plain) throw new SshParseError('bad-passphrase', BAD_PASSPHRASE);
  return plain;
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Parses the decrypted section: check ints, key, comment, padding; cross-checks the public key. */
function readInner(env: Envelope, inner: Uint8Array, encryption: Encryption | undefined): ParsedOpenSshPrivateKey {
  const r = new SshReader(inner, 'The private key');
  const check1 = r.uint32('check integer');
  const check2 = r.uint32('check integer');
  if (check1 !== check2) {
    if (encryption) throw new SshParseError('bad-passphrase', BAD_PASSPHRASE);
    throw new SshParseError('bad-format', 'The OpenSSH private key is damaged: its check integers differ');
  }
  const keyStart = r.offset;
  const type = r.ascii('key type');
  const pubType = new SshReader(env.publicBlob, "The private key's public key").ascii('key type');
  if (type !== pubType)
    throw new SshParseError('bad-type', `The private key is damaged: its private part is "${type}" but its public part is "${pubType}"`);
  const fields = keyTypeSpec(type)?.privateFields;
  if (!fields)
    throw new SshParseError(
      'unsupported',
      `Private keys of type "${type}" are not supported here; run "ssh-keygen -y -f <file>" to get the public key`,
    );
  const values: Uint8Array[] = [];
  for (const f of fields) {
    if (f === 'flags') r.raw(1, 'flags');
    else values.push(r.bytes('private key field'));
  }
  const privateKey = inner.slice(keyStart, r.offset);
  const comment = new TextDecoder('utf-8').decode(r.bytes('comment'));
  const padding = r.raw(r.remaining, 'padding');
  if (!padding.every((b, i) => b === ((i + 1) & 255)))
    throw new SshParseError('bad-format', 'The OpenSSH private key is damaged: its padding is not 1, 2, 3, …');

  let seed: Uint8Array | undefined;
  if (type === 'ssh-ed25519') {
    const [pk, sk] = values as [Uint8Array, Uint8Array];
    if (pk.length !== 32 || sk.length !== 64)
      throw new SshParseError('bad-length', 'The ed25519 private key is damaged: wrong key lengths');
    seed = sk.slice(0, 32);
    const derived = ed25519.getPublicKey(seed);
    if (!equalBytes(sk.subarray(32), pk) || !equalBytes(derived, pk) || !equalBytes(ed25519PublicBlob(pk), env.publicBlob)) {
      throw new SshParseError('bad-point', 'The ed25519 private key does not match its public key');
    }
  }
  const parsed: ParsedOpenSshPrivateKey = {
    type,
    publicBlob: env.publicBlob.slice(),
    privateKey,
    comment,
    checkInt: check1,
    cipher: env.cipher,
    publicLine: publicLine(env.publicBlob, comment),
  };
  if (encryption) parsed.encryption = encryption;
  if (seed) parsed.seed = seed;
  return parsed;
}

/**
 * Reads an OpenSSH private key file (unencrypted or bcrypt + AES). Throws SshParseError only:
 * 'needs-passphrase' when encrypted and no passphrase was given, 'bad-passphrase' when the check
 * integers disagree after decryption, and specific codes for damaged files.
 */
export async function parseOpenSshPrivateKey(text: string, passphrase?: string): Promise<ParsedOpenSshPrivateKey> {
  const env = readEnvelope(unarmor(text));
  if (env.cipher === 'none') return readInner(env, env.encrypted, undefined);
  if (!passphrase) throw new SshParseError('needs-passphrase', 'This private key is protected by a passphrase: enter it to read the key');
  const spec = CIPHERS[env.cipher]!;
  const encryption: Encryption = { passphrase: new TextEncoder().encode(passphrase), salt: env.salt!.slice(), rounds: env.rounds! };
  const material = await bcryptPbkdf(encryption.passphrase, encryption.salt, encryption.rounds, spec.keyLen + spec.ivLen);
  return readInner(env, decrypt(env, material), encryption);
}

/**
 * Reads an OpenSSH private key file and returns its public key line (as `ssh-keygen -y -f` prints
 * it), comment, and for ed25519 the seed. Throws only SshParseError.
 */
export async function readOpenSshPrivateKey(
  text: string,
  passphrase?: string,
): Promise<{ publicKey: string; comment: string; seed?: Uint8Array }> {
  try {
    const key = await parseOpenSshPrivateKey(text, passphrase);
    return key.seed
      ? { publicKey: key.publicLine, comment: key.comment, seed: key.seed }
      : { publicKey: key.publicLine, comment: key.comment };
  } catch (error) {
    if (error instanceof SshParseError) throw error;
    throw new SshParseError(
      'bad-format',
      `The OpenSSH private key could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
