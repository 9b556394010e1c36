/**
 * Security invariants outside the browser. The paste guard's and storage's private-key test
 * (src/shared/private-text.ts) must catch every text core's parsers read as a private key —
 * otherwise a paste core would flag reaches the page before the panel says so — for real keys
 * from ssh-keygen (and puttygen when installed) under the mangling copies do to armour lines.
 * Oracle: core's own `private-key` finding on the same text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeKeys } from '../../src/core/keys/analyze.ts';
import { looksPrivate } from '../../src/shared/private-text.ts';
import { exportPublic, generateKey, puttygen, readText, tempPath } from '../helpers/openssh.ts';
import { execFileSync } from 'node:child_process';

const ed = generateKey({ kind: 'ed25519' });
const privateTexts = [
  readText(ed.privatePath),
  readText(generateKey({ kind: 'ecdsa', bits: 256 }, { format: 'PEM' }).privatePath),
  readText(generateKey({ kind: 'rsa', bits: 1024 }, { format: 'PKCS8' }).privatePath),
  readText(generateKey({ kind: 'ed25519' }, { passphrase: 'correct horse', comment: 'enc' }).privatePath),
];
const putty = puttygen();
if (putty) {
  // ssh.com keys cannot hold ed25519: an RSA key for both PuTTY formats.
  const rsa = generateKey({ kind: 'rsa', bits: 1024 });
  for (const format of ['private', 'private-sshcom']) {
    const out = tempPath(`sec.${format}`);
    execFileSync(putty, [rsa.privatePath, '-O', format, '-o', out]);
    privateTexts.push(readText(out));
  }
}

const isPrivateForCore = (text: string): boolean => analyzeKeys(text).findings.some((f) => f.code === 'private-key');

/** What copying through terminals, chats and editors does to armour lines. */
const mangle = fc.record({
  dashes: fc.integer({ min: 3, max: 6 }),
  innerSpace: fc.constantFrom('', ' ', '  ', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  prefix: fc.constantFrom('', '  ', 'my key:\n', '$ cat ~/.ssh/id_ed25519\n'),
  collapse: fc.boolean(),
  ssh2Plain: fc.boolean(),
});

type Mangle = typeof mangle extends fc.Arbitrary<infer T> ? T : never;

function mangled(text: string, m: Mangle): string {
  let out = text.replace(/-{4,5}\s*(BEGIN|END) ([A-Z0-9 ]+?)\s*-{4,5}/g, (_all, what: string, label: string) => {
    const l = m.ssh2Plain ? label.replace('SSH2 ENCRYPTED PRIVATE', 'SSH2 PRIVATE') : label;
    const d = '-'.repeat(m.dashes);
    return `${d}${m.innerSpace}${what} ${l}${m.innerSpace}${d}`;
  });
  out = out.replace(/\r?\n/g, m.collapse ? ' ' : m.eol);
  return m.prefix + out;
}

test('every text core reads as a private key is caught by the paste guard / storage test', () => {
  assert.ok(privateTexts.every(isPrivateForCore), 'the unmangled keys are private keys for core');
  fc.assert(
    fc.property(fc.constantFrom(...privateTexts), mangle, (text, m) => {
      const t = mangled(text, m);
      if (isPrivateForCore(t)) assert.ok(looksPrivate(t), `missed: ${JSON.stringify(t.slice(0, 80))}`);
    }),
    { numRuns: 300 },
  );
});

test('spaced and dashless armour: caught (core reads the first; the second lost its dashes in the copy)', () => {
  // PEM: its body has no openssh-key-v1 magic that would give it away.
  const pem = privateTexts[1]!;
  const spaced = pem.replace(/-----(BEGIN|END) EC PRIVATE KEY-----/g, '----- $1 EC PRIVATE KEY -----');
  assert.ok(isPrivateForCore(spaced));
  assert.ok(looksPrivate(spaced));
  assert.ok(looksPrivate(pem.replace(/^-----/, '')));
});

test('public keys in every format are never taken for private ones', () => {
  const keys = [ed, generateKey({ kind: 'rsa', bits: 2048 }), generateKey({ kind: 'ecdsa', bits: 384 })];
  for (const k of keys) {
    assert.equal(looksPrivate(k.publicLine), false);
    for (const format of ['RFC4716', 'PKCS8', 'PEM'] as const) {
      if (k.spec.kind === 'ed25519' && format !== 'RFC4716') continue;
      assert.equal(looksPrivate(exportPublic(k.publicPath, format)), false, format);
    }
  }
});
