/**
 * ssh.com (SSH Communications Security, Tectia) private key files, the layout PuTTY's import.c
 * reads (sshcom_read) and `puttygen -O private-sshcom` writes:
 *   ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----
 *   Comment: "…"                       RFC 4716 §3.3-style headers ("\" continues a header)
 *   base64 body
 *   ---- END SSH2 ENCRYPTED PRIVATE KEY ----
 * Body: uint32 magic 0x3f6ff9eb, uint32 total length (magic and itself included), string key
 * type ("if-modn{sign{rsa…" or "dl-modp{sign{dsa…"), string cipher ("none" or "3des-cbc"),
 * string key data. Decrypted, the key data is `string payload` (plus padding):
 *   RSA  mpint e, d, n, u, p, q
 *   DSA  uint32 0 (explicit parameters), mpint p, g, q, y, x
 * where every mpint is ssh.com's: uint32 bit count, then ceil(bits / 8) bytes big-endian.
 * The armor says ENCRYPTED even when the cipher is "none". Only the key type is outside the
 * encrypted data, so an encrypted file's public key needs the passphrase: we name the command.
 */
import { SshParseError } from '../../errors.ts';
import { SshReader } from '../../wire/reader.ts';
import { SshWriter } from '../../wire/writer.ts';
import { encodeBase64 } from '../../wire/base64.ts';
import { toBigInt } from '../../wire/bigint.ts';
import { parseKeyBlob, type ParsedKey } from '../blob.ts';
import { decodeBody, readRfc4716Armor, rfc4716Comment } from './armor.ts';
import type { Lines } from '../lines.ts';

/** Markers as found in the wild (dash count and spacing vary; some tools drop "ENCRYPTED"). */
export const BEGIN_RE = /^-{3,5}\s*BEGIN SSH2 (?:ENCRYPTED )?PRIVATE KEY\s*-{3,5}$/;
export const END_RE = /^-{3,5}\s*END SSH2 (?:ENCRYPTED )?PRIVATE KEY\s*-{3,5}$/;
/** Finds the BEGIN marker anywhere in a line (a block collapsed onto one line). */
export const BEGIN_ANYWHERE = /-{3,5}\s*BEGIN SSH2 (?:ENCRYPTED )?PRIVATE KEY/;
export const END_ANYWHERE = /-{3,5}\s*END SSH2 (?:ENCRYPTED )?PRIVATE KEY/;

const MAGIC = 0x3f6ff9eb;
/** Far above any real key (RSA 16384), so a damaged bit count cannot ask for megabytes. */
const MAX_BITS = 16384;
const WHAT = 'ssh.com private key';

export interface SshcomKeyInfo {
  /** The ssh.com algorithm string, e.g. "if-modn{sign{rsa-pkcs1-sha1},encrypt{rsa-pkcs1v2-oaep}}". */
  algorithm: string;
  /** The OpenSSH type it corresponds to, when it is one PuTTY and OpenSSH know. */
  type?: 'ssh-rsa' | 'ssh-dss';
  cipher: string;
  encrypted: boolean;
  comment: string;
  /** Unencrypted RSA/DSA only: the public key and its line `type base64[ comment]`. */
  key?: ParsedKey;
  publicLine?: string;
}

/** The OpenSSH type of an ssh.com algorithm string (PuTTY matches these prefixes, too). */
function openSshType(algorithm: string): 'ssh-rsa' | 'ssh-dss' | undefined {
  if (algorithm.startsWith('if-modn{sign{rsa')) return 'ssh-rsa';
  if (algorithm.startsWith('dl-modp{sign{dsa')) return 'ssh-dss';
  return undefined;
}

