/**
 * The OpenSSH private key file, "openssh-key-v1" (OpenSSH PROTOCOL.key; sshkey.c
 * `sshkey_private_to_blob2` / `sshkey_parse_private2`):
 *
 *   "-----BEGIN OPENSSH PRIVATE KEY-----\n" base64 (70 columns) "-----END OPENSSH PRIVATE KEY-----\n"
 *   "openssh-key-v1\0" string ciphername, string kdfname, string kdfoptions, uint32 nkeys (= 1),
 *   string publickey, string encrypted( uint32 checkint, uint32 checkint, string keytype,
 *   private fields…, string comment, padding 1,2,3,… to the cipher block size )
 *
 * Unencrypted: cipher and kdf "none", empty kdfoptions, block size 8. Encrypted (ssh-keygen's
 * default): "aes256-ctr" keyed by bcrypt_pbkdf(passphrase, salt, rounds) → 32-byte key ‖ 16-byte IV,
 * kdfoptions = string salt (16 bytes), uint32 rounds; block size 16. The two check integers are
 * equal random numbers: after decryption they tell a wrong passphrase from a right one.
 * We write exactly that. Reading the public part is keys/formats/openssh-private.ts's; the tests'
 * decrypting reader (test/helpers/openssh-private-reader.ts) checks what we write.
 */
import { ctr } from '@noble/ciphers/aes.js';
import { encodeBase64 } from '../wire/base64.ts';
import { SshReader } from '../wire/reader.ts';
import { SshWriter } from '../wire/writer.ts';
import { bcryptPbkdf } from './kdf.ts';

export const BEGIN_MARK = '-----BEGIN OPENSSH PRIVATE KEY-----';
export const END_MARK = '-----END OPENSSH PRIVATE KEY-----';
export const AUTH_MAGIC = new TextEncoder().encode('openssh-key-v1\0');
/** OpenSSH wraps the base64 body at 70 columns (sshkey.c: sshbuf_dtob64(…, 70)). */
const WRAP = 70;
/** ssh-keygen's bcrypt_pbkdf rounds since OpenSSH 9.4 (DEFAULT_ROUNDS, was 16). */
export const DEFAULT_ROUNDS = 24;
export const SALT_LEN = 16;

export interface Encryption {
  passphrase: Uint8Array;
  salt: Uint8Array;
  rounds: number;
}

/** Everything that determines the file's bytes: the writer's input. */
export interface OpenSshPrivateKeyParts {
  /** The public key blob (RFC 4253 §6.6). */
  publicBlob: Uint8Array;
  /** `string keytype` followed by the private fields, as serialised inside the encrypted section. */
  privateKey: Uint8Array;
  comment: string;
  checkInt: number;
  /** bcrypt_pbkdf + aes256-ctr when set, else unencrypted. */
  encryption?: Encryption;
}

/** `string "ssh-ed25519", string pk` — the public blob of an ed25519 key (RFC 8709 §4). */
export function ed25519PublicBlob(pk: Uint8Array): Uint8Array {
  return new SshWriter().string('ssh-ed25519').bytes(pk).toBytes();
}

/** `string "ssh-ed25519", string pk, string seed ‖ pk` — the private section of an ed25519 key. */
export function ed25519PrivateKey(seed: Uint8Array, pk: Uint8Array): Uint8Array {
  const sk = new Uint8Array(64);
  sk.set(seed);
  sk.set(pk, 32);
  return new SshWriter().string('ssh-ed25519').bytes(pk).bytes(sk).toBytes();
}

/** The public key line: `type base64` plus ` comment` when there is one (as `ssh-keygen -y`). */
export function publicLine(publicBlob: Uint8Array, comment: string): string {
  const type = new SshReader(publicBlob, 'public key').ascii('key type');
  return `${type} ${encodeBase64(publicBlob)}${comment ? ` ${comment}` : ''}`;
}

/** The unencrypted inner section: check ints, key, comment, padding 1,2,3… to `block`. */
function innerSection(parts: OpenSshPrivateKeyParts, block: number): Uint8Array {
  const w = new SshWriter().uint32(parts.checkInt).uint32(parts.checkInt).raw(parts.privateKey).string(parts.comment);
  const body = w.toBytes();
  const padLen = (block - (body.length % block)) % block;
  const out = new Uint8Array(body.length + padLen);
  out.set(body);
  for (let i = 0; i < padLen; i++) out[body.length + i] = i + 1;
  return out;
}

/** The armoured file: header line, base64 wrapped at 70 columns, footer line, final newline. */
function armor(bytes: Uint8Array): string {
  const b64 = encodeBase64(bytes);
  let s = `${BEGIN_MARK}\n`;
  for (let i = 0; i < b64.length; i += WRAP) s += `${b64.slice(i, i + WRAP)}\n`;
  return `${s}${END_MARK}\n`;
}

function outer(parts: OpenSshPrivateKeyParts, encrypted: Uint8Array): string {
  const w = new SshWriter().raw(AUTH_MAGIC);
  if (parts.encryption) {
    const kdfOptions = new SshWriter().bytes(parts.encryption.salt).uint32(parts.encryption.rounds).toBytes();
    w.string('aes256-ctr').string('bcrypt').bytes(kdfOptions);
  } else {
    w.string('none').string('none').bytes(new Uint8Array(0));
  }
  w.uint32(1).bytes(parts.publicBlob).bytes(encrypted);
  return armor(w.toBytes());
}

function aes256CtrKey(material: Uint8Array): { key: Uint8Array; iv: Uint8Array } {
  return { key: material.subarray(0, 32), iv: material.subarray(32, 48) };
}

/**
 * Writes the file from explicit parts (salt, rounds and check integer included) — deterministic,
 * so a file ssh-keygen wrote can be re-written byte for byte. Yields to the event loop during
 * bcrypt_pbkdf (kdf.ts).
 */
export async function writeOpenSshPrivateKey(parts: OpenSshPrivateKeyParts, onProgress?: (fraction: number) => void): Promise<string> {
  if (!parts.encryption) return outer(parts, innerSection(parts, 8));
  const { passphrase, salt, rounds } = parts.encryption;
  const { key, iv } = aes256CtrKey(await bcryptPbkdf(passphrase, salt, rounds, 48, onProgress));
  return outer(parts, ctr(key, iv).encrypt(innerSection(parts, 16)));
}
