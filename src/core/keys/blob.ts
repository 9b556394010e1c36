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

/** Table entries by name length, to look a type up from the bytes without building a string. */
const BY_LENGTH: readonly (readonly KeyTypeSpec[] | undefined)[] = [...TABLE.values()].reduce<KeyTypeSpec[][]>((by, spec) => {
  const bucket = by[spec.type.length] ?? [];
  bucket.push(spec);
  by[spec.type.length] = bucket;
  return by;
}, []);

/** The known type whose name is bytes[at, at + len) (ASCII), or undefined. */
function specAt(bytes: Uint8Array, at: number, len: number): KeyTypeSpec | undefined {
  const specs = BY_LENGTH[len];
  if (!specs) return undefined;
  next: for (let k = 0; k < specs.length; k++) {
    const type = (specs[k] as KeyTypeSpec).type;
    for (let i = 0; i < len; i++) if (bytes[at + i] !== type.charCodeAt(i)) continue next;
    return specs[k];
  }
  return undefined;
}

/** Reader labels ("ssh-rsa key") per type, built once: every parse names its type in messages. */
const WHAT: ReadonlyMap<KeyTypeSpec, string> = new Map([...TABLE.values()].map((spec) => [spec, `${spec.type} key`]));

/** Reads one key at the start of `blob`; returns it and the bytes consumed. */
function readKey(blob: Uint8Array): [ParsedKey, SshReader] {
  const raw = new SshReader(blob, 'key data').bytes('key type');
  const type = typeName(raw);
  const spec = raw.length <= 64 ? TABLE.get(type) : undefined;
  if (!spec) {
    if (raw.length === 0) throw new SshParseError('bad-type', 'key type is empty');
    throw new SshParseError('bad-type', `unknown key type "${escapeName(type)}${raw.length > 64 ? '…' : ''}"`);
  }
  const r = fieldReader(blob, spec, 4 + raw.length);
  return [readFields(r, spec), r];
}

/**
 * A reader of the fields after the type string (blob[at, end)), labelled so that messages name the
 * type: "ssh-rsa key is truncated: …"; its offset counts from `at`.
 */
const fieldReader = (blob: Uint8Array, spec: KeyTypeSpec, at: number, end = blob.length): SshReader =>
  new SshReader(blob, WHAT.get(spec), at, end);

/** Reads the fields with the type's reader (throws SshParseError). */
function readFields(r: SshReader, spec: KeyTypeSpec): ParsedKey {
  const res = spec.read(r);
  const key: ParsedKey = {
    type: spec.type,
    bits: typeof res === 'number' ? res : res.bits,
    certificate: spec.certificate,
    label: spec.label,
    supported: spec.supported,
  };
  if (typeof res !== 'number' && res.cert) key.cert = res.cert;
  return key;
}

/** Parses one complete public key blob; throws SshParseError (exact messages) on anything else. */
export function parseKeyBlob(blob: Uint8Array): ParsedKey {
  const [key, r] = readKey(blob);
  r.end();
  return key;
}

/**
 * Field shapes of each type's blob after the type string, for a walk that never throws: the
 * scanner asks "is there a key here?" at every "AAAA" of arbitrary pasted text, and building an
 * SshParseError (a stack trace) per rejected candidate made hostile input slow. The walk checks
 * only what the readers in types/* would also reject (truncation, ed25519 key size, point size and
 * form, mpint sign and size, certificate type), so it is a necessary condition for a valid blob;
 * the full parse then decides. test/unit/keys/blob.test.ts checks walk ⇒ parse on mutated blobs.
 */
