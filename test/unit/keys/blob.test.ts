/**
 * parseKeyBlob / readKeyPrefix against real ssh-keygen: every type and size it makes, certificates of
 * each, hand-built security-key blobs, and malformed blobs that both we and ssh-keygen reject.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { CURVES, isOnCurve } from '../../../src/core/keys/types/ecdsa.ts';
import { KNOWN_KEY_TYPES, parseKeyBlob, plainKeyBlob, readKeyPrefix } from '../../../src/core/keys/blob.ts';
import { SshParseError } from '../../../src/core/errors.ts';
import { SshWriter } from '../../../src/core/wire/writer.ts';
import { decodeBase64 } from '../../../src/core/wire/base64.ts';
import { allKeys, blobOf, certify, generateKey, listLine, skKey, sshKeygenRaw, writeTemp } from '../../helpers/openssh.ts';

const keys = allKeys();
const sk = [skKey('ed25519'), skKey('ecdsa')];
const certs = [...keys, ...sk].map((k) => ({ key: k, cert: certify(k) }));

/** Byte length of the one complete, valid key blob at the start of `bytes` (readKeyPrefix), else null. */
const blobLength = (bytes: Uint8Array): number | null => readKeyPrefix(bytes)?.length ?? null;

const line = (blob: Uint8Array, type = 'ssh-ed25519') => `${type} ${Buffer.from(blob).toString('base64')} x`;

/** ssh-keygen must refuse the blob too (so the test cannot pass on an invalid expectation). */
function assertSshKeygenRejects(blob: Uint8Array, type: string): void {
  const p = writeTemp('bad.pub', line(blob, type) + '\n');
  const r = sshKeygenRaw(['-l', '-f', p]);
  assert.notEqual(r.status, 0, `ssh-keygen accepted the malformed blob: ${r.stdout}`);
}

/** Exact code and message; blobLength agrees (null, or the prefix length when only trailing bytes are wrong). */
function assertParseError(blob: Uint8Array, code: string, message: string, prefixLength: number | null = null): void {
  assert.throws(
    () => parseKeyBlob(blob),
    (e: unknown) => {
      assert.ok(e instanceof SshParseError, `not an SshParseError: ${String(e)}`);
      assert.equal(e.message, message);
      assert.equal(e.code, code);
      return true;
    },
  );
  assert.equal(blobLength(blob), prefixLength);
}

test('every generated key type and size matches ssh-keygen -l (type, bits, label)', () => {
  for (const k of [...keys, ...sk]) {
    const p = parseKeyBlob(k.blob);
    assert.equal(p.type, k.type);
    assert.equal(p.bits, k.sha256.bits, k.type);
    assert.equal(p.label, k.sha256.label, k.type);
    assert.equal(p.certificate, false);
    assert.equal(p.supported, k.type !== 'ssh-dss');
    assert.equal(blobLength(k.blob), k.blob.length);
    assert.ok(KNOWN_KEY_TYPES.includes(p.type));
  }
});

test('hand-built security-key blobs are accepted by ssh-keygen', () => {
  assert.deepEqual(
    sk.map((k) => [k.sha256.label, k.sha256.bits]),
    [
      ['ED25519-SK', 256],
      ['ECDSA-SK', 256],
    ],
  );
});

test('certificates of every type: type, bits and label of the certified key, fields parsed', () => {
  for (const { key, cert } of certs) {
    const p = parseKeyBlob(cert.blob);
    assert.equal(p.type, cert.certLine.split(' ')[0]);
    assert.ok(p.type.endsWith('-cert-v01@openssh.com'));
    assert.equal(p.certificate, true);
    assert.equal(p.bits, cert.sha256.bits);
    assert.equal(p.label, cert.sha256.label);
    assert.equal(p.cert?.certType, 'user');
    assert.equal(p.cert?.keyId, 'rpk-test-id');
    assert.deepEqual(p.cert?.principals, ['root', 'ubuntu']);
    assert.equal(p.cert?.caType, 'ssh-ed25519');
    assert.deepEqual([...plainKeyBlob(cert.blob)], [...key.blob], 'plain key inside the certificate');
    assert.equal(blobLength(cert.blob), cert.blob.length);
  }
});

