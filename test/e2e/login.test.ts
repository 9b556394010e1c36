/**
 * End to end, for real: a key generated in the popup, added to the console replica with "Add to
 * Runpod" and saved there, is appended to authorized_keys the way a pod's start script does it,
 * and a real sshd on 127.0.0.1 accepts the command the extension's rewriter produces — while the
 * console's original command (Runpod's default `-i ~/.ssh/id_ed25519`, another key) is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { rewriteCommand } from '../../src/core/command/index.ts';
import { launch, openPopup, routeConsole } from './harness.ts';
import { addToRunpod, download, generateInPopup, popupReady } from '../helpers/popup.ts';
import { startSshd, type Sshd } from '../helpers/sshd.ts';

/** Non-interactive, no agent, no user config, no known_hosts: only the -i file can log in. */
const CLIENT_OPTIONS =
  '-F /dev/null -o BatchMode=yes -o IdentityAgent=none -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=10';

function runBash(command: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', command], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a popup-generated key saved through the console logs in to a real sshd with the rewritten command', async () => {
  const run = await launch();
  const dir = await mkdtemp(join(tmpdir(), 'rpk-login-'));
  let sshd: Sshd | undefined;
  try {
    await routeConsole(run.context);
    const consolePage = await run.context.newPage();
    await consolePage.goto('https://console.runpod.io/user/settings');
    const update = consolePage.getByRole('button', { name: 'Update Public Key' });
    await update.and(consolePage.locator(':enabled')).waitFor();

    const popup = await openPopup(run);
    await popupReady(popup);
    const key = await generateInPopup(popup, { comment: 'login-test' });
    const priv = await download(popup, 'download-private', dir);

    await addToRunpod(popup);
    await update.click();
    await consolePage.getByText('Public Key Updated').waitFor();
    const savedValue = await consolePage.evaluate(() => window.__replica.savedValue);
    assert.equal(savedValue.trim(), key.publicKey);

    sshd = await startSshd();
    // The pod's start script: `echo "$PUBLIC_KEY" >> ~/.ssh/authorized_keys`, through real bash.
    const started = runBash('echo "$PUBLIC_KEY" >> "$AUTHORIZED_KEYS"', { PUBLIC_KEY: savedValue, AUTHORIZED_KEYS: sshd.authorizedKeys });
    assert.equal(started.status, 0, started.stderr);

    // Runpod's default path holds some other key (HOME points bash's ~ at a temp home).
    const home = join(dir, 'home');
    await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'other', '-f', join(home, '.ssh', 'id_ed25519')]);

    const user = userInfo().username;
    const consoleCommand = `ssh ${user}@127.0.0.1 -p ${sshd.port} -i ~/.ssh/id_ed25519`;
    const rewritten = rewriteCommand(consoleCommand, { keyPath: priv.path, shell: 'posix', identitiesOnly: true });
    assert.ok(rewritten.ok, rewritten.ok ? '' : rewritten.reason);
    assert.notEqual(rewritten.command, consoleCommand);

    const withOptions = (command: string): string => `${command.replace(/^ssh /, `ssh ${CLIENT_OPTIONS} `)} echo ok`;
    const good = runBash(withOptions(rewritten.command), { HOME: home });
    assert.equal(good.stdout.trim(), 'ok', `rewritten command failed: ${rewritten.command}\n${good.stderr}\n${sshd.log()}`);
    assert.equal(good.status, 0);
    // sshd's own log names the key that got in: ours, by fingerprint.
    await sshd.waitForLog(
      new RegExp(`Accepted publickey for ${user} from 127\\.0\\.0\\.1 .*ED25519 ${key.fingerprint.replace(/[+/]/g, '\\$&')}`),
    );

    const bad = runBash(withOptions(consoleCommand), { HOME: home });
    assert.notEqual(bad.status, 0, 'the console command with the default key must not log in');
    assert.equal(bad.stdout.trim(), '');
    assert.match(bad.stderr, /Permission denied \(publickey\)/);
    assert.match(await readFile(sshd.authorizedKeys, 'utf8'), /login-test\n$/);
  } finally {
    await sshd?.stop();
    await run.close();
    await rm(dir, { recursive: true, force: true });
  }
});
