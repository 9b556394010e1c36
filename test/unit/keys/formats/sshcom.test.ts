/**
 * ssh.com (Tectia) private keys (`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----`), made by the real
 * `puttygen -O private-sshcom` from ssh-keygen keys. Oracles: `ssh-keygen -i` (converts an
 * unencrypted ssh.com RSA/DSA key to PEM) + `ssh-keygen -y`, and `puttygen -O public-openssh`
 * (the comment, and the command our hint names for encrypted files). puttygen 0.78 exports only
 * RSA and DSA in this format ("unable to export key" for ed25519/ECDSA), so those are what exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { analyzeKeys, fixAll } from '../../../../src/core/index.ts';
import { findBlocks } from '../../../../src/core/keys/formats/index.ts';
import * as sshcom from '../../../../src/core/keys/formats/sshcom-private.ts';
import { SshParseError } from '../../../../src/core/errors.ts';
import { derivePublic, generateKey, readText, sshKeygen, tempPath, type GeneratedTestKey, type KeySpec } from '../../../helpers/openssh.ts';
import { onlyBlock, typeAndBlob } from './blocks-lib.ts';

function passFile(passphrase: string): string {
  const p = tempPath('pw');
  writeFileSync(p, passphrase);
  return p;
}

/** `puttygen key -O private-sshcom`, optionally with a passphrase; returns the file path. */
function toSshcom(k: GeneratedTestKey, passphrase?: string): string {
  const out = tempPath(`${k.spec.kind}.sshcom`);
  execFileSync('puttygen', [
    k.privatePath,
    '-O',
    'private-sshcom',
    '-o',
    out,
    ...(passphrase ? ['--new-passphrase', passFile(passphrase)] : []),
  ]);
  return out;
}

/** ssh-keygen's own reading: `ssh-keygen -i` (ssh.com → PEM), then `ssh-keygen -y`. */
function keygenPublic(sshcomPath: string): string {
  const pem = tempPath('from-sshcom.pem');
  writeFileSync(pem, sshKeygen(['-i', '-f', sshcomPath]));
  chmodSync(pem, 0o600);
  return derivePublic(pem);
}

const puttyPublic = (path: string, passphrase?: string): string =>
  execFileSync('puttygen', [path, '-O', 'public-openssh', ...(passphrase ? ['--old-passphrase', passFile(passphrase)] : [])], {
    encoding: 'utf8',
  }).trim();

const SPECS: KeySpec[] = [{ kind: 'rsa', bits: 2048 }, { kind: 'rsa', bits: 3072 }, { kind: 'dsa' }];

test("unencrypted ssh.com keys (RSA, DSA): the public key ssh-keygen -i | -y derives, with puttygen's comment", () => {
  for (const spec of SPECS) {
    const k = generateKey(spec, { comment: `tectia ${spec.kind}@host` });
    const path = toSshcom(k);
    const text = readText(path);
    assert.match(text, /^---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n/);
    const b = onlyBlock(text);
    assert.deepEqual(
      [b.kind, b.format, b.encrypted, b.startLine, b.endLine],
      ['private-key', 'sshcom', false, 0, text.trimEnd().split('\n').length - 1],
    );
    assert.equal(typeAndBlob(b.publicLine!), keygenPublic(path), spec.kind);
    assert.equal(b.publicLine, puttyPublic(path));
    assert.equal(b.publicLine, k.publicLine);
  }
});

test('analysis: one private-key error, never foreign-format; the fix is exactly the public line, no private text', () => {
  const k = generateKey({ kind: 'rsa', bits: 2048 }, { comment: 'tectia@host' });
  const text = readText(toSshcom(k));
  const other = generateKey({ kind: 'ed25519' });
  const field = `${other.publicLine}\n${text}`;
  const a = analyzeKeys(field);
  assert.deepEqual(
    a.findings.map((f) => [f.code, f.severity, f.line, f.fixable]),
    [['private-key', 'error', 2, true]],
  );
  assert.match(a.findings[0]!.message, /^Lines 2… are a Tectia \(ssh\.com\) private key: never paste a private key anywhere\./);
  const fixed = fixAll(field);
  assert.equal(fixed, `${other.publicLine}\n${k.publicLine}\n`);
  // (The exact output above is the no-private-text check: body lines of the block may legitimately
  // reappear in the public line, since the modulus n is stored in both.)
  assert.equal(fixAll(fixed), fixed);
});

