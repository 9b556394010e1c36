/**
 * The clean-line fast path (diagnostics/clean-line.ts) against the full diagnostic pipeline:
 * fast-check fields of clean key lines (keys from ssh-keygen) and near-clean mutations of them must
 * give the same analysis, detailed analysis (incl. every fix's result) and fixAll either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDetailed, analyzeKeys, fixAll, withoutFastPath } from '../../../src/core/keys/analyze.ts';
import { readCleanKeyLine, sha256Fingerprint } from '../../../src/core/keys/diagnostics/clean-line.ts';
import { fingerprintSha256 } from '../../../src/core/keys/fingerprint.ts';
import { certify, generateKey, listLine, skPublicLine } from '../../helpers/openssh.ts';

const ed = generateKey({ kind: 'ed25519' }, { comment: 'fp-ed@host' });
/** [type, base64] of keys on the fast path (valid, supported, plain, not weak). */
const FAST = [
  ed.publicLine,
  generateKey({ kind: 'ed25519' }, { comment: 'fp-ed2@host' }).publicLine,
  generateKey({ kind: 'rsa', bits: 2048 }).publicLine,
  generateKey({ kind: 'ecdsa', bits: 256 }).publicLine,
  generateKey({ kind: 'ecdsa', bits: 384 }).publicLine,
  generateKey({ kind: 'ecdsa', bits: 521 }).publicLine,
  skPublicLine('ed25519'),
  skPublicLine('ecdsa'),
].map((l) => l.split(' ') as [string, string]);
/** Keys that always get a finding (weak, DSA, certificate): the fast path must decline them. */
const SLOW = [
  generateKey({ kind: 'rsa', bits: 1024 }).publicLine,
  generateKey({ kind: 'dsa', bits: 1024 }).publicLine,
  certify(ed).certLine,
].map((l) => l.split(' ') as [string, string]);
const TYPES = [...new Set([...FAST, ...SLOW].map(([t]) => t))];

const comment = fc.oneof(
  fc.constant(''),
  fc.stringMatching(/^[\x21-\x7e](?:[\x20-\x7e]{0,24}[\x21-\x7e])?$/),
  fc.constantFrom('user@host', 'a b c', 'x ssh-ed25519', 'ssh-rsa', 'AAAAC3NzaC1lZDI1NTE5', 'me AAAAB3NzaC1yc2EAAAADAQAB=', 'ü@host'),
);
const cleanLine = fc.record({ key: fc.constantFrom(...FAST, ...SLOW), comment }).map(({ key: [t, b], comment: c }) => `${t} ${b}${c ? ` ${c}` : ''}`);

type Mutation = (l: string) => string;
const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Insert a character or word somewhere.
  fc.tuple(at, fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u200b', '=', '==', 'A', 'AAAA', 'x', '/', 'ssh-rsa ', '\r', '\n')).map(([p, s]) => (l: string) => l.slice(0, p % (l.length + 1)) + s + l.slice(p % (l.length + 1))),
  // Delete one character.
  at.map((p) => (l: string) => (l ? l.slice(0, p % l.length) + l.slice((p % l.length) + 1) : l)),
  // Replace one character.
  fc.tuple(at, fc.constantFrom('A', 'B', '+', '/', '=', '-', ' ', 'é')).map(([p, c]) => (l: string) => (l ? l.slice(0, p % l.length) + c + l.slice((p % l.length) + 1) : l)),
  // Another type word.
  fc.constantFrom(...TYPES, 'ssh-foo', 'rsa-sha2-512').map((t) => (l: string) => t + l.slice(l.indexOf(' '))),
  // Padding dropped, spaces around.
  fc.constant((l: string) => l.replace(/=+( |$)/, '$1')),
  fc.constant((l: string) => ` ${l}`),
  fc.constant((l: string) => `${l} `),
  fc.constant((l: string) => `no-pty ${l}`),
);
const nearClean = fc.tuple(cleanLine, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([l, ms]) => ms.reduce((s, m) => m(s), l));
const fieldLine = fc.oneof(
  { weight: 3, arbitrary: cleanLine },
  { weight: 2, arbitrary: nearClean },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', 'hello', 'SHA256:abc') },
  // Bare base64: what a wrapped key's continuation line looks like.
  { weight: 1, arbitrary: fc.constantFrom(...FAST.map(([, b]) => b)) },
);
const field = fc
  .tuple(fc.array(fieldLine, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .chain(([lines, eol]) => fc.constantFrom(lines.join(eol), [...lines, lines[0]!].join(eol))); // sometimes a duplicate

/** analyzeDetailed with every fix applied, so fix closures are compared by what they produce. */
function detailed(text: string): unknown {
  const d = analyzeDetailed(text, { knownKeys: [FAST[0]!.join(' ')] });
  return {
    state: d.state,
    keys: JSON.parse(JSON.stringify(d.keys)),
    findings: d.findings.map(({ fix, ...f }) => ({ ...f, fix: fix && { label: fix.label, text: fix.apply() } })),
  };
}

function samePaths(text: string): void {
  assert.deepEqual(analyzeKeys(text), withoutFastPath(() => analyzeKeys(text)), JSON.stringify(text));
  assert.deepEqual(detailed(text), withoutFastPath(() => detailed(text)), JSON.stringify(text));
  assert.equal(fixAll(text), withoutFastPath(() => fixAll(text)), JSON.stringify(text));
}

test('fast path: clean lines of valid plain keys take it, with ssh-keygen fingerprints', () => {
  for (const [t, b] of FAST) {
    const line = `${t} ${b} me@host`;
    const r = readCleanKeyLine(line);
    assert.ok(r, line);
    assert.equal(r.fingerprint, listLine(line).fingerprint);
    assert.equal(r.comment, 'me@host');
    assert.equal(readCleanKeyLine(`${t} ${b}`)?.comment, '');
  }
  for (const [t, b] of SLOW) assert.equal(readCleanKeyLine(`${t} ${b} me@host`), null, t);
});

test('fast path and full pipeline agree on random clean fields', () => {
  fc.assert(fc.property(field, samePaths), { numRuns: 300 });
});

test('fast path and full pipeline agree on near-clean lines', () => {
  fc.assert(fc.property(nearClean, samePaths), { numRuns: 400 });
});

test('sha256Fingerprint (reused hasher) equals fingerprintSha256 at every length around block edges', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (b) => {
      b[0] = 0; // never a certificate type string (fingerprintSha256 would use the certified key)
      assert.equal(sha256Fingerprint(b), fingerprintSha256(b));
    }),
    { numRuns: 500 },
  );
  for (let n = 0; n <= 200; n++) {
    const b = new Uint8Array(n).fill(7);
    assert.equal(sha256Fingerprint(b), fingerprintSha256(b), `length ${n}`);
  }
});
