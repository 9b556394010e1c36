/**
 * Generated keys against the real ssh-keygen: `-y` must print our public line exactly, `-lv` our
 * fingerprint and randomart; passphrase-protected files must open with `-y -P`.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { GeneratedKey } from '../../../src/core/types.ts';
import { generateKey } from '../../../src/core/keygen/index.ts';
import { readOpenSshPrivateKey } from '../../helpers/openssh-private-reader.ts';
import { bashOverFiles, sshKeygen, tempDir } from './oracle.ts';

/** Comments of every shape ssh-keygen keeps verbatim: empty, spaces, UTF-8, punctuation. */
function commentFor(i: number): string {
  const shapes = ['', 'user@host', `runpod key ${i}`, 'ünïcödé ключ 鍵', `a'b"c$d\`e\\f!${i}`, `x`.repeat(1 + (i % 90))];
  return shapes[i % shapes.length]!;
}

/** The header of an encrypted file, checked byte for byte; returns the bcrypt rounds it declares. */
function declaredRounds(privateKey: string): number {
  const bytes = Buffer.from(privateKey.split('\n').slice(1, -2).join(''), 'base64');
  // magic, string "aes256-ctr", string "bcrypt", string kdfoptions(24) = string salt(16), uint32 rounds
  assert.ok(bytes.toString('latin1').startsWith('openssh-key-v1\0\0\0\0\x0aaes256-ctr\0\0\0\x06bcrypt\0\0\0\x18\0\0\0\x10'));
  return bytes.readUInt32BE(15 + 14 + 10 + 4 + 4 + 16);
}

test('1,000 unencrypted keys: ssh-keygen -y and -lv agree with our public line, fingerprint and randomart', async (t) => {
  const dir = tempDir(t);
  const N = 1000;
  const keys: GeneratedKey[] = [];
  const files: string[] = [];
  for (let i = 0; i < N; i++) {
    const key = await generateKey({ comment: commentFor(i) });
    const file = join(dir, `k${i}`);
    writeFileSync(file, key.privateKey, { mode: 0o600 });
    keys.push(key);
    files.push(file);
  }
  await bashOverFiles('for f in "$@"; do ssh-keygen -y -f "$f" > "$f.y" 2>&1; done', files);
  // -y proved each public line is the private key's; one -lv over all of them checks the rest.
  const all = join(dir, 'all.pub');
  writeFileSync(all, keys.map((k) => `${k.publicKey}\n`).join(''));
  const listed = sshKeygen(['-lv', '-f', all]).split('\n');
  assert.equal(listed.length, N * 12);
  for (let i = 0; i < N; i++) {
    const key = keys[i]!;
    const comment = commentFor(i);
    assert.equal(readFileSync(`${files[i]}.y`, 'utf8'), `${key.publicKey}\n`, `key ${i}: ssh-keygen -y`);
    // (The comment is -y's business: -l prints an empty one inconsistently across a multi-key file.)
    const [head, ...art] = listed.slice(i * 12, i * 12 + 12);
    assert.equal(head!.split(' ')[1], key.fingerprint, `key ${i}: ssh-keygen -l fingerprint`);
    assert.ok(head!.startsWith('256 ') && head!.endsWith(`${comment ? ` ${comment}` : ''} (ED25519)`), `key ${i}: ${head}`);
    assert.equal(art.join('\n'), key.randomart, `key ${i}: ssh-keygen -lv randomart`);
    // Our reader agrees too, and the file is laid out as ssh-keygen lays it out.
    assert.match(
      key.privateKey,
      /^-----BEGIN OPENSSH PRIVATE KEY-----\n([A-Za-z0-9+/=]{70}\n)*[A-Za-z0-9+/=]{1,70}\n-----END OPENSSH PRIVATE KEY-----\n$/,
    );
  }
  const first = await readOpenSshPrivateKey(keys[1]!.privateKey);
  assert.equal(first.publicKey, keys[1]!.publicKey);
});

test('20 passphrase-protected keys open with ssh-keygen -y -P (two at the default 24 rounds)', async (t) => {
  const dir = tempDir(t);
  const passphrases = ['pass', 'correct horse battery staple', 'pässwörd ключ', 'it\'s "quoted" $HOME', 'x'.repeat(200)];
  const cases = Array.from({ length: 20 }, (_, i) => ({
    passphrase: passphrases[i % passphrases.length]!,
    rounds: i < 2 ? undefined : 1 + (i % 4),
    comment: commentFor(i),
  }));
  const files: string[] = [];
  const keys: GeneratedKey[] = [];
  for (const [i, c] of cases.entries()) {
    const progress: number[] = [];
    const key = await generateKey({
      comment: c.comment,
      passphrase: c.passphrase,
      ...(c.rounds ? { rounds: c.rounds } : {}),
      onProgress: (f) => progress.push(f),
    });
    const rounds = c.rounds ?? 24;
    // 48 bytes of key material = 2 interleaved blocks: one progress step per bcrypt_hash.
    assert.equal(progress.length, 2 * rounds);
    assert.equal(progress.at(-1), 1);
    assert.ok(progress.every((f, j) => j === 0 || f > progress[j - 1]!));
    assert.equal(declaredRounds(key.privateKey), rounds);
    const file = join(dir, `e${i}`);
    writeFileSync(file, key.privateKey, { mode: 0o600 });
    writeFileSync(`${file}.pass`, c.passphrase);
    files.push(file);
    keys.push(key);
  }
  await bashOverFiles('for f in "$@"; do ssh-keygen -y -P "$(cat "$f.pass")" -f "$f" > "$f.y" 2>&1; done', files);
  for (const [i, key] of keys.entries()) {
    assert.equal(readFileSync(`${files[i]}.y`, 'utf8'), `${key.publicKey}\n`, `key ${i}`);
  }
});

test('the encrypted file declares aes256-ctr, bcrypt and the requested rounds', async () => {
  const key = await generateKey({ comment: 'c', passphrase: 'p', rounds: 3 });
  assert.equal(declaredRounds(key.privateKey), 3);
});

test('an empty passphrase means no encryption, as with ssh-keygen -N ""', async () => {
  const key = await generateKey({ passphrase: '' });
  assert.equal((await readOpenSshPrivateKey(key.privateKey)).publicKey, key.publicKey);
  assert.equal(key.publicKey.split(' ').length, 2);
});

test('bad options are refused with a clear message', async () => {
  await assert.rejects(generateKey({ comment: 'two\nlines' }), /single line/);
  await assert.rejects(generateKey({ passphrase: 'p', rounds: 0 }), /rounds must be a positive integer/);
});
