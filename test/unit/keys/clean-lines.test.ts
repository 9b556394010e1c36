/**
 * Clean `type base64 [comment]` lines (sshd(8) AUTHORIZED_KEYS FILE FORMAT), the common case: a
 * valid, plain, strong key gives one key with ssh-keygen's fingerprint and no finding; weak, DSA
 * and certificate keys always get one. (Re-aimed from the removed fast-path test: one pipeline.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeKeys } from '../../../src/core/keys/analyze.ts';
import { certify, generateKey, listLine, skPublicLine } from '../../helpers/openssh.ts';

const ed = generateKey({ kind: 'ed25519' }, { comment: 'cl-ed@host' });
const PLAIN = [
  ed.publicLine,
  generateKey({ kind: 'rsa', bits: 2048 }).publicLine,
  generateKey({ kind: 'ecdsa', bits: 256 }).publicLine,
  generateKey({ kind: 'ecdsa', bits: 521 }).publicLine,
  skPublicLine('ed25519'),
  skPublicLine('ecdsa'),
].map((l) => l.split(' ') as [string, string]);
const FLAGGED = [
  generateKey({ kind: 'rsa', bits: 1024 }).publicLine,
  generateKey({ kind: 'dsa', bits: 1024 }).publicLine,
  certify(ed).certLine,
].map((l) => l.split(' ') as [string, string]);

test('clean lines of valid plain keys: one key each, ssh-keygen fingerprints, no finding', () => {
  for (const [t, b] of PLAIN) {
    const line = `${t} ${b} me@host`;
    const a = analyzeKeys(line);
    assert.deepEqual(a.findings, [], line);
    assert.equal(a.state, 'ok');
    assert.equal(a.keys.length, 1);
    assert.equal(a.keys[0]!.fingerprint, listLine(line).fingerprint);
    assert.equal(a.keys[0]!.comment, 'me@host');
    assert.equal(analyzeKeys(`${t} ${b}`).keys[0]!.comment, '');
  }
  for (const [t, b] of FLAGGED) assert.notEqual(analyzeKeys(`${t} ${b} me@host`).findings.length, 0, t);
});

test('property: a field of distinct clean key lines with plain comments is ok, keys in order', () => {
  const comment = fc.stringMatching(/^[a-z0-9@._-]{0,20}$/);
  const field = fc
    .uniqueArray(fc.nat({ max: PLAIN.length - 1 }), { minLength: 1, maxLength: PLAIN.length })
    .chain((ix) =>
      fc.tuple(fc.constant(ix), fc.array(comment, { minLength: ix.length, maxLength: ix.length }), fc.constantFrom('\n', '\n\n')),
    );
  fc.assert(
    fc.property(field, ([ix, cs, eol]) => {
      const lines = ix.map((k, n) => `${PLAIN[k]![0]} ${PLAIN[k]![1]}${cs[n] ? ` ${cs[n]}` : ''}`);
      const a = analyzeKeys(lines.join(eol));
      assert.deepEqual(a.findings, []);
      assert.deepEqual(
        a.keys.map((k) => k.comment),
        cs,
      );
    }),
    { numRuns: 200 },
  );
});
