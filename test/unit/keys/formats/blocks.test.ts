/**
 * findBlocks without and with the foreign adapter passed in, and fast-check: random and mutated
 * blocks never throw (speed is bench/'s job: no timed assertion here).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findBlocks, needsForeignAdapter } from '../../../../src/core/keys/formats/index.ts';
import { derivePublic, exportPublic, generateKey, readText } from '../../../helpers/openssh.ts';

const rsa = generateKey({ kind: 'rsa', bits: 2048 });
const spki = exportPublic(rsa.publicPath, 'PKCS8');
const pkcs8 = readText(generateKey({ kind: 'ecdsa', bits: 256 }, { format: 'PKCS8' }).privatePath);
const opensshKey = readText(generateKey({ kind: 'ed25519' }).privatePath);

test('without the adapter: PEM blocks are marked needsAdapter (private ones with a hint); others still derive', async () => {
  assert.equal(needsForeignAdapter(spki), true);
  assert.equal(needsForeignAdapter(opensshKey), false);
  assert.equal(needsForeignAdapter(rsa.publicLine), false);
  const [pub] = findBlocks(spki.split('\n'));
  assert.deepEqual([pub!.format, pub!.needsAdapter, pub!.publicLine], ['pem-spki', true, undefined]);
  const [priv] = findBlocks(pkcs8.split('\n'));
  assert.deepEqual([priv!.format, priv!.needsAdapter, priv!.hint], ['pkcs8', true, 'ssh-keygen -y -f ~/.ssh/id_rsa']);
  assert.ok(findBlocks(opensshKey.split('\n'))[0]!.publicLine);

  // What the content script does: load the adapter lazily, pass it, re-analyse.
  const { sshpkAdapter } = await import('../../../../src/core/keys/formats/sshpk-adapter.ts');
  assert.equal(findBlocks(spki.split('\n'), sshpkAdapter)[0]!.publicLine, rsa.publicLine.split(' ').slice(0, 2).join(' '));
  const after = findBlocks(pkcs8.split('\n'), sshpkAdapter)[0]!;
  assert.equal(after.publicLine, derivePublic(generateKey({ kind: 'ecdsa', bits: 256 }, { format: 'PKCS8' }).privatePath));
  assert.equal(after.needsAdapter, undefined);
});

const seeds = [
  spki,
  pkcs8,
  opensshKey,
  exportPublic(rsa.publicPath, 'RFC4716'),
  exportPublic(rsa.publicPath, 'PEM'),
  'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: c\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIMsP7fQ1UTIOTK96eoS840gOeGO+ClVwHkIOIWK9\nxCkP\nPrivate-Lines: 1\nAAAA\nPrivate-MAC: 00\n',
];

test('fast-check: mutated blocks (edits, cut lines, joined lines) never throw and stay well-formed', async () => {
  const { sshpkAdapter } = await import('../../../../src/core/keys/formats/sshpk-adapter.ts');
  const arb = fc.record({
    seed: fc.nat({ max: seeds.length - 1 }),
    edits: fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('del', 'ins', 'dropline', 'joinline', 'dupline'),
        fc.constantFrom('A', '=', '-', ' ', '\n', '\r', ':', '\\', 'é', '-----END PUBLIC KEY-----', 'Public-Lines: 99999'),
      ),
      { maxLength: 6 },
    ),
  });
  fc.assert(
    fc.property(arb, ({ seed, edits }) => {
      let s = seeds[seed]!;
      for (const [pos, op, ch] of edits) {
        const i = pos % (s.length + 1);
        if (op === 'del') s = s.slice(0, i) + s.slice(i + 1);
        else if (op === 'ins') s = s.slice(0, i) + ch + s.slice(i);
        else {
          const lines = s.split('\n');
          const l = pos % lines.length;
          if (op === 'dropline') lines.splice(l, 1);
          else if (op === 'joinline') lines.splice(l, 2, lines.slice(l, l + 2).join(''));
          else lines.splice(l, 0, lines[l]!);
          s = lines.join('\n');
        }
      }
      const blocks = findBlocks(s.split('\n'), sshpkAdapter);
      for (const b of blocks) {
        assert.ok(b.startLine <= b.endLine && b.endLine < s.split('\n').length);
        if (b.publicLine) assert.match(b.publicLine, /^[a-z0-9@.-]+ [A-Za-z0-9+/]+=*( .*)?$/);
      }
    }),
    { numRuns: 400 },
  );
});

test('fast-check: arbitrary text never throws', async () => {
  const { sshpkAdapter } = await import('../../../../src/core/keys/formats/sshpk-adapter.ts');
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            '-----BEGIN OPENSSH PRIVATE KEY-----',
            '---- BEGIN SSH2 PUBLIC KEY ----',
            'PuTTY-User-Key-File-2: ssh-rsa',
            '-----BEGIN RSA PRIVATE KEY-----',
            'Proc-Type: 4,ENCRYPTED',
          ),
        ),
      ),
      (lines) => {
        findBlocks(lines);
        findBlocks(lines, sshpkAdapter);
      },
    ),
    { numRuns: 2000 },
  );
});
