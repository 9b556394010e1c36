/**
 * End to end against a real sshd on 127.0.0.1: generate a key, "download" it, install it with the
 * posix installCommand in a temp HOME, and log in with `ssh -i` — ssh refuses keys whose file
 * mode is too open, so this also proves the permissions. The passphrase key is unlocked through
 * SSH_ASKPASS, as an agent-less ssh would prompt for it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateKey, installCommand } from '../../../src/core/keygen/index.ts';
import { startSshd } from '../../helpers/sshd.ts';
import { tempDir } from './oracle.ts';

test('generated keys (plain and with a passphrase) installed by the posix command log in to a real sshd', async (t) => {
  const sshd = await startSshd();
  t.after(() => sshd.stop());
  for (const [name, passphrase] of [
    ['id_plain', ''],
    ['id_locked', 'open sesame'],
  ] as const) {
    const home = tempDir(t);
    const key = await generateKey({ comment: `${name}@rpk-test`, passphrase, rounds: 4 });
    appendFileSync(sshd.authorizedKeys, `${key.publicKey}\n`);
    mkdirSync(join(home, 'Downloads'));
    writeFileSync(join(home, 'Downloads', name), key.privateKey, { mode: 0o644 });
    writeFileSync(join(home, 'Downloads', `${name}.pub`), `${key.publicKey}\n`, { mode: 0o644 });
    const env = { PATH: process.env.PATH, HOME: home };
    const install = spawnSync('bash', ['-c', installCommand({ shell: 'posix', privateName: name, publicName: `${name}.pub` })], {
      env,
      encoding: 'utf8',
    });
    assert.equal(install.status, 0, install.stderr);

    const askpass = join(home, 'askpass.sh');
    writeFileSync(askpass, `#!/bin/sh\nprintf '%s\\n' '${passphrase}'\n`, { mode: 0o700 });
    const ssh = spawnSync(
      'ssh',
      [
        '-F',
        '/dev/null',
        '-i',
        join(home, '.ssh', name),
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'BatchMode=' + (passphrase ? 'no' : 'yes'),
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'ConnectTimeout=10',
        '-p',
        String(sshd.port),
        `${sshd.user}@127.0.0.1`,
        'echo logged-in',
      ],
      {
        env: { ...env, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 20_000,
      },
    );
    assert.equal(ssh.stdout.trim(), 'logged-in', `${name}: ${ssh.stderr}\n${sshd.log()}`);
    await sshd.waitForLog(
      new RegExp(`Accepted publickey for ${sshd.user} from 127\\.0\\.0\\.1 .*ED25519 ${key.fingerprint.replace(/[+/]/g, '\\$&')}`),
    );
  }
});