// Field kinds (small integers so the walk is a tight loop).
const S = 0; // string
const MP = 1; // mpint as OpenSSH reads it (types/mpint.ts): not negative, at most 16384 bits
const K32 = 2; // string of 32 bytes (ed25519 public key)
const Q32 = 3; // uncompressed point 0x04 || X || Y with 32-, 48- or 66-byte coordinates
const Q48 = 4;
const Q66 = 5;
const U64 = 6; // uint64
const KIND = 7; // uint32 certificate type, 1 or 2
const SNE = 8; // non-empty string (certificate signature)
type F = number;
const Q_SIZE = [0, 0, 0, 65, 97, 133];
const PLAIN_SHAPES: Record<string, readonly F[]> = {
  'ssh-ed25519': [K32],
  'ssh-rsa': [MP, MP],
  'ecdsa-sha2-nistp256': [S, Q32],
  'ecdsa-sha2-nistp384': [S, Q48],
  'ecdsa-sha2-nistp521': [S, Q66],
  'sk-ssh-ed25519@openssh.com': [K32, S],
  'sk-ecdsa-sha2-nistp256@openssh.com': [S, Q32, S],
  'ssh-dss': [MP, MP, MP, MP],
};
/** PROTOCOL.certkeys: nonce, the plain key's fields, serial, type, key id, principals, validity, options, extensions, reserved, CA key, signature. */
const certShape = (plain: readonly F[]): readonly F[] => [S, ...plain, U64, KIND, S, S, U64, U64, S, S, S, S, SNE];
const shapeOf = (spec: KeyTypeSpec): readonly F[] | undefined => {
  const plain =
    PLAIN_SHAPES[
      spec.certificate ? spec.type.replace('-cert-v01@openssh.com', spec.type.startsWith('sk-') ? '@openssh.com' : '') : spec.type
    ];
  return plain && (spec.certificate ? certShape(plain) : plain);
};
/** Field shapes by type; a type without a known shape is simply not pre-checked (the full parse still runs). */
const SHAPES: ReadonlyMap<KeyTypeSpec, readonly F[]> = new Map(
  [...TABLE.values()].flatMap((spec): [KeyTypeSpec, readonly F[]][] => {
    const shape = shapeOf(spec);
    return shape ? [[spec, shape]] : [];
  }),
);
/** End offset of the fields of `shape` read from `off` (bytes before `n` only), or -1 (never throws). */
function walk(b: Uint8Array, off: number, shape: readonly F[], n: number): number {
  for (let k = 0; k < shape.length; k++) {
    const f = shape[k] as number;
    if (f === U64) {
      off += 8;
      if (off > n) return -1;
      continue;
    }
    if (off + 4 > n) return -1;
    const len =
      (((b[off] as number) << 24) >>> 0) + ((b[off + 1] as number) << 16) + ((b[off + 2] as number) << 8) + (b[off + 3] as number);
    off += 4;
    if (f === KIND) {
      if (len !== 1 && len !== 2) return -1;
      continue;
    }
    if (len > n - off) return -1;
    if (f === K32 ? len !== 32 : f === SNE ? len === 0 : f === Q32 || f === Q48 || f === Q66 ? len !== Q_SIZE[f] || b[off] !== 4 : false)
      return -1;
    if (f === MP && len > 0 && ((b[off] as number) >= 0x80 || len > 2049 || (len === 2049 && b[off] !== 0))) return -1;
    off += len;
  }
  return off;
}

/**
 * One complete, valid key blob of a known type at `bytes[off]` (trailing bytes allowed, nothing at
 * or past `end` read): the key and its byte length, or null. Never throws, and allocates nothing
 * for the common "not a key" answer (the scanner asks at every "AAAA" of the text); `end` lets the
 * scanner pass its reused decode buffer instead of a view of it.
 */
export function readKeyPrefix(bytes: Uint8Array, off = 0, end = bytes.length): { key: ParsedKey; length: number } | null {
  if (end < off + 4) return null;
  const tlen =
    (((bytes[off] as number) << 24) >>> 0) +
    ((bytes[off + 1] as number) << 16) +
    ((bytes[off + 2] as number) << 8) +
    (bytes[off + 3] as number);
  if (tlen === 0 || tlen > 64 || off + 4 + tlen > end) return null;
  const spec = specAt(bytes, off + 4, tlen);
  if (!spec) return null;
  const shape = SHAPES.get(spec);
  if (shape && walk(bytes, off + 4 + tlen, shape, end) < 0) return null;
  try {
    const r = fieldReader(bytes, spec, off + 4 + tlen, end);
    const key = readFields(r, spec);
    return { key, length: 4 + tlen + r.offset };
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