test('host certificate with options, RSA CA, validity', () => {
  const k = generateKey({ kind: 'ed25519' });
  const ca = generateKey({ kind: 'rsa', bits: 2048 });
  const cert = certify(k, { ca, host: true, identity: 'host id', principals: ['a.example'], validity: '20200101:20300101' });
  const p = parseKeyBlob(cert.blob);
  assert.equal(p.cert?.certType, 'host');
  assert.equal(p.cert?.caType, 'ssh-rsa');
  assert.equal(p.cert?.keyId, 'host id');
  assert.ok((p.cert?.validBefore ?? 0n) > (p.cert?.validAfter ?? 0n));
  const u = certify(k, { options: ['force-command=/bin/true', 'no-pty'] });
  const pu = parseKeyBlob(u.blob);
  assert.deepEqual(pu.cert?.criticalOptions, ['force-command']);
  assert.ok(!pu.cert?.extensions.includes('permit-pty'));
});

test("the docs' corrupt sample key is rejected (unknown type \\x83sh-ed25%19), as ssh-keygen does", () => {
  const b64 = 'AAAAC4NzaC1lZDI1JTE5AAAAIGP+L8hnjIcBqUb8NRrDiC32FuJBvRA0m8jLShzgq6BQ';
  const blob = decodeBase64(b64)!;
  assertParseError(blob, 'bad-type', 'unknown key type "\\x83sh-ed25%19"');
  assertSshKeygenRejects(blob, 'ssh-ed25519');
});

// ---- malformed blobs: exact messages, and ssh-keygen rejects them too ----
const ed = generateKey({ kind: 'ed25519' }).blob;
const rsaBlob = generateKey({ kind: 'rsa', bits: 2048 }).blob;

function ecdsaBlob(type: string, curve: string, q: Uint8Array): Uint8Array {
  return new SshWriter().string(type).string(curve).bytes(q).toBytes();
}
const q256 = p256.getPublicKey(p256.utils.randomSecretKey(), false);

test('malformed: truncated, trailing bytes, wrong ed25519 length, empty', () => {
  assertParseError(ed.subarray(0, ed.length - 1), 'truncated', 'ssh-ed25519 key is truncated: public key says 32 bytes, only 31 left');
  assertSshKeygenRejects(ed.subarray(0, ed.length - 1), 'ssh-ed25519');
  assertParseError(ed.subarray(0, 17), 'truncated', 'ssh-ed25519 key is truncated: public key length needs 4 bytes, 2 left');
  const trailing = new Uint8Array([...ed, 0]);
  assertParseError(trailing, 'trailing-bytes', 'ssh-ed25519 key has 1 unexpected trailing byte', ed.length);
  assertSshKeygenRejects(trailing, 'ssh-ed25519');
  const short = new SshWriter().string('ssh-ed25519').bytes(new Uint8Array(31)).toBytes();
  assertParseError(short, 'bad-length', 'ssh-ed25519 key: public key is 31 bytes, expected 32');
  assertSshKeygenRejects(short, 'ssh-ed25519');
  assertParseError(new Uint8Array(0), 'truncated', 'key data is truncated: key type length needs 4 bytes, 0 left');
  assertParseError(new SshWriter().string('').toBytes(), 'bad-type', 'key type is empty');
});

test('malformed ecdsa: wrong point size, not uncompressed, not on the curve, curve mismatch', () => {
  const wrongSize = ecdsaBlob('ecdsa-sha2-nistp256', 'nistp256', q256.subarray(0, 64));
  assertParseError(wrongSize, 'bad-point', 'ecdsa-sha2-nistp256 key: public point is 64 bytes, expected 65 (uncompressed)');
  assertSshKeygenRejects(wrongSize, 'ecdsa-sha2-nistp256');
  const compressed = ecdsaBlob('ecdsa-sha2-nistp256', 'nistp256', p256.getPublicKey(p256.utils.randomSecretKey(), true));
  assertParseError(compressed, 'bad-point', 'ecdsa-sha2-nistp256 key: public point is 33 bytes, expected 65 (uncompressed)');
  const bad05 = new Uint8Array(q256);
  bad05[0] = 5;
  assertParseError(
    ecdsaBlob('ecdsa-sha2-nistp256', 'nistp256', bad05),
    'bad-point',
    'ecdsa-sha2-nistp256 key: public point is not in uncompressed form (first byte 0x05, expected 0x04)',
  );
  assertSshKeygenRejects(ecdsaBlob('ecdsa-sha2-nistp256', 'nistp256', bad05), 'ecdsa-sha2-nistp256');
  const off = new Uint8Array(q256);
  off[64] = off[64]! ^ 1;
  assertParseError(
    ecdsaBlob('ecdsa-sha2-nistp256', 'nistp256', off),
    'bad-point',
    'ecdsa-sha2-nistp256 key: public point is not on the nistp256 curve',
  );
  assertSshKeygenRejects(ecdsaBlob('ecdsa-sha2-nistp256', 'nistp256', off), 'ecdsa-sha2-nistp256');
  const mismatch = ecdsaBlob('ecdsa-sha2-nistp256', 'nistp384', q256);
  assertParseError(mismatch, 'bad-type', 'ecdsa-sha2-nistp256 key: curve is "nistp384", expected "nistp256"');
  assertSshKeygenRejects(mismatch, 'ecdsa-sha2-nistp256');
  // A valid P-384 point under the P-256 type: size check catches it.
  const q384 = p384.getPublicKey(p384.utils.randomSecretKey(), false);
  assertParseError(
    ecdsaBlob('ecdsa-sha2-nistp256', 'nistp256', q384),
    'bad-point',
    'ecdsa-sha2-nistp256 key: public point is 97 bytes, expected 65 (uncompressed)',
  );
});

