/**
 * connectionCommands proven by real OpenSSH: a real sshd on 127.0.0.1 plays a pod with exposed
 * TCP (`ssh <user>@127.0.0.1 -p PORT`). Real bash runs every generated line; the generated scp and
 * rsync move a real file up and down (paths with spaces), sftp connects in batch mode, the Host
 * block logs in with `ssh -F file alias`, and `ssh -G` shows the forward.
 *
 * Only the generated `-i` can log in: authorized_keys holds only the test key, the client runs
 * with `-F /dev/null` and no agent (wrappers below add just that), and ssh adds no default
 * identities when `-i` is given (ssh(1) -i). Key paths have spaces and both quote kinds.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { connectionCommands, type ConnectionCommands } from '../../../src/core/connect/index.ts';
import { startSshd, type Sshd } from '../../helpers/sshd.ts';

const CLIENT = [
  '-o',
  'BatchMode=yes',
  '-o',
  'IdentityAgent=none',
  '-o',
  'StrictHostKeyChecking=no',
  '-o',
  'UserKnownHostsFile=/dev/null',
  '-o',
  'ConnectTimeout=10',
  '-o',
  'LogLevel=ERROR',
];

/** A dir whose `ssh` (found by rsync through PATH) adds the client options; scp/sftp get them as functions. */
function wrappers(dir: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -F /dev/null ${CLIENT.join(' ')} "$@"\n`, { mode: 0o755 });
  return bin;
}

/** Runs `line` in real bash with the wrappers; stdin closed. */
function run(line: string, dir: string, extra = ''): { status: number | null; out: string } {
  const prelude = [
    `export PATH=${JSON.stringify(join(dir, 'bin'))}:$PATH`,
    `scp() { command scp -F /dev/null ${CLIENT.join(' ')} "$@"; }`,
    `sftp() { command sftp -F /dev/null ${CLIENT.join(' ')} ${extra} "$@"; }`,
  ].join('\n');
  const r = spawnSync('bash', ['-c', `${prelude}\n${line}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function keyAt(path: string, sshd: Sshd): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'h5-test', '-f', path]);
  writeFileSync(sshd.authorizedKeys, readFileSync(path + '.pub', 'utf8'));
}

function commands(sshd: Sshd, keyPath: string, identitiesOnly: boolean): ConnectionCommands {
  const r = connectionCommands(`ssh ${sshd.user}@127.0.0.1 -p ${sshd.port} -i ~/.ssh/id_ed25519`, {
    keyPath,
    shell: 'posix',
    identitiesOnly,
  });
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r;
}

