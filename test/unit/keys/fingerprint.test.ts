/** SHA256 and MD5 fingerprints equal `ssh-keygen -l -E sha256|md5` for every type, sk key and certificate. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintMd5, fingerprintSha256 } from '../../../src/core/keys/fingerprint.ts';
import { allKeys, certify, skKey } from '../../helpers/openssh.ts';

const keys = [...allKeys(), skKey('ed25519'), skKey('ecdsa')];

test('plain keys: SHA256 and MD5 equal ssh-keygen -l', () => {
  for (const k of keys) {
    assert.equal(fingerprintSha256(k.blob), k.sha256.fingerprint, k.type);
    assert.equal(fingerprintMd5(k.blob), k.md5.fingerprint, k.type);
  }
});

test('certificates: fingerprinted by the certified key, as ssh-keygen -l does', () => {
  for (const k of keys) {
    const c = certify(k);
    assert.equal(fingerprintSha256(c.blob), c.sha256.fingerprint, c.certLine.split(' ')[0]);
    assert.equal(fingerprintMd5(c.blob), c.md5.fingerprint);
    assert.equal(fingerprintSha256(c.blob), fingerprintSha256(k.blob));
  }
});

test('format: SHA256: + 43 unpadded base64 chars; MD5: + 16 colon-separated hex pairs', () => {
  const k = keys[0]!;
  assert.match(fingerprintSha256(k.blob), /^SHA256:[A-Za-z0-9+/]{43}$/);
  assert.match(fingerprintMd5(k.blob), /^MD5:([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
});
