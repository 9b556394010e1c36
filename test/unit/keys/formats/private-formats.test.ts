/**
 * Private key blocks → the public key, checked against `ssh-keygen -y`: OpenSSH (encrypted and
 * not, every type), PEM (RSA/EC/DSA) and PKCS#8 (plain and encrypted), PuTTY .ppk v2/v3
 * (plain and encrypted, made by the real puttygen).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sshpkAdapter } from '../../../../src/core/keys/formats/sshpk-adapter.ts';
import { findBlocks } from '../../../../src/core/keys/formats/index.ts';
import * as openssh from '../../../../src/core/keys/formats/openssh-private.ts';
import { ALL_SPECS, derivePublic, generateKey, readText, tempPath, type KeySpec } from '../../../helpers/openssh.ts';
import { onlyBlock, typeAndBlob } from './blocks-lib.ts';

test('OpenSSH private keys, every type: unencrypted gives ssh-keygen -y exactly (with comment)', () => {
  for (const spec of ALL_SPECS) {
    const k = generateKey(spec);
    const text = readText(k.privatePath);
    const b = onlyBlock(text);
    assert.equal(b.kind, 'private-key');
    assert.equal(b.format, 'openssh');
    assert.equal(b.encrypted, false);
    assert.equal(b.publicLine, derivePublic(k.privatePath));
    assert.equal(b.endLine, text.trimEnd().split('\n').length - 1);
  }
});

test('OpenSSH private keys encrypted with a passphrase: public key without it, cipher and kdf names', () => {
  for (const spec of [{ kind: 'ed25519' }, { kind: 'rsa', bits: 2048 }, { kind: 'ecdsa', bits: 521 }] as KeySpec[]) {
    const k = generateKey(spec, { passphrase: 'correct horse' });
    const text = readText(k.privatePath);
    const b = onlyBlock(text);
    assert.equal(b.encrypted, true);
    assert.equal(b.publicLine, typeAndBlob(derivePublic(k.privatePath, 'correct horse')));
    const info = openssh.read(text.split('\n'));
    assert.equal(info.cipher, 'aes256-ctr');
    assert.equal(info.kdf, 'bcrypt');
    assert.equal(info.comment, undefined);
  }
});

test('PEM and PKCS#8 private keys (rsa, ecdsa, dsa): public key equals ssh-keygen -y', () => {
  const expectFormat = { rsa: 'pem-rsa', ecdsa: 'pem-ec', dsa: 'pem-dsa' } as const;
  for (const spec of [
    { kind: 'rsa', bits: 2048 },
    { kind: 'ecdsa', bits: 256 },
    { kind: 'ecdsa', bits: 384 },
    { kind: 'ecdsa', bits: 521 },
    { kind: 'dsa' },
  ] as KeySpec[]) {
    for (const format of ['PEM', 'PKCS8'] as const) {
      const k = generateKey(spec, { format });
      const b = onlyBlock(readText(k.privatePath));
      assert.equal(b.format, format === 'PEM' ? expectFormat[spec.kind as 'rsa'] : 'pkcs8');
      assert.equal(b.encrypted, false);
      assert.equal(b.publicLine, typeAndBlob(derivePublic(k.privatePath)), `${spec.kind} ${format}`);
    }
  }
});

test('encrypted PEM (Proc-Type: 4,ENCRYPTED) and PKCS#8 (ENCRYPTED PRIVATE KEY): the exact ssh-keygen -y hint', () => {
  const rsaPem = readText(generateKey({ kind: 'rsa', bits: 2048 }, { format: 'PEM', passphrase: 'password' }).privatePath);
  assert.match(rsaPem, /Proc-Type: 4,ENCRYPTED/);
  const b1 = onlyBlock(rsaPem);
  assert.deepEqual([b1.format, b1.encrypted, b1.publicLine, b1.hint], ['pem-rsa', true, undefined, 'ssh-keygen -y -f ~/.ssh/id_rsa']);
  const ecPem = onlyBlock(readText(generateKey({ kind: 'ecdsa', bits: 256 }, { format: 'PEM', passphrase: 'password' }).privatePath));
  assert.equal(ecPem.hint, 'ssh-keygen -y -f ~/.ssh/id_ecdsa');
  const p8 = readText(generateKey({ kind: 'rsa', bits: 2048 }, { format: 'PKCS8', passphrase: 'password' }).privatePath);
  assert.match(p8, /BEGIN ENCRYPTED PRIVATE KEY/);
  const b3 = onlyBlock(p8);
  assert.deepEqual(
    [b3.format, b3.encrypted, b3.publicLine, b3.hint],
    ['pkcs8-encrypted', true, undefined, 'ssh-keygen -y -f ~/.ssh/id_rsa'],
  );
});

function ppk(src: string, version: 2 | 3, passphrase?: string): string {
  const out = tempPath(`k${version}.ppk`);
  const args = [src, '-O', 'private', '-o', out, '--ppk-param', `version=${version}`];
  if (passphrase) {
    const pw = tempPath('pw');
    execFileSync('bash', ['-c', `printf %s "$1" > "$2"`, '_', passphrase, pw]);
    args.push('--new-passphrase', pw);
  }
  execFileSync('puttygen', args);
  return readText(out);
}

test('PuTTY .ppk v2 and v3, plain and encrypted (real puttygen): public key + comment', () => {
  for (const spec of [{ kind: 'ed25519' }, { kind: 'rsa', bits: 2048 }, { kind: 'ecdsa', bits: 384 }] as KeySpec[]) {
    const k = generateKey(spec);
    for (const version of [2, 3] as const) {
      for (const pass of ['', 'secret words']) {
        const text = ppk(k.privatePath, version, pass || undefined);
        const b = onlyBlock(text);
        assert.equal(b.format, 'putty');
        assert.equal(b.kind, 'private-key');
        assert.equal(b.encrypted, pass !== '');
        assert.equal(b.publicLine, derivePublic(k.privatePath), `${spec.kind} v${version} ${pass ? 'encrypted' : ''}`);
        assert.equal(b.endLine, text.trimEnd().split('\n').length - 1);
      }
    }
  }
});

test('tolerance inside blocks: CRLF, indentation, trailing spaces, odd wrap widths, collapsed onto one line', () => {
  const k = generateKey({ kind: 'ed25519' });
  const text = readText(k.privatePath).trimEnd();
  const lines = text.split('\n');
  const body = lines.slice(1, -1).join('');
  const variants = [
    text.replace(/\n/g, '\r\n'),
    lines.map((l) => `   ${l}  `).join('\n'),
    [lines[0], ...(body.match(/.{1,33}/g) ?? []), lines.at(-1)].join('\n'),
    [lines[0], ...(body.match(/.{1,76}/g) ?? []), lines.at(-1)].join('\n'),
    `${lines[0]} ${body} ${lines.at(-1)}`,
    lines.join(' '),
  ];
  for (const v of variants) {
    const b = onlyBlock(v);
    assert.equal(b.publicLine, k.publicLine, JSON.stringify(v.slice(0, 80)));
  }
  const pem = readText(generateKey({ kind: 'rsa', bits: 2048 }, { format: 'PKCS8' }).privatePath).trimEnd();
  assert.ok(onlyBlock(pem.replace(/\n/g, ' ')).publicLine?.startsWith('ssh-rsa '));
  assert.ok(onlyBlock(pem.replace(/\n/g, '\r\n')).publicLine?.startsWith('ssh-rsa '));
});

test('a block among key lines: line ranges, and a truncated block gives an error, not an exception', () => {
  const k = generateKey({ kind: 'ecdsa', bits: 256 });
  const priv = readText(k.privatePath).trimEnd().split('\n');
  const lines = [k.publicLine, '', ...priv, 'ssh-ed25519 AAAA x', ...priv.slice(0, 3)];
  const blocks = findBlocks(lines, sshpkAdapter);
  assert.equal(blocks.length, 2);
  assert.deepEqual([blocks[0]!.startLine, blocks[0]!.endLine], [2, 1 + priv.length]);
  assert.equal(blocks[0]!.publicLine, derivePublic(k.privatePath));
  assert.deepEqual([blocks[1]!.startLine, blocks[1]!.endLine], [3 + priv.length, lines.length - 1]);
  assert.equal(blocks[1]!.publicLine, undefined);
  assert.match(blocks[1]!.error!, /truncated/);
});
