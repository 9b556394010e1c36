/**
 * The openssh-key-v1 reader against files the real ssh-keygen wrote (-a 16 as OpenSSH < 9.4,
 * -a 24 as ≥ 9.4, with and without a passphrase), the byte-exact writer, and mutation properties.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { SshParseError } from '../../../src/core/errors.ts';
import { generateKey } from '../../../src/core/keygen/index.ts';
import { write as writeOpenSshPrivateKey } from '../../../src/core/keys/formats/openssh-private.ts';
import { parseOpenSshPrivateKey, readOpenSshPrivateKey } from '../../helpers/openssh-private-reader.ts';
import { sshKeygen, tempDir } from './oracle.ts';

interface Written {
  file: string;
  text: string;
  passphrase: string;
  publicLine: string;
}

function keygenWrite(dir: string, name: string, args: string[], passphrase: string, comment: string): Written {
  const file = join(dir, name);
  sshKeygen(['-q', ...args, '-N', passphrase, '-C', comment, '-f', file]);
  const publicLine = sshKeygen(['-y', '-P', passphrase, '-f', file]);
  return { file, text: readFileSync(file, 'utf8'), passphrase, publicLine };
}

const ED25519_CASES = [
  { name: 'a16-plain', args: ['-t', 'ed25519', '-a', '16'], passphrase: '', comment: 'plain@host' },
  { name: 'a24-plain', args: ['-t', 'ed25519', '-a', '24'], passphrase: '', comment: '' },
  { name: 'a16-pass', args: ['-t', 'ed25519', '-a', '16'], passphrase: 'secret sixteen', comment: 'debian 12 default' },
  { name: 'a24-pass', args: ['-t', 'ed25519', '-a', '24'], passphrase: 'pässwörd', comment: 'ünïcödé comment' },
  { name: 'a3-pass', args: ['-t', 'ed25519', '-a', '3'], passphrase: 'p', comment: 'few rounds' },
];

test("reads ed25519 keys ssh-keygen wrote (-a 16 / -a 24, with and without -N) and returns ssh-keygen's public line", async (t) => {
  const dir = tempDir(t);
  for (const c of ED25519_CASES) {
    const w = keygenWrite(dir, c.name, c.args, c.passphrase, c.comment);
    const read = await readOpenSshPrivateKey(w.text, c.passphrase || undefined);
    assert.equal(read.publicKey, w.publicLine, c.name);
    assert.equal(read.comment, c.comment, c.name);
    assert.equal(read.seed?.length, 32, c.name);
    // The public line ssh-keygen wrote next to it (.pub) is the same key.
    assert.equal(readFileSync(`${w.file}.pub`, 'utf8').trim(), w.publicLine);
  }
});

test('re-writing an ssh-keygen file with its salt, rounds, check integer and comment is byte-identical', async (t) => {
  const dir = tempDir(t);
  const cases = [
    ...ED25519_CASES,
    { name: 'ecdsa', args: ['-t', 'ecdsa', '-b', '384', '-a', '2'], passphrase: 'ec pass', comment: 'ecdsa' },
    { name: 'rsa', args: ['-t', 'rsa', '-b', '2048'], passphrase: '', comment: 'rsa' },
  ];
  for (const c of cases) {
    const w = keygenWrite(dir, c.name, c.args, c.passphrase, c.comment);
    const parsed = await parseOpenSshPrivateKey(w.text, c.passphrase || undefined);
    assert.equal(parsed.encryption?.rounds, c.passphrase ? Number(c.args[c.args.indexOf('-a') + 1]) : undefined, c.name);
    assert.equal(parsed.publicLine, w.publicLine, c.name);
    assert.equal(await writeOpenSshPrivateKey(parsed), w.text, c.name);
  }
});

test('reads the other key types ssh-keygen writes (public line as ssh-keygen -y prints it)', async (t) => {
  const dir = tempDir(t);
  for (const [name, args, pass] of [
    ['ecdsa256', ['-t', 'ecdsa', '-b', '256'], ''],
    ['ecdsa521', ['-t', 'ecdsa', '-b', '521', '-a', '1'], 'x'],
    ['rsa-ctr', ['-t', 'rsa', '-b', '2048', '-a', '1', '-Z', 'aes128-ctr'], 'y'],
    ['ed-cbc', ['-t', 'ed25519', '-a', '1', '-Z', 'aes256-cbc'], 'z'],
    ['ed-gcm128', ['-t', 'ed25519', '-a', '1', '-Z', 'aes128-gcm@openssh.com'], 'g'],
    ['ed-gcm256', ['-t', 'ed25519', '-a', '1', '-Z', 'aes256-gcm@openssh.com'], 'g'],
    ['ed-chacha', ['-t', 'ed25519', '-a', '1', '-Z', 'chacha20-poly1305@openssh.com'], 'c'],
  ] as const) {
    const w = keygenWrite(dir, name, [...args], pass, name);
    assert.equal((await readOpenSshPrivateKey(w.text, pass || undefined)).publicKey, w.publicLine, name);
    // With an authenticated cipher the tag, not the check integers, catches a wrong passphrase.
    if (pass) await assert.rejects(readOpenSshPrivateKey(w.text, `${pass}!`), { code: 'bad-passphrase' }, name);
  }
  const des = keygenWrite(dir, 'des', ['-t', 'ed25519', '-a', '1', '-Z', '3des-cbc'], 'd', 'des');
  await assert.rejects(readOpenSshPrivateKey(des.text, 'd'), {
    code: 'unsupported',
    message: 'Private keys encrypted with "3des-cbc" are not supported; convert it with "ssh-keygen -p -Z aes256-ctr -f <file>"',
  });
});

test('wrong or missing passphrase: the specific SshParseError', async (t) => {
  const dir = tempDir(t);
  const w = keygenWrite(dir, 'k', ['-t', 'ed25519', '-a', '2'], 'right', 'c');
  await assert.rejects(
    readOpenSshPrivateKey(w.text, 'wrong'),
    (e: unknown) =>
      e instanceof SshParseError &&
      e.code === 'bad-passphrase' &&
      e.message === 'Incorrect passphrase: it does not decrypt this private key',
  );
  for (const missing of [undefined, '']) {
    await assert.rejects(
      readOpenSshPrivateKey(w.text, missing),
      (e: unknown) =>
        e instanceof SshParseError &&
        e.code === 'needs-passphrase' &&
        e.message === 'This private key is protected by a passphrase: enter it to read the key',
    );
  }
  // Our own encrypted output behaves the same.
  const ours = await generateKey({ passphrase: 'right', rounds: 2 });
  await assert.rejects(readOpenSshPrivateKey(ours.privateKey, 'Right'), { code: 'bad-passphrase' });
  assert.equal((await readOpenSshPrivateKey(ours.privateKey, 'right')).publicKey, ours.publicKey);
});

test('damaged files get specific messages', async () => {
  const key = await generateKey({ comment: 'c' });
  const lines = key.privateKey.split('\n');
  const raw = Buffer.from(lines.slice(1, -2).join(''), 'base64');
  const cases: [string, string, RegExp][] = [
    ['', 'bad-format', /BEGIN OPENSSH PRIVATE KEY-----" line is missing/],
    [lines.slice(0, 3).join('\n'), 'truncated', /END OPENSSH PRIVATE KEY-----" line is missing/],
    [[lines[0], lines.at(-2)].join('\n'), 'truncated', /empty between its BEGIN and END/],
    [[lines[0], 'not*base64', lines.at(-2)].join('\n'), 'bad-base64', /not valid base64/],
    [armor(new TextEncoder().encode('openssh-key-v2\0rest')), 'bad-format', /does not start with "openssh-key-v1"/],
    [armor(raw.subarray(0, 100)), 'truncated', /^The OpenSSH private key is truncated: private section says \d+ bytes, only \d+ left$/],
    // magic (15 bytes), string "none" (cipher), string "none" (KDF) → KDF "bcrypt".
    [
      armor(Buffer.concat([raw.subarray(0, 23), Buffer.from('\0\0\0\x06bcrypt', 'latin1'), raw.subarray(31)])),
      'bad-format',
      /cipher "none" with KDF "bcrypt"/,
    ],
  ];
  for (const [text, code, message] of cases) {
    await assert.rejects(
      readOpenSshPrivateKey(text),
      (e: unknown) => e instanceof SshParseError && e.code === code && message.test(e.message),
      `${code} ${message}`,
    );
  }
  // CRLF line endings and surrounding text, as pastes bring them, are fine.
  assert.equal((await readOpenSshPrivateKey(`  \r\n${key.privateKey.replace(/\n/g, '\r\n')}trailing`)).publicKey, key.publicKey);
});

/** Re-armours raw bytes the way OpenSSH does. */
function armor(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString('base64').replace(/.{70}/g, '$&\n').replace(/\n?$/, '\n');
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${b64}-----END OPENSSH PRIVATE KEY-----\n`;
}

/** Calls the unwrapped parser: readOpenSshPrivateKey's safety net must not hide a stray error. */
async function onlyParseErrors(text: string, passphrase?: string): Promise<boolean> {
  try {
    await parseOpenSshPrivateKey(text, passphrase);
    return true;
  } catch (e) {
    if (e instanceof SshParseError && e.message.length > 0) return true;
    throw e;
  }
}

test('property: mutated files never throw anything but SshParseError', async (t) => {
  const plain = await generateKey({ comment: 'fuzz' });
  const enc = await generateKey({ comment: 'fuzz', passphrase: 'p', rounds: 1 });
  const dir = tempDir(t);
  const aead = ['aes256-gcm@openssh.com', 'chacha20-poly1305@openssh.com'].map((cipher, i) => ({
    text: keygenWrite(dir, `f${i}`, ['-t', 'ed25519', '-a', '1', '-Z', cipher], 'p', 'fuzz').text,
    pass: 'p',
  }));
  const anywhere = fc.noBias(fc.integer({ min: 0, max: 0x7fffffff }));
  const bytesOf = (text: string): Uint8Array => Buffer.from(text.split('\n').slice(1, -2).join(''), 'base64');
  const samples = [{ text: plain.privateKey, pass: undefined }, { text: enc.privateKey, pass: 'p' }, ...aead];
  // Byte-level: flips, truncations and insertions inside the binary, re-armoured.
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...samples),
      // Unbiased positions: small-number bias would keep every mutation in the header.
      fc.array(fc.tuple(anywhere, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      fc.option(anywhere, { nil: undefined, freq: 2 }),
      async (sample, flips, cut) => {
        const b = bytesOf(sample.text);
        for (const [at, v] of flips) b[at % b.length] = v;
        const mutated = cut === undefined ? b : b.subarray(0, cut % b.length);
        return onlyParseErrors(armor(mutated), sample.pass);
      },
    ),
    { numRuns: 200 },
  );
  // Text-level: arbitrary edits of the armoured text.
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...samples), anywhere, fc.nat(), fc.string(), async (sample, start, len, insert) => {
      const t = sample.text;
      const s = start % t.length;
      return onlyParseErrors(t.slice(0, s) + insert + t.slice(s + (len % 20)), sample.pass);
    }),
    { numRuns: 300 },
  );
});
