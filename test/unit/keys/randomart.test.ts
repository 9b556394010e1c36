/** Randomart byte-for-byte equal to `ssh-keygen -lv -E sha256|md5` for every type, sk key and certificate. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKeyBlob } from '../../../src/core/keys/blob.ts';
import { randomart, randomartFromDigest } from '../../../src/core/keys/randomart.ts';
import { allKeys, certify, generateKey, skKey } from '../../helpers/openssh.ts';

const keys = [...allKeys(), skKey('ed25519'), skKey('ecdsa')];

test('plain keys: SHA256 and MD5 art equal ssh-keygen -lv', () => {
  for (const k of keys) {
    const p = parseKeyBlob(k.blob);
    assert.equal(randomart(k.blob, p), k.randomartSha256, k.type);
    assert.equal(randomart(k.blob, p, 'MD5'), k.randomartMd5, k.type);
  }
});

test('certificates: titles cut as OpenSSH does ([ED25519-CERT], [ED25519-SK-CERT-+), art of the certified key', () => {
  const titles = new Set<string>();
  for (const k of keys) {
    const c = certify(k);
    const p = parseKeyBlob(c.blob);
    assert.equal(randomart(c.blob, p), c.randomartSha256, p.type);
    assert.equal(randomart(c.blob, p, 'MD5'), c.randomartMd5, p.type);
    titles.add(c.randomartSha256.split('\n')[0]!);
  }
  assert.ok(titles.has('+-[ED25519-CERT]--+'));
  assert.ok(titles.has('+[ED25519-SK-CERT-+'));
});

test('shape: 11 lines of 19 characters, S and E marks, known header/footer', () => {
  const k = generateKey({ kind: 'ed25519' });
  const art = randomart(k.blob, parseKeyBlob(k.blob));
  const lines = art.split('\n');
  assert.equal(lines.length, 11);
  for (const l of lines) assert.equal(l.length, 19);
  assert.equal(lines[0], '+--[ED25519 256]--+');
  assert.equal(lines[10], '+----[SHA256]-----+');
  // All-zero digest: every move is up-left, so the bishop walks diagonally from the centre (8,4)
  // to the top row, then along it to the corner (0,0), where it stays and ends.
  const zero = randomartFromDigest(new Uint8Array(32), { label: 'ED25519', bits: 256 }, 'SHA256').split('\n');
  assert.deepEqual(zero.slice(1, 6), [
    '|E....            |',
    '|     .           |',
    '|      .          |',
    '|       .         |',
    '|        S        |',
  ]);
});
