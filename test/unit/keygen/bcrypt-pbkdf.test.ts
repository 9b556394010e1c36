/**
 * Our bcrypt_pbkdf against the `bcrypt-pbkdf` npm package (a straight port of OpenBSD's
 * bcrypt_pbkdf.c, installed as sshpk's dependency) on random inputs; ssh-keygen agreement is
 * covered by the reader/writer tests (files with -a 16 / -a 24 decrypt and re-encrypt exactly).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import fc from 'fast-check';
import { bcryptPbkdf } from '../../../src/core/keygen/kdf.ts';

const require = createRequire(import.meta.url);
const reference = require('bcrypt-pbkdf') as {
  pbkdf(pass: Uint8Array, passLen: number, salt: Uint8Array, saltLen: number, key: Uint8Array, keyLen: number, rounds: number): number;
};

function expected(pass: Uint8Array, salt: Uint8Array, rounds: number, keyLen: number): Uint8Array {
  const key = new Uint8Array(keyLen);
  assert.equal(reference.pbkdf(pass, pass.length, salt, salt.length, key, keyLen, rounds), 0);
  return key;
}

test('property: equals the npm bcrypt-pbkdf reference on random passwords, salts, rounds and key lengths', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ minLength: 1, maxLength: 100 }),
      fc.uint8Array({ minLength: 1, maxLength: 70 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 80 }),
      async (pass, salt, rounds, keyLen) => {
        assert.deepEqual(await bcryptPbkdf(pass, salt, rounds, keyLen), expected(pass, salt, rounds, keyLen));
      },
    ),
    { numRuns: 40 },
  );
});

test("OpenSSH's own parameters (48 bytes, 16-byte salt) and the key-length extremes match the reference", async () => {
  const pass = new TextEncoder().encode('correct horse');
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
  assert.deepEqual(await bcryptPbkdf(pass, salt, 16, 48), expected(pass, salt, 16, 48));
  assert.deepEqual(await bcryptPbkdf(pass, salt, 1, 1024), expected(pass, salt, 1, 1024));
  assert.deepEqual(await bcryptPbkdf(pass, salt, 2, 33), expected(pass, salt, 2, 33));
});

test('reports monotone progress up to 1, one step per bcrypt_hash', async () => {
  const pass = new Uint8Array([1, 2, 3]);
  const salt = new Uint8Array(16).fill(9);
  const seen: number[] = [];
  const key = await bcryptPbkdf(pass, salt, 4, 48, (f) => seen.push(f));
  assert.deepEqual(key, expected(pass, salt, 4, 48));
  assert.deepEqual(
    seen,
    [1, 2, 3, 4, 5, 6, 7, 8].map((n) => n / 8),
  );
});

test('inputs OpenSSH rejects are RangeErrors', async () => {
  const one = new Uint8Array(1);
  await assert.rejects(bcryptPbkdf(new Uint8Array(0), one, 1, 32), { name: 'RangeError', message: /passphrase must not be empty/ });
  await assert.rejects(bcryptPbkdf(one, new Uint8Array(0), 1, 32), { name: 'RangeError', message: /bad salt length 0/ });
  await assert.rejects(bcryptPbkdf(one, one, 0, 32), { name: 'RangeError', message: /rounds must be a positive integer/ });
  await assert.rejects(bcryptPbkdf(one, one, 1, 1025), { name: 'RangeError', message: /bad key length 1025/ });
});

test('in a document (a page that must paint) it lets timers run between steps', async () => {
  const g = globalThis as { document?: unknown };
  g.document = {};
  try {
    let steps = 0;
    let stepsWhenTimerRan = -1;
    setTimeout(() => {
      stepsWhenTimerRan = steps;
    }, 0);
    await bcryptPbkdf(new Uint8Array([1]), new Uint8Array(16), 16, 48, () => steps++);
    assert.equal(steps, 32);
    assert.ok(stepsWhenTimerRan > 0 && stepsWhenTimerRan < 32, `timer ran after ${stepsWhenTimerRan} steps`);
  } finally {
    delete g.document;
  }
});