test('encrypted ssh.com keys: not derivable; the hint names the puttygen command, which does print the key', () => {
  for (const spec of [{ kind: 'rsa', bits: 2048 }, { kind: 'dsa' }] as KeySpec[]) {
    const k = generateKey(spec, { comment: `enc-${spec.kind}` });
    const path = toSshcom(k, 'open sesame');
    const text = readText(path);
    const b = onlyBlock(text);
    assert.deepEqual([b.format, b.encrypted, b.publicLine, b.error], ['sshcom', true, undefined, undefined]);
    const file = spec.kind === 'rsa' ? '~/.ssh/id_rsa' : '~/.ssh/id_dsa';
    assert.equal(b.hint, `puttygen ${file} -O public-openssh`);
    // The named command, run on the real file with the passphrase, prints the original public line.
    assert.equal(puttyPublic(path, 'open sesame'), k.publicLine);
    const a = analyzeKeys(text);
    assert.deepEqual(
      a.findings.map((f) => [f.code, f.fixable]),
      [['private-key', false]],
    );
    assert.ok(a.findings[0]!.message.endsWith(`Run \`puttygen ${file} -O public-openssh\` and paste what it prints instead.`));
    assert.equal(fixAll(text), text, 'an underivable private key is left for the user to remove, never rewritten');
    const info = sshcom.read(text.split('\n'));
    assert.deepEqual([info.cipher, info.type], ['3des-cbc', spec.kind === 'rsa' ? 'ssh-rsa' : 'ssh-dss']);
  }
});

test('tolerance: CRLF, indentation, other wrap widths, collapsed onto one line, missing END marker', () => {
  const k = generateKey({ kind: 'rsa', bits: 2048 }, { comment: 'wrap@host' });
  const text = readText(toSshcom(k)).trimEnd();
  const lines = text.split('\n');
  const body = lines.slice(2, -1).join('');
  const variants = [
    text.replace(/\n/g, '\r\n'),
    lines.map((l) => `  ${l} `).join('\n'),
    [lines[0], lines[1], ...(body.match(/.{1,64}/g) ?? []), lines.at(-1)].join('\n'),
    lines.join(' '),
    lines.slice(0, -1).join('\n'),
  ];
  for (const v of variants) assert.equal(onlyBlock(v).publicLine, k.publicLine, JSON.stringify(v.slice(0, 60)));
  // A multi-line, escaped Comment header (RFC 4716 §3.3 continuation).
  const continued = [lines[0], 'Comment: "wrap@\\', 'host"', ...lines.slice(2)].join('\n');
  assert.equal(onlyBlock(continued).publicLine, k.publicLine);
});

test('damaged ssh.com keys: a specific error and the hint, never an exception or a wrong key', () => {
  const k = generateKey({ kind: 'rsa', bits: 2048 }, { comment: 'dmg' });
  const text = readText(toSshcom(k)).trimEnd();
  const lines = text.split('\n');
  const truncated = onlyBlock([...lines.slice(0, 8), lines.at(-1)].join('\n'));
  assert.match(truncated.error!, /^ssh\.com private key: says \d+ bytes, holds \d+$/);
  assert.equal(truncated.hint, 'puttygen ~/.ssh/id_rsa -O public-openssh');
  const a = analyzeKeys([...lines.slice(0, 8), lines.at(-1)].join('\n'));
  assert.deepEqual(
    a.findings.map((f) => [f.code, f.fixable]),
    [['private-key', false]],
  );

  // One modulus byte changed: p × q no longer matches n.
  const data = Buffer.from(lines.slice(2, -1).join(''), 'base64');
  const bad = Buffer.from(data);
  const n = bad.indexOf(Buffer.from(k.blob.subarray(k.blob.length - 40)));
  assert.ok(n > 0);
  bad[n + 5]! ^= 1;
  assert.throws(
    () => sshcom.readSshcomBytes(bad),
    (e: unknown) => e instanceof SshParseError && e.message === 'ssh.com private key: p × q is not n',
  );
  const wrongMagic = Buffer.from(data);
  wrongMagic[0] = 0;
  assert.throws(() => sshcom.readSshcomBytes(wrongMagic), /missing magic number 0x3f6ff9eb/);
  // Every prefix of the body: an SshParseError, never anything else.
  for (let len = 0; len < data.length; len += 7) {
    assert.throws(() => sshcom.readSshcomBytes(data.subarray(0, len)), SshParseError);
  }
});

test('SSH2 public and private armor side by side: each read as what it is', () => {
  const k = generateKey({ kind: 'rsa', bits: 2048 }, { comment: 'both' });
  const pub = sshKeygen(['-e', '-m', 'RFC4716', '-f', k.publicPath]).trimEnd();
  const priv = readText(toSshcom(k)).trimEnd();
  const blocks = findBlocks(`${pub}\n${priv}\n${pub}`.split('\n'));
  assert.deepEqual(
    blocks.map((b) => [b.kind, b.format]),
    [
      ['foreign-format', 'rfc4716'],
      ['private-key', 'sshcom'],
      ['foreign-format', 'rfc4716'],
    ],
  );
  assert.equal(blocks[1]!.publicLine, k.publicLine);
});