/** An ssh.com mpint: uint32 bit count, then ceil(bits / 8) bytes, big-endian, unsigned. */
function mpint(r: SshReader, field: string): Uint8Array {
  const bits = r.uint32(`${field} bit count`);
  if (bits > MAX_BITS) throw new SshParseError('bad-mpint', `${WHAT}: ${field} claims ${bits} bits`);
  const bytes = r.raw((bits + 7) >>> 3, field);
  let top = 0;
  while (top < bytes.length && bytes[top] === 0) top++;
  const actual = top === bytes.length ? 0 : (bytes.length - top - 1) * 8 + (32 - Math.clz32(bytes[top] as number));
  if (actual > bits) throw new SshParseError('bad-mpint', `${WHAT}: ${field} is longer than its ${bits}-bit count`);
  return bytes;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % mod;
    b = (b * b) % mod;
  }
  return r;
}

/** The OpenSSH public blob (RFC 4253 §6.6) of the decrypted payload; checks the numbers agree. */
function publicBlob(type: 'ssh-rsa' | 'ssh-dss', payload: Uint8Array): Uint8Array {
  const r = new SshReader(payload, WHAT);
  if (type === 'ssh-rsa') {
    const e = mpint(r, 'e');
    mpint(r, 'd');
    const n = mpint(r, 'n');
    mpint(r, 'u');
    const p = mpint(r, 'p');
    const q = mpint(r, 'q');
    if (toBigInt(p) * toBigInt(q) !== toBigInt(n)) throw new SshParseError('bad-format', `${WHAT}: p × q is not n`);
    return new SshWriter().string(type).mpint(e).mpint(n).toBytes();
  }
  if (r.uint32('DSA parameter kind') !== 0) throw new SshParseError('unsupported', `${WHAT}: predefined DSA parameters are not supported`);
  const p = mpint(r, 'p');
  const g = mpint(r, 'g');
  const q = mpint(r, 'q');
  const y = mpint(r, 'y');
  const x = mpint(r, 'x');
  if (toBigInt(p) === 0n || modPow(toBigInt(g), toBigInt(x), toBigInt(p)) !== toBigInt(y))
    throw new SshParseError('bad-format', `${WHAT}: y is not g^x mod p`);
  return new SshWriter().string(type).mpint(p).mpint(q).mpint(g).mpint(y).toBytes();
}

/** Reads a decoded ssh.com key body; derives the public key when unencrypted. */
export function readSshcomBytes(data: Uint8Array, comment = ''): SshcomKeyInfo {
  const r = new SshReader(data, WHAT);
  if (r.uint32('magic') !== MAGIC) throw new SshParseError('bad-format', `${WHAT}: missing magic number 0x3f6ff9eb`);
  const total = r.uint32('total length');
  if (total !== data.length) throw new SshParseError('truncated', `${WHAT}: says ${total} bytes, holds ${data.length}`);
  const algorithm = r.ascii('key type');
  const cipher = r.ascii('cipher name');
  const keyData = r.bytes('key data');
  r.end();
  const type = openSshType(algorithm);
  const encrypted = cipher !== 'none';
  const info: SshcomKeyInfo = { algorithm, cipher, encrypted, comment };
  if (type) info.type = type;
  if (encrypted || !type) return info;
  const inner = new SshReader(keyData, WHAT);
  const blob = publicBlob(type, inner.bytes('payload'));
  info.key = parseKeyBlob(blob);
  const base = `${type} ${encodeBase64(blob)}`;
  info.publicLine = comment ? `${base} ${comment}` : base;
  return info;
}

/** Reads the armored text (BEGIN line to END line; END may be missing). */
export function read(lines: Lines): SshcomKeyInfo {
  const { headers, body } = readRfc4716Armor(lines, BEGIN_RE, END_RE, WHAT);
  const data = decodeBody(body);
  if (!data) throw new SshParseError('bad-base64', `${WHAT}: body is not valid base64`);
  return readSshcomBytes(data, rfc4716Comment(headers));
}

/** The command that prints the public key of an ssh.com file (PuTTY imports it; it asks for the passphrase). */
export function publicKeyCommand(type: 'ssh-rsa' | 'ssh-dss' | undefined): string {
  return `puttygen ${type === 'ssh-dss' ? '~/.ssh/id_dsa' : '~/.ssh/id_rsa'} -O public-openssh`;
}