test('TCP pod on a real sshd: ssh, scp and rsync up and down, sftp, Host block, forward — keys at awkward paths', async (t) => {
  const sshd = await startSshd();
  t.after(() => sshd.stop());
  const dir = mkdtempSync(join(tmpdir(), 'rpk-h5-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  wrappers(dir);
  // `~/` is expanded by bash from $HOME and by ssh from the passwd entry: the same dir here.
  const homeDir = mkdtempSync(join(homedir(), '.rpk-h5-'));
  t.after(() => rmSync(homeDir, { recursive: true, force: true }));
  const homeRel = homeDir.slice(homedir().length + 1);
  const keys: [string, string][] = [
    [join(dir, `my keys/it's a "key"`), join(dir, `my keys/it's a "key"`)],
    [`~/${homeRel}/key dir/id ed25519`, join(homeDir, 'key dir/id ed25519')],
  ];
  for (const [n, [keyPath, file]] of keys.entries()) {
    mkdirSync(join(file, '..'), { recursive: true });
    keyAt(file, sshd);
    const c = commands(sshd, keyPath, n === 1);
    const login = run(`${c.ssh} echo logged-in`, dir);
    assert.match(login.out, /logged-in/, `${c.ssh}\n${login.out}\n${sshd.log()}`);

    // Files with spaces, up and down, through scp and rsync.
    const local = join(dir, `local ${n}`);
    const remote = join(dir, `remote side ${n}`);
    mkdirSync(local);
    mkdirSync(remote);
    for (const tool of ['scp', 'rsync'] as const) {
      const name = `${tool} file.txt`;
      writeFileSync(join(local, name), `${tool} up ${n}\n`);
      const up = c[tool](join(local, name), remote + '/', 'up')!;
      const u = run(up, dir);
      assert.equal(u.status, 0, `${up}\n${u.out}`);
      assert.equal(readFileSync(join(remote, name), 'utf8'), `${tool} up ${n}\n`, up);
      writeFileSync(join(remote, `back ${name}`), `${tool} down ${n}\n`);
      const down = c[tool](local + '/', join(remote, `back ${name}`), 'down')!;
      const r = run(down, dir);
      assert.equal(r.status, 0, `${down}\n${r.out}`);
      assert.equal(readFileSync(join(local, `back ${name}`), 'utf8'), `${tool} down ${n}\n`, down);
    }

    // sftp in batch mode: the session lists the remote dir.
    const batch = join(dir, `batch ${n}`);
    writeFileSync(batch, `ls ${JSON.stringify(remote)}\n`);
    const sftp = run(c.sftp!, dir, `-b ${JSON.stringify(batch).replace(/"/g, "'")}`);
    assert.equal(sftp.status, 0, `${c.sftp}\n${sftp.out}`);
    assert.match(sftp.out, /back scp file\.txt/, sftp.out);

    // The Host block logs in by its alias, with nothing else on the command line but test options.
    const config = join(dir, `config ${n}`);
    writeFileSync(config, c.config);
    const viaAlias = spawnSync('ssh', ['-F', config, ...CLIENT, c.alias, 'echo via-alias'], { encoding: 'utf8', timeout: 30_000 });
    assert.match(viaAlias.stdout, /via-alias/, `${c.config}\n${viaAlias.stderr}`);
    const g = execFileSync('ssh', ['-G', '-F', config, c.alias], { encoding: 'utf8' });
    assert.match(g, new RegExp(`^identityfile ${keyPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    assert.match(g, new RegExp(`^hostkeyalias ${c.alias}$`, 'm'), 'HostKeyAlias names the pod, not its address');
    assert.match(g, new RegExp(`^identitiesonly ${n === 1 ? 'yes' : 'no'}$`, 'm'));
  }
});

test('forward: ssh -G shows the local forward, port and the key', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rpk-h5-fwd-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const key = join(dir, 'my key');
  writeFileSync(key, 'ssh -G only checks that the identity file exists\n');
  const r = connectionCommands('ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519', { keyPath: key, shell: 'posix' });
  assert.ok(r.ok);
  const line = r.forward(18888, 8888);
  const argv = execFileSync('bash', ['-c', 'eval "set -- $1" && printf "%s\\0" "$@"', 'bash', line], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);
  assert.deepEqual(argv.slice(0, 3), ['ssh', '-N', '-L']);
  const g = execFileSync('ssh', ['-G', '-F', '/dev/null', ...argv.slice(1)], { encoding: 'utf8' });
  assert.match(g, /^localforward 18888 \[localhost\]:8888$/m);
  assert.match(g, /^port 42442$/m);
  assert.match(g, /^hostname 149\.36\.0\.213$/m);
  assert.deepEqual(
    g.split('\n').filter((l) => l.startsWith('identityfile ')),
    [`identityfile ${key}`],
  );
  assert.equal(r.forward(0, 8888), '', 'an impossible port gives no command');
  assert.equal(r.forward(8888, 70000), '');
});

test('a file name that looks like host:path stays local (./ in front)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpk-h5-colon-'));
  try {
    const r = connectionCommands('ssh root@10.0.0.1 -p 2222', { keyPath: '~/.ssh/id_ed25519', shell: 'posix' });
    assert.ok(r.ok);
    const line = r.scp('notes:v2.txt', '/workspace/', 'up')!;
    const argv = execFileSync('bash', ['-c', 'eval "set -- $1" && printf "%s\\0" "$@"', 'bash', line], { encoding: 'utf8', cwd: dir })
      .split('\0')
      .slice(0, -1);
    assert.deepEqual(argv.slice(-2), ['./notes:v2.txt', 'root@10.0.0.1:/workspace/']);
    chmodSync(dir, 0o700);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
