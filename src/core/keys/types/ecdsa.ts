/**
 * ecdsa-sha2-nistp256/384/521 public key blobs, RFC 5656 §3.1: string "ecdsa-sha2-[identifier]",
 * string identifier (must equal the type's curve), string Q (SEC1 §2.3.3 uncompressed point
 * 0x04 || X || Y; OpenSSH never writes the compressed form). Like OpenSSH
 * (sshkey_ec_validate_public) we check that Q is on the curve, here with @noble/curves.
 */
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { SshParseError } from '../../errors.ts';
import type { SshReader } from '../../wire/reader.ts';
import type { KeyTypeSpec } from './spec.ts';

interface Curve {
  name: 'nistp256' | 'nistp384' | 'nistp521';
  bits: number;
  /** Bytes of one coordinate. */
  size: number;
  point: { fromBytes(bytes: Uint8Array): unknown };
}

export const CURVES: Record<Curve['name'], Curve> = {
  nistp256: { name: 'nistp256', bits: 256, size: 32, point: p256.Point },
  nistp384: { name: 'nistp384', bits: 384, size: 48, point: p384.Point },
  nistp521: { name: 'nistp521', bits: 521, size: 66, point: p521.Point },
};

const latin1 = (b: Uint8Array): string => String.fromCharCode(...b.subarray(0, 64));

/** Reads `string curve, string Q` and validates them; shared with sk-ecdsa-sha2-nistp256@openssh.com. */
export function readEcdsaPoint(r: SshReader, type: string, curve: Curve): void {
  const id = r.bytes('curve name');
  const expected = curve.name;
  let same = id.length === expected.length;
  for (let i = 0; same && i < id.length; i++) same = id[i] === expected.charCodeAt(i);
  if (!same) throw new SshParseError('bad-type', `${type} key: curve is "${escapeName(latin1(id))}", expected "${expected}"`);
  const q = r.bytes('public point');
  const want = 1 + 2 * curve.size;
  if (q.length !== want) {
    throw new SshParseError('bad-point', `${type} key: public point is ${q.length} bytes, expected ${want} (uncompressed)`);
  }
  if (q[0] !== 0x04) {
    throw new SshParseError('bad-point', `${type} key: public point is not in uncompressed form (first byte 0x${hex2(q[0] as number)}, expected 0x04)`);
  }
  try {
    curve.point.fromBytes(q);
  } catch {
    throw new SshParseError('bad-point', `${type} key: public point is not on the ${curve.name} curve`);
  }
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/** Non-printable characters as \xNN so messages stay readable. */
export function escapeName(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => `\\x${hex2(c.charCodeAt(0) & 0xff)}`);
}

function ecdsaSpec(curve: Curve): KeyTypeSpec {
  const type = `ecdsa-sha2-${curve.name}`;
  return {
    type,
    label: 'ECDSA',
    supported: true,
    certificate: false,
    read(r) {
      readEcdsaPoint(r, type, curve);
      return curve.bits;
    },
  };
}

export const ecdsaP256 = ecdsaSpec(CURVES.nistp256);
export const ecdsaP384 = ecdsaSpec(CURVES.nistp384);
export const ecdsaP521 = ecdsaSpec(CURVES.nistp521);
