/**
 * ecdsa-sha2-nistp256/384/521 public key blobs, RFC 5656 §3.1: string "ecdsa-sha2-[identifier]",
 * string identifier (must equal the type's curve), string Q (SEC1 §2.3.3 uncompressed point
 * 0x04 || X || Y; OpenSSH never writes the compressed form). Like OpenSSH
 * (sshkey_ec_validate_public) we check that Q is on the curve: y² = x³ − 3x + b (mod p), with the
 * parameters of FIPS 186-5 / SEC 2 §2.4. The tests check these constants against @noble/curves
 * and the check itself against noble's Point.fromBytes (fast-check); doing it here keeps the
 * Weierstrass implementation (~15 KB gzip) out of the always-loaded content script and is ~4×
 * faster, which matters as it runs for every key on every keystroke. P-256/384/521 have
 * cofactor 1: on the curve = in the group.
 */
import { SshParseError } from '../../errors.ts';
import { toBigInt } from '../../wire/bigint.ts';
import type { SshReader } from '../../wire/reader.ts';
import type { KeyTypeSpec } from './spec.ts';

interface Curve {
  name: 'nistp256' | 'nistp384' | 'nistp521';
  bits: number;
  /** Bytes of one coordinate. */
  size: number;
  p: bigint;
  a: bigint;
  b: bigint;
}

/** NIST curve: p and b from FIPS 186-5 / SEC 2 §2.4; a = p − 3 for all three. */
const curve = (name: Curve['name'], bits: number, size: number, p: bigint, b: bigint): Curve => ({ name, bits, size, p, a: p - 3n, b });

export const CURVES: Record<Curve['name'], Curve> = {
  nistp256: curve(
    'nistp256',
    256,
    32,
    0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  ),
  nistp384: curve(
    'nistp384',
    384,
    48,
    0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  ),
  nistp521: curve(
    'nistp521',
    521,
    66,
    (1n << 521n) - 1n,
    0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  ),
};

/** q = 0x04 || X || Y of the right size: is (X, Y) a point of the curve (coordinates < p)? */
export function isOnCurve(q: Uint8Array, c: Curve): boolean {
  const x = toBigInt(q, 1, 1 + c.size);
  const y = toBigInt(q, 1 + c.size, 1 + 2 * c.size);
  if (x >= c.p || y >= c.p) return false;
  return (y * y - ((x * x + c.a) * x + c.b)) % c.p === 0n;
}

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
    throw new SshParseError(
      'bad-point',
      `${type} key: public point is not in uncompressed form (first byte 0x${hex2(q[0] as number)}, expected 0x04)`,
    );
  }
  if (!isOnCurve(q, curve)) throw new SshParseError('bad-point', `${type} key: public point is not on the ${curve.name} curve`);
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
    privateFields: ['string', 'string', 'string'], // curve, Q, d
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
