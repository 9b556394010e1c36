/**
 * SSH public key blobs: the bytes inside the base64 of an OpenSSH public key line.
 * Every blob starts with `string type` (RFC 4253 §6.6); the rest is read by the type's own module
 * (types/*: RFC 8709 ed25519, RFC 4253 rsa/dss, RFC 5656 ecdsa, PROTOCOL.u2f sk-*,
 * PROTOCOL.certkeys certificates). Lengths are checked, trailing bytes rejected, and every failure
 * is an SshParseError with an exact message.
 */
import { SshParseError } from '../errors.ts';
import { SshReader } from '../wire/reader.ts';
import { buildTable } from './types/index.ts';
import { escapeName } from './types/ecdsa.ts';
import type { KeyTypeSpec, ParsedKey } from './types/spec.ts';

export type { CertificateInfo, ParsedKey } from './types/spec.ts';

const TABLE: Map<string, KeyTypeSpec> = buildTable((b) => parseKeyBlob(b));

/** Every public key type word OpenSSH knows (plain keys and certificates). */
export const KNOWN_KEY_TYPES: readonly string[] = [...TABLE.keys()];

/** The type's table entry, or undefined. */
export function keyTypeSpec(type: string): KeyTypeSpec | undefined {
  return TABLE.get(type);
}

function typeName(raw: Uint8Array): string {
  // Type names are short ASCII; anything longer than 64 bytes is not one we know.
  return String.fromCharCode.apply(null, raw.length > 64 ? Array.from(raw.subarray(0, 64)) : (raw as unknown as number[]));
}

/** Reads one key at the start of `blob`; returns it and the bytes consumed. */
function readKey(blob: Uint8Array): [ParsedKey, SshReader] {
  const raw = new SshReader(blob, 'key data').bytes('key type');
  const type = typeName(raw);
  const spec = raw.length <= 64 ? TABLE.get(type) : undefined;
  if (!spec) {
    if (raw.length === 0) throw new SshParseError('bad-type', 'key type is empty');
    throw new SshParseError('bad-type', `unknown key type "${escapeName(type)}${raw.length > 64 ? '…' : ''}"`);
  }
  // A view after the type string, so messages name the type: "ssh-rsa key is truncated: …".
  const r = new SshReader(blob.subarray(4 + raw.length), `${type} key`);
  const res = spec.read(r);
  const key: ParsedKey = {
    type,
    bits: typeof res === 'number' ? res : res.bits,
    certificate: spec.certificate,
    label: spec.label,
    supported: spec.supported,
  };
  if (typeof res !== 'number' && res.cert) key.cert = res.cert;
  return [key, r];
}

/** Parses one complete public key blob; throws SshParseError (exact messages) on anything else. */
export function parseKeyBlob(blob: Uint8Array): ParsedKey {
  const [key, r] = readKey(blob);
  r.end();
  return key;
}

/**
 * Byte length of ONE complete, valid key blob of a known type at the start of `bytes`, else null.
 * Used to split keys whose base64 got glued together.
 */
export function blobLength(bytes: Uint8Array): number | null {
  try {
    const [key, r] = readKey(bytes);
    return 4 + key.type.length + r.offset;
  } catch (e) {
    if (e instanceof SshParseError) return null;
    throw e;
  }
}

const CERT_SUFFIX = '-cert-v01@openssh.com';

/** True when the blob's type string ends in `-cert-v01@openssh.com` (no full parse). */
function isCertificateBlob(blob: Uint8Array): boolean {
  if (blob.length < 4) return false;
  const len = ((blob[0]! << 24) | (blob[1]! << 16) | (blob[2]! << 8) | blob[3]!) >>> 0;
  if (len < CERT_SUFFIX.length || len > 64 || 4 + len > blob.length) return false;
  const end = 4 + len;
  for (let i = 0; i < CERT_SUFFIX.length; i++) {
    if (blob[end - CERT_SUFFIX.length + i] !== CERT_SUFFIX.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The plain public key inside a certificate (type without `-cert-v01`, no nonce, no cert fields),
 * or the blob itself for plain keys. OpenSSH fingerprints and draws certificates by this plain key
 * (sshkey_fingerprint_raw serialises with force_plain), so `ssh-keygen -l` on a certificate prints
 * the certified key's fingerprint. Throws SshParseError for a malformed certificate.
 */
export function plainKeyBlob(blob: Uint8Array): Uint8Array {
  if (!isCertificateBlob(blob)) return blob;
  const [key] = readKey(blob);
  const typeLen = 4 + key.type.length;
  const base = key.type.slice(0, -CERT_SUFFIX.length);
  const spec = TABLE.get(base.startsWith('sk-') ? `${base}@openssh.com` : base);
  if (!spec) throw new SshParseError('bad-type', `unknown key type "${escapeName(key.type)}"`);
  const r = new SshReader(blob.subarray(typeLen), `${key.type} key`);
  r.bytes('nonce');
  const start = typeLen + r.offset;
  spec.read(r);
  const fields = blob.subarray(start, typeLen + r.offset);
  const name = spec.type;
  const out = new Uint8Array(4 + name.length + fields.length);
  out[3] = name.length;
  for (let i = 0; i < name.length; i++) out[4 + i] = name.charCodeAt(i);
  out.set(fields, 4 + name.length);
  return out;
}
