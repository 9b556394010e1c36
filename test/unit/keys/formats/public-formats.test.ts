/**
 * Foreign public key formats against ssh-keygen: RFC 4716 (`-e -m RFC4716`), SPKI (`-e -m PKCS8`)
 * and PKCS#1 (`-e -m PEM`) → the OpenSSH line equals `ssh-keygen -i -m …`; the test helper's
 * RFC 4716 writer matches ssh-keygen -e, and a long Comment it continues reads back. Also
 * PuTTYgen's RFC 4716 output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as rfc4716 from '../../../../src/core/keys/formats/rfc4716.ts';
import { SshParseError } from '../../../../src/core/errors.ts';
import { allKeys, exportPublic, generateKey, importPublic, skKey, writeTemp } from '../../../helpers/openssh.ts';
import { writeRfc4716 } from '../../../helpers/rfc4716-writer.ts';
import { onlyBlock, typeAndBlob } from './blocks-lib.ts';

const keys = allKeys();

test('RFC 4716 from ssh-keygen -e, every type: same key as ssh-keygen -i, comment from the header', () => {
  for (const k of [...keys, skKey('ed25519'), skKey('ecdsa')]) {
    const text = exportPublic(k.publicPath, 'RFC4716');
    const b = onlyBlock(text);
    assert.equal(b.kind, 'foreign-format');
    assert.equal(b.format, 'rfc4716');
    assert.equal(b.endLine, text.trimEnd().split('\n').length - 1);
    assert.equal(typeAndBlob(b.publicLine!), importPublic(text, 'RFC4716'));
    assert.match(b.publicLine!, / \d+-bit .*, converted by .* from OpenSSH$/);
  }
});

test('RFC 4716 (test writer): byte-for-byte what ssh-keygen -e writes; a continued long Comment reads back, as ssh-keygen -i reads it', () => {
  for (const k of keys) {
    const text = exportPublic(k.publicPath, 'RFC4716');
    const comment = /Comment: "(.*)"/.exec(text)![1]!;
    assert.equal(writeRfc4716(k.blob, comment), text);
  }
  const k = generateKey({ kind: 'ed25519' });
  const long = 'a very long comment that must be continued onto a second header line with a backslash, see RFC 4716 §3.3';
  const written = writeRfc4716(k.blob, long);
  assert.ok(written.split('\n').every((l) => l.length <= 72));
  assert.ok(written.includes('\\\n'));
  assert.equal(importPublic(written, 'RFC4716'), typeAndBlob(k.publicLine));
  assert.equal(rfc4716.read(written.split('\n')).comment, long);
});

test('RFC 4716 headers: x- tags, unquoted comment, continuation lines, CRLF and odd wrapping', () => {
  const k = generateKey({ kind: 'ecdsa', bits: 256 });
  const b64 = k.publicLine.split(' ')[1]!;
  const text = [
    '---- BEGIN SSH2 PUBLIC KEY ----',
    'x-command: some \\',
    'continued value',
    'Comment: my key \\',
    'on two lines',
    ...(b64.match(/.{1,37}/g) ?? []).map((l) => `  ${l}  `),
    '---- END SSH2 PUBLIC KEY ----',
  ].join('\r\n');
  const r = rfc4716.read(text.split('\n'));
  assert.deepEqual(r.headers[0], ['x-command', 'some continued value']);
  assert.equal(r.comment, 'my key on two lines');
  assert.equal(typeAndBlob(r.publicLine), importPublic(text.replace(/\r/g, '').replace(/^ +| +$/gm, ''), 'RFC4716'));
});

test('RFC 4716 header values: up to the 1024 bytes of §3.3 read, a longer one refused with its tag named', () => {
  const k = generateKey({ kind: 'ed25519' });
  // Continued over many lines, as a terminal would wrap it; é is two bytes in UTF-8.
  const block = (value: string): string[] => {
    const pieces = value.match(/.{1,60}/g) ?? [];
    const header = pieces.map((p, i) => (i === 0 ? `Comment: ${p}` : p) + (i < pieces.length - 1 ? '\\' : ''));
    return ['---- BEGIN SSH2 PUBLIC KEY ----', ...header, k.publicLine.split(' ')[1]!, '---- END SSH2 PUBLIC KEY ----'];
  };
  const max = 'x'.repeat(1022) + 'é';
  assert.equal(rfc4716.read(block(max)).comment, max);
  assert.equal(importPublic(block(max).join('\n'), 'RFC4716'), typeAndBlob(k.publicLine));
  for (const over of [`${max}x`, 'y'.repeat(1025), 'z'.repeat(1_000_000)]) {
    assert.throws(
      () => rfc4716.read(block(over)),
      (e: unknown) =>
        e instanceof SshParseError && e.message === 'SSH2 public key: header "Comment" is longer than the 1024 bytes RFC 4716 §3.3 allows',
    );
  }
  const b = onlyBlock(block('y'.repeat(5000)).join('\n'));
  assert.equal(b.kind, 'foreign-format');
  assert.equal(b.publicLine, undefined);
  assert.match(b.error ?? '', /longer than the 1024 bytes/);
});

test('RFC 4716 and SPKI blocks collapsed onto one line (newlines lost in a paste)', () => {
  const k = generateKey({ kind: 'rsa', bits: 3072 });
  const rfc = exportPublic(k.publicPath, 'RFC4716').trim().replace(/\n/g, ' ');
  assert.equal(typeAndBlob(onlyBlock(rfc).publicLine!), typeAndBlob(k.publicLine));
  const spki = exportPublic(k.publicPath, 'PKCS8').trim().replace(/\n/g, ' ');
  assert.equal(onlyBlock(spki).publicLine, typeAndBlob(k.publicLine));
});

test("PuTTYgen's RFC 4716 public key output", () => {
  for (const k of keys.filter((x) => x.type !== 'ssh-dss')) {
    const text = execFileSync('puttygen', [k.privatePath, '-O', 'public'], { encoding: 'utf8' });
    const b = onlyBlock(text);
    assert.equal(b.publicLine, `${typeAndBlob(k.publicLine)} ${k.comment}`);
  }
});

test('SPKI (ssh-keygen -e -m PKCS8) for rsa/ecdsa/dsa: equals ssh-keygen -i -m PKCS8', () => {
  for (const k of keys.filter((x) => x.type !== 'ssh-ed25519')) {
    const text = exportPublic(k.publicPath, 'PKCS8');
    const b = onlyBlock(text);
    assert.equal(b.format, 'pem-spki');
    assert.equal(b.publicLine, importPublic(text, 'PKCS8'), k.type);
    assert.equal(b.publicLine, typeAndBlob(k.publicLine));
  }
});

test('SPKI for ed25519 (OpenSSH 9.2 cannot export it: Node crypto is the oracle)', () => {
  const { publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const b = onlyBlock(pem);
  const blob = Buffer.from(b.publicLine!.split(' ')[1]!, 'base64');
  assert.equal(b.publicLine!.split(' ')[0], 'ssh-ed25519');
  assert.deepEqual(blob.subarray(blob.length - 32), raw);
  // ssh-keygen accepts the converted line
  const p = writeTemp('ed.pub', b.publicLine + '\n');
  assert.match(execFileSync('ssh-keygen', ['-l', '-f', p], { encoding: 'utf8' }), /\(ED25519\)/);
});

test('PKCS#1 RSA PUBLIC KEY (ssh-keygen -e -m PEM): equals ssh-keygen -i -m PEM', () => {
  for (const k of keys.filter((x) => x.type === 'ssh-rsa')) {
    const text = exportPublic(k.publicPath, 'PEM');
    const b = onlyBlock(text);
    assert.equal(b.format, 'pem-pkcs1-public');
    assert.equal(b.publicLine, importPublic(text, 'PEM'));
  }
});

test('a corrupt PEM public key gives an error on the block, not an exception', () => {
  const text = exportPublic(keys[1]!.publicPath, 'PKCS8').replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA');
  const b = onlyBlock(text);
  assert.equal(b.publicLine, undefined);
  assert.match(b.error!, /^PEM public key could not be read: /);
});
