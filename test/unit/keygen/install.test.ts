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
import { generateKey, installCommand } from '../../../src/core/keygen/index.ts';
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

test('PowerShell and cmd: move from the user\'s Downloads into .ssh and restrict the private key with icacls', () => {
  const ps = installCommand({ shell: 'powershell', ...names });
  assert.ok(ps.includes('New-Item -ItemType Directory -Force "$env:USERPROFILE\\.ssh"'));
  assert.ok(ps.includes('Move-Item -ErrorAction Stop "$env:USERPROFILE\\Downloads\\id_ed25519_runpod", "$env:USERPROFILE\\Downloads\\id_ed25519_runpod.pub" "$env:USERPROFILE\\.ssh"'));
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
