/**
 * installCommand: the posix one-liner run for real by bash in a temp HOME (files moved, modes
 * 700/600/644, ssh-keygen -y works on the moved key, an existing key is never overwritten);
 * the Windows ones checked for the exact commands they must contain.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateKey, installCommand, keyFileNames } from '../../../src/core/keygen/index.ts';
import { sshKeygen, tempDir } from './oracle.ts';

const names = { privateName: 'id_ed25519_runpod', publicName: 'id_ed25519_runpod.pub' };
const mode = (p: string): number => statSync(p).mode & 0o777;

function runBash(home: string, command: string): { status: number | null; stderr: string } {
  const r = spawnSync('bash', ['-c', command], { env: { PATH: process.env.PATH, HOME: home }, encoding: 'utf8', cwd: home });
  return { status: r.status, stderr: r.stderr };
}

async function downloads(home: string, comment: string): Promise<{ publicKey: string; privateKey: string }> {
  const key = await generateKey({ comment });
  mkdirSync(join(home, 'Downloads'), { recursive: true });
  // Browsers save downloads with the umask's default mode (0644 here): too open for ssh.
  writeFileSync(join(home, 'Downloads', names.privateName), key.privateKey, { mode: 0o644 });
  writeFileSync(join(home, 'Downloads', names.publicName), `${key.publicKey}\n`, { mode: 0o644 });
  return key;
}

test('posix: moves both files into a new ~/.ssh with modes 700/600/644; ssh-keygen -y accepts the key', async (t) => {
  const home = tempDir(t);
  const key = await downloads(home, 'installed');
  const r = runBash(home, installCommand({ shell: 'posix', ...names }));
  assert.equal(r.status, 0, r.stderr);
  const ssh = join(home, '.ssh');
  assert.equal(mode(ssh), 0o700);
  assert.equal(mode(join(ssh, names.privateName)), 0o600);
  assert.equal(mode(join(ssh, names.publicName)), 0o644);
  assert.equal(existsSync(join(home, 'Downloads', names.privateName)), false);
  assert.equal(readFileSync(join(ssh, names.publicName), 'utf8'), `${key.publicKey}\n`);
  assert.equal(sshKeygen(['-y', '-f', join(ssh, names.privateName)]), key.publicKey);
});

test('posix: tightens an existing ~/.ssh and never overwrites an existing key', async (t) => {
  const home = tempDir(t);
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o755 });
  writeFileSync(join(ssh, names.privateName), 'OLD KEY', { mode: 0o600 });
  await downloads(home, 'new');
  const r = runBash(home, installCommand({ shell: 'posix', ...names }));
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /id_ed25519_runpod already exists: not overwriting it/);
  assert.equal(readFileSync(join(ssh, names.privateName), 'utf8'), 'OLD KEY');
  assert.equal(existsSync(join(home, 'Downloads', names.privateName)), true);
  assert.equal(mode(ssh), 0o700);
});

test("PowerShell and cmd: move from the user's Downloads into .ssh and restrict the private key with icacls", () => {
  const ps = installCommand({ shell: 'powershell', ...names });
  assert.ok(ps.includes('New-Item -ItemType Directory -Force "$env:USERPROFILE\\.ssh"'));
  assert.ok(
    ps.includes(
      'Move-Item -ErrorAction Stop "$env:USERPROFILE\\Downloads\\id_ed25519_runpod", "$env:USERPROFILE\\Downloads\\id_ed25519_runpod.pub" "$env:USERPROFILE\\.ssh"',
    ),
  );
  assert.ok(ps.includes('icacls "$env:USERPROFILE\\.ssh\\id_ed25519_runpod" /inheritance:r /grant:r "$($env:USERNAME):F"'));
  assert.ok(ps.includes('Test-Path "$env:USERPROFILE\\.ssh\\id_ed25519_runpod"'));
  const cmd = installCommand({ shell: 'cmd', ...names });
  assert.ok(cmd.startsWith('(if not exist "%USERPROFILE%\\.ssh" mkdir "%USERPROFILE%\\.ssh") & '));
  assert.ok(cmd.includes('move "%USERPROFILE%\\Downloads\\id_ed25519_runpod" "%USERPROFILE%\\.ssh"'));
  assert.ok(cmd.includes('icacls "%USERPROFILE%\\.ssh\\id_ed25519_runpod" /inheritance:r /grant:r "%USERNAME%:F"'));
  assert.ok(cmd.includes('if exist "%USERPROFILE%\\.ssh\\id_ed25519_runpod" (echo'));
  // cmd's parenthesised blocks must stay balanced for the line to parse.
  assert.equal([...cmd].filter((c) => c === '(').length, [...cmd].filter((c) => c === ')').length);
  for (const c of [ps, cmd]) assert.equal(c.includes('\n'), false);
});

test('names any shell could misread are refused', () => {
  for (const bad of ['my key', 'a;b', '$(x)', '%PATH%', '../id', '-rf', '']) {
    assert.throws(() => installCommand({ shell: 'posix', privateName: bad, publicName: 'x.pub' }), /not a plain file name/);
  }
  assert.throws(() => installCommand({ shell: 'cmd', privateName: 'a', publicName: 'a' }), /different names/);
});

test('posix: Downloads holding an OLDER pair (old names and a browser "(1)" copy) still installs the NEW key, checked by fingerprint', async (t) => {
  const home = tempDir(t);
  const dl = join(home, 'Downloads');
  mkdirSync(dl, { recursive: true });
  const old = await generateKey({ comment: 'old' });
  for (const name of ['id_ed25519_runpod', `${keyFileNames(old.fingerprint).privateName}`]) {
    writeFileSync(join(dl, name), old.privateKey, { mode: 0o644 });
    writeFileSync(join(dl, `${name}.pub`), `${old.publicKey}\n`, { mode: 0o644 });
  }
  const key = await generateKey({ comment: 'new', passphrase: 'pass phrase', rounds: 2 });
  const names = keyFileNames(key.fingerprint);
  assert.match(names.privateName, /^id_ed25519_runpod_[A-Za-z0-9]{8}$/);
  assert.notEqual(names.privateName, keyFileNames(old.fingerprint).privateName);
  writeFileSync(join(dl, names.privateName), key.privateKey, { mode: 0o644 });
  writeFileSync(join(dl, names.publicName), `${key.publicKey}\n`, { mode: 0o644 });
  const r = spawnSync('bash', ['-c', installCommand({ shell: 'posix', ...names, fingerprint: key.fingerprint })], {
    env: { PATH: process.env.PATH, HOME: home },
    encoding: 'utf8',
    cwd: home,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes(key.fingerprint), "prints the installed key's fingerprint");
  const ssh = join(home, '.ssh');
  assert.equal(readFileSync(join(ssh, names.publicName), 'utf8'), `${key.publicKey}\n`);
  assert.equal(readFileSync(join(ssh, names.privateName), 'utf8'), key.privateKey);
  assert.equal(mode(join(ssh, names.privateName)), 0o600);
  assert.equal(existsSync(join(dl, 'id_ed25519_runpod')), true, 'the old pair is left alone');
});

test('posix: files under the new names that are not the generated key are refused and stay put', async (t) => {
  const home = tempDir(t);
  const dl = join(home, 'Downloads');
  mkdirSync(dl, { recursive: true });
  const key = await generateKey({ comment: 'new' });
  const other = await generateKey({ comment: 'other' });
  const names = keyFileNames(key.fingerprint);
  for (const [priv, pub] of [
    [other.privateKey, key.publicKey],
    [key.privateKey, other.publicKey],
  ] as const) {
    writeFileSync(join(dl, names.privateName), priv, { mode: 0o600 });
    writeFileSync(join(dl, names.publicName), `${pub}\n`, { mode: 0o644 });
    const r = runBash(home, installCommand({ shell: 'posix', ...names, fingerprint: key.fingerprint }));
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /not the key generated here/);
    assert.equal(existsSync(join(home, '.ssh', names.privateName)), false);
    assert.equal(existsSync(join(dl, names.privateName)), true);
  }
});

test('PowerShell and cmd check the fingerprint before moving', () => {
  const fp = 'SHA256:YoRgmaw9AjUWTUjp4nu6GGpARzOGNjRhdNcbzvBfDog';
  const n = keyFileNames(fp);
  assert.deepEqual(n, { privateName: 'id_ed25519_runpod_YoRgmaw9', publicName: 'id_ed25519_runpod_YoRgmaw9.pub' });
  const ps = installCommand({ shell: 'powershell', ...n, fingerprint: fp });
  assert.ok(ps.includes(`(ssh-keygen -l -E sha256 -f "$env:USERPROFILE\\Downloads\\${n.publicName}" | Out-String).Contains('${fp} ')`));
  assert.ok(ps.indexOf('Contains') < ps.indexOf('Move-Item'));
  const cmd = installCommand({ shell: 'cmd', ...n, fingerprint: fp });
  assert.ok(cmd.includes(`findstr /L /C:"${fp} " >nul && (move`));
  assert.equal([...cmd].filter((c) => c === '(').length, [...cmd].filter((c) => c === ')').length);
  assert.throws(() => installCommand({ shell: 'posix', ...n, fingerprint: "SHA256:x' ; rm -rf ~" }), /not a SHA256 fingerprint/);
});
