/**
 * OpenSSH private key files, PROTOCOL.key ("openssh-key-v1"):
 *   "openssh-key-v1\0", string ciphername, string kdfname, string kdfoptions, uint32 number of keys,
 *   string publickey (× N), string encrypted section.
 * The public keys sit before the encrypted section, so they can be read from an encrypted file
 * without the passphrase. For an unencrypted file we also read the comment (after the private
 * fields, as keys/types/* declare them). keygen/openssh-private.ts writes the format; only the tests
 * decrypt it (test/helpers/openssh-private-reader.ts).
 */
import { SshParseError } from '../../errors.ts';
import { SshReader } from '../../wire/reader.ts';
import { encodeBase64 } from '../../wire/base64.ts';
import { keyTypeSpec, parseKeyBlob, type ParsedKey } from '../blob.ts';
import { decodeBody } from './armor.ts';
import type { Lines } from '../lines.ts';

export const BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
export const END = '-----END OPENSSH PRIVATE KEY-----';
const MAGIC = 'openssh-key-v1\0';

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
  const base = `${key.type} ${encodeBase64(publicBlob)}`;
  const info: OpenSshPrivateInfo = { cipher, kdf, encrypted, publicBlob, key, publicLine: comment ? `${base} ${comment}` : base };
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