test('malformed rsa: bad mpints', () => {
  // rsaBlob: string "ssh-rsa" (11) | mpint e | mpint n (0x00 + 256 bytes)
  const r = parseKeyBlob(rsaBlob);
  assert.equal(r.bits, 2048);
  const eLen = new DataView(rsaBlob.buffer, rsaBlob.byteOffset).getUint32(11);
  const nStart = 11 + 4 + eLen;
  const n = rsaBlob.subarray(nStart + 4);
  assert.equal(n[0], 0);
  const negative = new SshWriter()
    .string('ssh-rsa')
    .bytes(rsaBlob.subarray(15, 15 + eLen))
    .bytes(n.subarray(1))
    .toBytes();
  assertParseError(negative, 'bad-mpint', 'ssh-rsa key: modulus is negative');
  assertSshKeygenRejects(negative, 'ssh-rsa');
  // OpenSSH tolerates superfluous leading zeros (sshbuf_get_bignum2_bytes_direct), so do we.
  const padded = new SshWriter()
    .string('ssh-rsa')
    .bytes(rsaBlob.subarray(15, 15 + eLen))
    .bytes(new Uint8Array([0, ...n]))
    .toBytes();
  assert.equal(parseKeyBlob(padded).bits, 2048);
  assert.equal(listLine(line(padded, 'ssh-rsa')).bits, 2048);
  const huge = new Uint8Array(2049);
  huge[0] = 1;
  const tooLarge = new SshWriter()
    .string('ssh-rsa')
    .bytes(rsaBlob.subarray(15, 15 + eLen))
    .bytes(huge)
    .toBytes();
  assertParseError(tooLarge, 'bad-mpint', 'ssh-rsa key: modulus is larger than 16384 bits');
  assertSshKeygenRejects(tooLarge, 'ssh-rsa');
  const zero = new SshWriter()
    .string('ssh-rsa')
    .bytes(rsaBlob.subarray(15, 15 + eLen))
    .bytes(new Uint8Array(0))
    .toBytes();
  assertParseError(zero, 'bad-mpint', 'ssh-rsa key: modulus is zero');
  assertSshKeygenRejects(zero, 'ssh-rsa');
});

