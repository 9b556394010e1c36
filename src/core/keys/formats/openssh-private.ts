/**
 * OpenSSH private key files, "openssh-key-v1" (OpenSSH PROTOCOL.key; sshkey.c
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
 *
 * `write` writes exactly that (key generation). `read` takes the public part, which sits before the
 * encrypted section and so needs no passphrase, and for an unencrypted file the comment (after the
 * private fields, as keys/types/* declare them). The extension never decrypts a private key; the
 * tests' decrypting reader (test/helpers/openssh-private-reader.ts) checks what we write.
 */
import { ctr } from '@noble/ciphers/aes.js';
import { SshParseError } from '../../errors.ts';
import { bcryptPbkdf } from '../../keygen/kdf.ts';
import { encodeBase64 } from '../../wire/base64.ts';
import { SshReader } from '../../wire/reader.ts';
import { SshWriter } from '../../wire/writer.ts';
import { keyTypeSpec, parseKeyBlob, type ParsedKey } from '../blob.ts';
import type { Lines } from '../lines.ts';
import { decodeBody } from './armor.ts';

export const BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
export const END = '-----END OPENSSH PRIVATE KEY-----';
export const MAGIC = 'openssh-key-v1\0';
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

/** The public key line: `type base64` plus ` comment` when there is one (as `ssh-keygen -y`). */
export function publicLine(publicBlob: Uint8Array, comment: string): string {
  const type = new SshReader(publicBlob, 'public key').ascii('key type');
  return `${type} ${encodeBase64(publicBlob)}${comment ? ` ${comment}` : ''}`;
}

export interface OpenSshPrivateInfo {
  cipher: string;
  kdf: string;
  encrypted: boolean;
  /** The first (in practice only) key's public blob. */
  publicBlob: Uint8Array;
  key: ParsedKey;
  /** Only readable when unencrypted. */
  comment?: string;
  /** `type base64[ comment]`, as `ssh-keygen -y` prints it. */
  publicLine: string;
}

/** Reads the public part of a decoded openssh-key-v1 file. */
export function readOpenSshPrivateBytes(data: Uint8Array): OpenSshPrivateInfo {
  for (let i = 0; i < MAGIC.length; i++) {
    if (data[i] !== MAGIC.charCodeAt(i)) throw new SshParseError('bad-format', 'OpenSSH private key: missing "openssh-key-v1" magic');
  }
  const r = new SshReader(data.subarray(MAGIC.length), 'OpenSSH private key');
  const cipher = r.ascii('cipher name');
  const kdf = r.ascii('kdf name');
  r.bytes('kdf options');
  const n = r.uint32('number of keys');
  if (n !== 1) throw new SshParseError('bad-format', `OpenSSH private key: holds ${n} keys, expected 1`);
  const publicBlob = r.bytes('public key');
  const key = parseKeyBlob(publicBlob);
  const section = r.bytes('private section');
  r.end();
  const encrypted = cipher !== 'none';
  if (!encrypted && kdf !== 'none') throw new SshParseError('bad-format', `OpenSSH private key: cipher "none" with kdf "${kdf}"`);
  let comment: string | undefined;
  if (!encrypted) comment = readComment(section, key.type);
  const info: OpenSshPrivateInfo = { cipher, kdf, encrypted, publicBlob, key, publicLine: publicLine(publicBlob, comment ?? '') };
  if (comment !== undefined) info.comment = comment;
  return info;
}

function readComment(section: Uint8Array, type: string): string | undefined {
  const r = new SshReader(section, 'OpenSSH private key');
  const c1 = r.uint32('check');
  const c2 = r.uint32('check');
  if (c1 !== c2) throw new SshParseError('bad-format', 'OpenSSH private key: check bytes differ');
  const t = r.ascii('key type');
  const fields = keyTypeSpec(t)?.privateFields;
  if (t !== type || !fields) return undefined;
  for (const f of fields) {
    if (f === 'flags') r.raw(1, 'flags');
    else r.bytes('private field');
  }
  return r.utf8('comment');
}

/** Reads the public part from the armored text (lines between and incl. the markers). */
export function read(lines: Lines): OpenSshPrivateInfo {
  const body: string[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (t === BEGIN || t === END) continue;
    body.push(t);
  }
  const data = decodeBody(body);
  if (!data) throw new SshParseError('bad-base64', 'OpenSSH private key: body is not valid base64');
  return readOpenSshPrivateBytes(data);
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
  let s = `${BEGIN}\n`;
  for (let i = 0; i < b64.length; i += WRAP) s += `${b64.slice(i, i + WRAP)}\n`;
  return `${s}${END}\n`;
}

function outer(parts: OpenSshPrivateKeyParts, encrypted: Uint8Array): string {
  const w = new SshWriter().raw(new TextEncoder().encode(MAGIC));
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
export async function write(parts: OpenSshPrivateKeyParts, onProgress?: (fraction: number) => void): Promise<string> {
  if (!parts.encryption) return outer(parts, innerSection(parts, 8));
  const { passphrase, salt, rounds } = parts.encryption;
  const { key, iv } = aes256CtrKey(await bcryptPbkdf(passphrase, salt, rounds, 48, onProgress));
  return outer(parts, ctr(key, iv).encrypt(innerSection(parts, 16)));
}
