/** The line model, the blob scanner and the options parser, each on its own. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBlobs } from '../../../../src/core/keys/diagnostics/scan.ts';
import { parseOptions } from '../../../../src/core/keys/diagnostics/options-prefix.ts';
import { cleanLine } from '../../../../src/core/keys/diagnostics/whitespace.ts';
import { detectFingerprint } from '../../../../src/core/keys/diagnostics/fingerprint.ts';
import { applyEdits, splitLines } from '../../../../src/core/keys/lines.ts';
import { generateKey } from '../../../helpers/openssh.ts';

const ed = generateKey({ kind: 'ed25519' });
const ec = generateKey({ kind: 'ecdsa', bits: 521 });

test('findBlobs: exact spans of glued blobs, none in near misses', () => {
  const a = ed.publicLine.split(' ')[1]!;
  const b = ec.publicLine.split(' ')[1]!;
  const hits = findBlobs(`x ${a}${b} y`);
  assert.deepEqual(
    hits.map((h) => [h.start, h.end, h.type]),
    [
      [2, 2 + a.length, 'ssh-ed25519'],
      [2 + a.length, 2 + a.length + b.length, 'ecdsa-sha2-nistp521'],
    ],
  );
  assert.deepEqual(findBlobs(a.slice(0, -2)), []);
  assert.deepEqual(findBlobs('AAAA'.repeat(1000)), []);
});

test('splitLines/applyEdits keep untouched terminators and drop a deleted tail cleanly', () => {
  const f = splitLines('a\r\nb\rc\nd');
  assert.deepEqual([...f], ['a', 'b', 'c', 'd']);
  assert.equal(f.firstCrLine, 0);
  assert.equal(applyEdits(f, [{ start: 1, end: 2, lines: ['x'] }]), 'a\r\nx\nd');
  assert.equal(applyEdits(f, [{ start: 3, end: 3, lines: [] }]), 'a\r\nb\rc');
  assert.equal(applyEdits(f, [], true), 'a\nb\nc\nd');
});

test('parseOptions: quoted values with commas, spaces and escaped quotes; rejects near misses', () => {
  assert.deepEqual(parseOptions('from="a,b",command="echo \\"x y\\"",no-pty'), { ok: true, names: ['from', 'command', 'no-pty'] });
  assert.equal(parseOptions('command="unclosed').ok, false);
  assert.equal(parseOptions('no-such-option').ok, false);
  assert.equal(parseOptions('$ cat').ok, false);
});

test('cleanLine and detectFingerprint', () => {
  assert.deepEqual(cleanLine('a\u00a0b\u200bc\td'), {
    text: 'a bc d',
    changes: [
      { kind: 'nbsp', at: 1 },
      { kind: 'invisible', at: 3 },
      { kind: 'tab', at: 4 },
    ],
  });
  assert.equal(detectFingerprint(ed.sha256.line), ed.sha256.fingerprint);
  assert.equal(detectFingerprint(ed.md5.fingerprint.slice(4)), ed.md5.fingerprint);
  assert.equal(detectFingerprint(`SHA256:${'a'.repeat(42)}`), null);
});