test('malformed certificates: bad cert type, certificate as CA, curve mismatch, truncated signature', () => {
  const { cert } = certs[0]!; // ssh-ed25519 cert
  const b = cert.blob;
  const t = 'ssh-ed25519-cert-v01@openssh.com';
  // Layout: type | nonce | pk | serial(8) | type(4) | …
  const nonceLen = new DataView(b.buffer, b.byteOffset).getUint32(4 + t.length);
  const typeAt = 4 + t.length + 4 + nonceLen + 4 + 32 + 8;
  const badType = new Uint8Array(b);
  badType[typeAt + 3] = 3;
  assertParseError(badType, 'bad-format', `${t} key: certificate type is 3, expected 1 (user) or 2 (host)`);
  assertSshKeygenRejects(badType, t);
  const r = splitCert(b);
  const sigLen = r.sig.length - 4;
  assertParseError(
    b.subarray(0, b.length - 10),
    'truncated',
    `${t} key is truncated: signature says ${sigLen} bytes, only ${sigLen - 10} left`,
  );
  assertSshKeygenRejects(b.subarray(0, b.length - 10), t);

  // A certificate whose CA key is itself a certificate.
  const caIsCert = new SshWriter().raw(r.head).bytes(b).raw(r.sig).toBytes();
  assertParseError(caIsCert, 'bad-type', `${t} key: signature key is a certificate (${t}), expected a plain key`);
  assertSshKeygenRejects(caIsCert, t);

  // ECDSA certificate with a curve that does not match its type.
  const ec = certs.find((c) => c.cert.certLine.startsWith('ecdsa-sha2-nistp256-cert'))!.cert.blob;
  const et = 'ecdsa-sha2-nistp256-cert-v01@openssh.com';
  const at = indexOf(ec, 'nistp256', 4 + et.length);
  const wrongCurve = new Uint8Array(ec);
  wrongCurve.set(new TextEncoder().encode('nistp384'), at);
  assertParseError(wrongCurve, 'bad-type', 'ecdsa-sha2-nistp256 key: curve is "nistp384", expected "nistp256"');
  assertSshKeygenRejects(wrongCurve, et);
});

/** Splits a certificate around its CA key string: [before it] and [the signature string]. */
function splitCert(b: Uint8Array): { head: Uint8Array; sig: Uint8Array } {
  const ca = generateKey({ kind: 'ed25519' }, { comment: 'ca@rpk-test' }).blob;
  const at = indexOfBytes(b, ca, 0) - 4;
  assert.ok(at > 0);
  return { head: b.subarray(0, at), sig: b.subarray(at + 4 + ca.length) };
}
function indexOfBytes(hay: Uint8Array, n: Uint8Array, from: number): number {
  outer: for (let i = from; i <= hay.length - n.length; i++) {
    for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
}
function indexOf(hay: Uint8Array, needle: string, from: number): number {
  const n = new TextEncoder().encode(needle);
  return indexOfBytes(hay, n, from);
}
test('blobLength splits concatenated blobs of every type', () => {
  const all = [...keys.map((k) => k.blob), ...sk.map((k) => k.blob), ...certs.map((c) => c.cert.blob)];
  const glued = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of all) {
    glued.set(b, o);
    o += b.length;
  }
  o = 0;
  for (const b of all) {
    const n = blobLength(glued.subarray(o));
    assert.equal(n, b.length);
    o += n!;
  }
  assert.equal(o, glued.length);
  assert.equal(blobLength(new Uint8Array([0, 0, 0, 3, 97, 98, 99])), null);
  assert.equal(blobLength(ed.subarray(0, 20)), null);
});

test('KNOWN_KEY_TYPES holds every plain and certificate type', () => {
  assert.deepEqual([...KNOWN_KEY_TYPES].sort(), [
    'ecdsa-sha2-nistp256',
    'ecdsa-sha2-nistp256-cert-v01@openssh.com',
    'ecdsa-sha2-nistp384',
    'ecdsa-sha2-nistp384-cert-v01@openssh.com',
    'ecdsa-sha2-nistp521',
    'ecdsa-sha2-nistp521-cert-v01@openssh.com',
    'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
    'sk-ecdsa-sha2-nistp256@openssh.com',
    'sk-ssh-ed25519-cert-v01@openssh.com',
    'sk-ssh-ed25519@openssh.com',
    'ssh-dss',
    'ssh-dss-cert-v01@openssh.com',
    'ssh-ed25519',
    'ssh-ed25519-cert-v01@openssh.com',
    'ssh-rsa',
    'ssh-rsa-cert-v01@openssh.com',
  ]);
  // Every type name ssh-keygen itself recognises in a line parses as that type (spot check via sk lines).
  assert.equal(listLine(sk[0]!.publicLine).label, 'ED25519-SK');
});

const isParseError = (e: unknown) => e instanceof SshParseError;
const samples = [...keys.map((k) => k.blob), ...sk.map((k) => k.blob), ...certs.map((c) => c.cert.blob)];

test('fast-check: random bytes only ever throw SshParseError; blobLength never throws', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      try {
        parseKeyBlob(b);
      } catch (e) {
        if (!isParseError(e)) throw e;
      }
      const n = blobLength(b);
      assert.ok(n === null || (n > 0 && n <= b.length));
    }),
    { numRuns: 3000 },
  );
});

