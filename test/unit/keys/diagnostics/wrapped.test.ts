/**
 * `wrapped` (diagnostics/wrapped.ts): real keys (ssh-keygen) broken by a terminal at any column
 * come back exactly, including breaks inside the type word, the padding and the comment; and the
 * lines that only sit next to a key (another key, a blank line, a note, a prompt, a fingerprint)
 * are never swallowed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeKeys, fixAll } from '../../../../src/core/keys/analyze.ts';
import { generateKey } from '../../../helpers/openssh.ts';

const KEYS = [
  generateKey({ kind: 'ed25519' }),
  generateKey({ kind: 'rsa', bits: 2048 }),
  generateKey({ kind: 'ecdsa', bits: 256 }),
  generateKey({ kind: 'ecdsa', bits: 384 }),
  generateKey({ kind: 'ecdsa', bits: 521 }),
];
const ed = KEYS[0]!;
const rsa = KEYS[1]!;
const bare = (k: (typeof KEYS)[number]): string => k.publicLine.split(' ').slice(0, 2).join(' ');

/** What a terminal does to a long line: a break every `width` characters, nothing added or lost. */
const hardWrap = (line: string, width: number): string => (line.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n');

const codes = (text: string): string[] => analyzeKeys(text).findings.map((f) => `${f.code}:${f.line}`);

test('property: real keys with user@host comments, wrapped at any width 20–120, are rejoined exactly', () => {
  const word = fc.stringMatching(/^[a-z0-9._]{1,12}$/);
  fc.assert(
    fc.property(fc.nat(KEYS.length - 1), word, word, fc.integer({ min: 20, max: 120 }), (k, user, host, width) => {
      const key = KEYS[k]!;
      const line = `${bare(key)} u${user}@${host}`;
      const text = hardWrap(line, width);
      const fixed = fixAll(text);
      assert.equal(fixed, line, `width ${width}:\n${text}`);
      assert.equal(fixAll(fixed), fixed);
      const a = analyzeKeys(text);
      assert.deepEqual(
        a.keys.map((x) => x.fingerprint),
        [key.sha256.fingerprint],
      );
      assert.deepEqual(
        a.findings.map((f) => f.code),
        text.includes('\n') ? ['wrapped'] : [],
      );
    }),
    { numRuns: 400 },
  );
});

test('rejoined: a break in the comment, in the type word, on the separator, in the padding; CRLF too', () => {
  const [type, b64] = bare(ed).split(' ') as [string, string];
  const cases: [string, string][] = [
    [`${type} ${b64} me@lap\ntop`, `${type} ${b64} me@laptop`],
    [`ssh-ed\n25519 ${b64} me@laptop`, `${type} ${b64} me@laptop`],
    [`s\nsh-ed25519 ${b64}`, `${type} ${b64}`],
    [`${type} ${b64}\n me@laptop`, `${type} ${b64} me@laptop`],
    [`${type} ${b64} \nme@laptop`, `${type} ${b64} me@laptop`],
    [`${type} ${b64} John\n Smith`, `${type} ${b64} John Smith`],
    [`${bare(rsa)}\n user@host`, `${bare(rsa)} user@host`],
    [`${type} ${b64.slice(0, 40)}\r\n${b64.slice(40)} me@lap\r\ntop\r\n`, `${type} ${b64} me@laptop\n`],
  ];
  const ec384 = bare(KEYS[3]!);
  assert.ok(ec384.endsWith('=='));
  cases.push([`${ec384.slice(0, -2)}\n== x@y`, `${ec384} x@y`], [`${ec384.slice(0, -1)}\n= x@y`, `${ec384} x@y`]);
  const sk = 'sk-ecdsa-sha2-nistp256@openssh.com';
  const skBlob = Buffer.from([
    ...[0, 0, 0, sk.length],
    ...Buffer.from(sk),
    0,
    0,
    0,
    8,
    ...Buffer.from('nistp256'),
    0,
    0,
    0,
    65,
    ...KEYS[2]!.blob.subarray(KEYS[2]!.blob.length - 65),
    0,
    0,
    0,
    4,
    ...Buffer.from('ssh:'),
  ]).toString('base64');
  const skLine = `${sk} ${skBlob} yubi@desk`;
  for (const width of [20, 25, 30, 34]) cases.push([hardWrap(skLine, width), skLine]);
  for (const [text, expected] of cases) {
    assert.deepEqual(
      codes(text).filter((c) => !c.startsWith('whitespace')),
      ['wrapped:1'],
      JSON.stringify(text),
    );
    assert.equal(fixAll(text), expected, JSON.stringify(text));
  }
});

test('never swallowed: another key, a blank line, a note, a prompt, a fingerprint, a longer line, a block', () => {
  const cases = [
    [`${ed.publicLine}\n${rsa.publicLine}`, []],
    [`${ed.publicLine}\n\ntop`, ['not-a-key:3']],
    [`${ed.publicLine}\nmy note`, ['not-a-key:2']],
    [`${ed.publicLine}\nuser@laptop:~$`, ['not-a-key:2']],
    [`${ed.publicLine}\n$ whoami`, ['not-a-key:2']],
    [`${ed.publicLine}\n${ed.sha256.fingerprint}`, ['fingerprint:2']],
    [`${ed.publicLine}\n${ed.md5.fingerprint.slice(4)}`, ['fingerprint:2']],
    [`${ed.publicLine}\n${'x'.repeat(ed.publicLine.length + 1)}`, ['not-a-key:2']],
    [`${ed.publicLine}\n&`, ['not-a-key:2']],
    [`${bare(ed)}\nlaptop`, ['not-a-key:2']],
    [`${ed.publicLine}\n${bare(rsa).split(' ')[1]}`, ['missing-type:2']],
    [`${ed.publicLine}\n-----BEGIN OPENSSH PRIVATE KEY-----`, ['private-key:2']],
    // The start of a type word that the next line completes belongs to the key below, not the comment above.
    [`${ed.publicLine}\nssh\n-rsa ${bare(rsa).split(' ')[1]} me@host`, ['wrapped:2']],
  ] as const;
  for (const [text, expected] of cases) {
    assert.deepEqual(codes(text), expected, JSON.stringify(text));
    assert.ok(fixAll(text).split('\n').includes(text.split('\n')[0]!), JSON.stringify(text));
  }
  // A piece that is a whole valid key on its own is never the tail of the one above.
  const twoWrapped = `${hardWrap(rsa.publicLine, 64)}\n${ed.publicLine}`;
  assert.equal(fixAll(twoWrapped), `${rsa.publicLine}\n${ed.publicLine}`);
  // A comment with spaces broken inside, under a one-line key: not provably a wrap, left as found.
  const [type, b64] = bare(ed).split(' ') as [string, string];
  assert.deepEqual(codes(`${type} ${b64} John Sm\nith's laptop`), ['not-a-key:2']);
  // With the fixed-column evidence of a multi-line key, the same break is rejoined.
  const long = `${bare(rsa)} John Smith's laptop`;
  assert.equal(fixAll(hardWrap(long, 50)), long);
});