test('fast-check: mutated valid blobs (flips, cuts, splices) only ever throw SshParseError', () => {
  const mutation = fc.record({
    sample: fc.nat({ max: samples.length - 1 }),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert')), {
      minLength: 1,
      maxLength: 4,
    }),
  });
  fc.assert(
    fc.property(mutation, ({ sample, edits }) => {
      let b = Array.from(samples[sample]!);
      for (const [pos, v, op] of edits) {
        const i = pos % (b.length + 1);
        if (op === 'set' && i < b.length) b[i] = v;
        else if (op === 'cut') b = b.slice(0, i);
        else b.splice(i, 0, v);
      }
      const bytes = new Uint8Array(b);
      try {
        const k = parseKeyBlob(bytes);
        assert.ok(KNOWN_KEY_TYPES.includes(k.type));
        assert.equal(blobLength(bytes), bytes.length);
      } catch (e) {
        if (!isParseError(e)) throw e;
      }
    }),
    { numRuns: 3000 },
  );
});

test('fast-check: readKeyPrefix / blobLength (non-throwing walk first) agree with the throwing parser on mutated blobs with trailing bytes', () => {
  // Reference: the one prefix length the full parser accepts, if any (a blob's fields fix its length).
  const reference = (b: Uint8Array): { key: ReturnType<typeof parseKeyBlob>; length: number } | null => {
    for (let n = 1; n <= b.length; n++) {
      try {
        return { key: parseKeyBlob(b.subarray(0, n)), length: n };
      } catch (e) {
        if (!isParseError(e)) throw e;
      }
    }
    return null;
  };
  const mutation = fc.record({
    sample: fc.nat({ max: samples.length - 1 }),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert', 'none')), {
      minLength: 1,
      maxLength: 3,
    }),
    tail: fc.uint8Array({ maxLength: 8 }),
  });
  let valid = 0;
  fc.assert(
    fc.property(mutation, ({ sample, edits, tail }) => {
      let b = Array.from(samples[sample]!);
      for (const [pos, v, op] of edits) {
        const i = pos % (b.length + 1);
        if (op === 'set' && i < b.length) b[i] = v;
        else if (op === 'cut') b = b.slice(0, i);
        else if (op === 'insert') b.splice(i, 0, v);
      }
      const bytes = new Uint8Array([...b, ...tail]);
      const want = reference(bytes);
      const got = readKeyPrefix(bytes);
      if (want) valid++;
      assert.deepEqual(got, want);
      assert.equal(blobLength(bytes), want ? want.length : null);
    }),
    { numRuns: 1500 },
  );
  assert.ok(valid > 100, `too few valid samples (${valid}) for the test to mean anything`);
});

test('fast-check: blobOf(line) round trip for valid keys stays stable', () => {
  for (const k of keys) assert.deepEqual(parseKeyBlob(blobOf(k.publicLine)), parseKeyBlob(k.blob));
});

test('fast-check: our curve constants equal those of @noble/curves, and our on-curve check agrees with its Point.fromBytes (P-256/384/521)', () => {
  const curves = [
    [p256, CURVES.nistp256],
    [p384, CURVES.nistp384],
    [p521, CURVES.nistp521],
  ] as const;
  for (const [noble, ours] of curves) {
    const c = noble.Point.CURVE();
    assert.deepEqual([ours.p, ours.a, ours.b], [c.p, c.a, c.b], ours.name);
  }
  fc.assert(
    fc.property(fc.nat({ max: 2 }), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), (ci, pos, v, mutate) => {
      const [noble, ours] = curves[ci]!;
      const q = noble.getPublicKey(noble.utils.randomSecretKey(), false);
      if (mutate) q[1 + (pos % (q.length - 1))] = v;
      let nobleOk = true;
      try {
        noble.Point.fromBytes(q);
      } catch {
        nobleOk = false;
      }
      assert.equal(isOnCurve(q, ours), nobleOk);
    }),
    { numRuns: 300 },
  );
  // Coordinates >= p are refused even when congruent to a curve point.
  const q = p256.getPublicKey(p256.utils.randomSecretKey(), false);
  const x = BigInt('0x' + Buffer.from(q.subarray(1, 33)).toString('hex'));
  if (x + CURVES.nistp256.p < 2n ** 256n) {
    const big = new Uint8Array(q);
    big.set(Buffer.from((x + CURVES.nistp256.p).toString(16).padStart(64, '0'), 'hex'), 1);
    assert.equal(isOnCurve(big, CURVES.nistp256), false);
  }
});
