/**
 * diagnoseSsh on REAL OpenSSH output, made at test time against a real sshd on 127.0.0.1: each
 * cause that can happen here is named FIRST, with and without -v (where the plain output can
 * tell it), and each fix that can run here is run and the retried login then succeeds.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { diagnoseSsh } from '../../../src/core/index.ts';
import { freePort, startSshd, type Sshd } from '../../helpers/sshd.ts';
import { makeKey, run, runPty, tempDir, type TestKey } from './real-ssh.ts';

let sshd: Sshd;
let dir: string;
let good: TestKey; // authorised on the server and in the account
let stranger: TestKey; // nowhere
let late: TestKey; // in the account, not (yet) on the server
let kh: string;

before(async () => {
  sshd = await startSshd(['MaxAuthTries 3']);
  dir = tempDir();
  good = makeKey(dir, 'good');
  stranger = makeKey(dir, 'stranger');
  late = makeKey(dir, 'late');
  writeFileSync(sshd.authorizedKeys, `${good.publicLine}\n`);
  kh = join(dir, 'known_hosts');
});
after(async () => {
  await sshd.stop();
});

const opts = (): string => `-o UserKnownHostsFile=${kh} -o StrictHostKeyChecking=accept-new`;
const ssh = (args: string, verbose = false): string => `ssh ${verbose ? '-v ' : ''}${opts()} -p ${sshd.port} ${args} root@127.0.0.1 true`;
const account = (): string[] => [good.publicLine, late.publicLine];
const ctx = () => ({ accountKeys: account(), keyPath: good.path, shell: 'posix' as const });

function first(output: string, context = ctx()) {
  const { causes } = diagnoseSsh(output, context);
  assert.ok(causes.length > 0, 'never []');
  return causes[0]!;
}

/** Runs a fix (adding `true` as the remote command to a bare ssh line) and expects success. */
function runFix(fix: string | undefined, output: string): void {
  assert.ok(fix, `a fix for:\n${output}`);
  const line = /^ssh /.test(fix) && !/ true$/.test(fix) ? fix.replace(/^ssh /, `ssh ${opts()} `) + ' true' : fix;
  const r = run(line);
  assert.equal(r.status, 0, r.output);
}

for (const verbose of [false, true]) {
  const v = verbose ? ' (-v)' : '';

  test(`missing identity${v}: identity-missing first; the corrected -i logs in`, () => {
    const r = run(ssh(`-i ${join(dir, 'nope')}`, verbose));
    assert.notEqual(r.status, 0);
    const c = first(r.output);
    assert.equal(c.code, 'identity-missing', r.output);
    assert.match(c.message, /nope/);
    runFix(c.fix, r.output);
  });

  test(`0644 private key${v}: bad-permissions first; chmod 600 then the same command logs in`, () => {
    chmodSync(good.path, 0o644);
    try {
      const cmd = ssh(`-i ${good.path}`, verbose);
      const r = run(cmd);
      const c = first(r.output);
      assert.equal(c.code, 'bad-permissions', r.output);
      assert.equal(c.fix, `chmod 600 ${good.path}`);
      runFix(c.fix, r.output);
      assert.equal(run(cmd).status, 0);
    } finally {
      chmodSync(good.path, 0o600);
    }
  });

  for (const mode of [0o644, 0o600]) {
    test(`.pub given to -i (mode ${mode.toString(8)})${v}: invalid-key-file first; the private key logs in`, () => {
      chmodSync(`${good.path}.pub`, mode);
      const r = run(ssh(`-i ${good.path}.pub`, verbose));
      const c = first(r.output);
      assert.equal(c.code, 'invalid-key-file', r.output);
      assert.match(c.message, /public key/);
      runFix(c.fix, r.output);
      chmodSync(`${good.path}.pub`, 0o644);
    });
  }

  test(`CRLF private key${v}: invalid-key-file first; the fix strips CR and the same command logs in`, () => {
    const crlf = join(dir, `crlf${verbose ? 'v' : ''}`);
    writeFileSync(crlf, readFileSync(good.path, 'utf8').replace(/\n/g, '\r\n'), { mode: 0o600 });
    const cmd = ssh(`-i ${crlf}`, verbose);
    const r = run(cmd);
    const c = first(r.output);
    assert.equal(c.code, 'invalid-key-file', r.output);
    runFix(c.fix, r.output);
    assert.equal(run(cmd).status, 0);
  });

  test(`key not authorised${v}: key-not-in-account first`, () => {
    const r = run(ssh(`-i ${stranger.path}`, verbose));
    const c = first(r.output);
    assert.equal(c.code, 'key-not-in-account', r.output);
    if (verbose) assert.ok(c.message.includes(fingerprintOf(stranger)) && c.message.includes(stranger.path), c.message);
    else assert.match(c.fix ?? '', /^ssh -v /, 'plain output: what to paste next');
  });

  test(`too many keys (MaxAuthTries)${v}: too-many-auth-failures first; -i + IdentitiesOnly=yes logs in`, () => {
    const extra = [1, 2, 3].map((i) => makeKey(dir, `extra${i}${verbose ? 'v' : ''}`));
    const r = run(ssh(extra.map((k) => `-i ${k.path}`).join(' ') + ` -i ${good.path}`, verbose));
    assert.notEqual(r.status, 0);
    const c = first(r.output);
    assert.equal(c.code, 'too-many-auth-failures', r.output);
    assert.match(c.fix ?? '', /-o IdentitiesOnly=yes/);
    runFix(c.fix, r.output);
  });

  test(`refused port${v}: connection-refused first`, async () => {
    const port = await freePort();
    const r = run(`ssh ${verbose ? '-v ' : ''}${opts()} -p ${port} -i ${good.path} root@127.0.0.1 true`);
    const c = first(r.output);
    assert.equal(c.code, 'connection-refused', r.output);
    assert.ok(c.message.includes(String(port)));
  });

  test(`changed host key${v}: host-key-changed first; ssh-keygen -R then the same command logs in`, () => {
    const other = makeKey(dir, `hostkey${verbose ? 'v' : ''}`);
    const file = join(dir, `kh-changed${verbose ? 'v' : ''}`);
    writeFileSync(file, `[127.0.0.1]:${sshd.port} ${other.publicLine.split(' ').slice(0, 2).join(' ')}\n`);
    const cmd = `ssh ${verbose ? '-v ' : ''}-o UserKnownHostsFile=${file} -o StrictHostKeyChecking=accept-new -p ${sshd.port} -i ${good.path} root@127.0.0.1 true`;
    const r = run(cmd);
    const c = first(r.output);
    assert.equal(c.code, 'host-key-changed', r.output);
    assert.equal(c.fix, `ssh-keygen -f ${file} -R '[127.0.0.1]:${sshd.port}'`);
    assert.equal(run(c.fix!).status, 0);
    assert.equal(run(cmd).status, 0);
  });

  test(`successful login${v}: no failure cause`, () => {
    const r = run(ssh(`-i ${good.path}`, verbose));
    assert.equal(r.status, 0, r.output);
    const { causes } = diagnoseSsh(r.output, ctx());
    assert.deepEqual(
      causes.map((x) => x.code),
      ['unknown'],
    );
    if (verbose) assert.match(causes[0]!.message, /successful login/);
  });
}

const fingerprintOf = (k: TestKey): string => run(`ssh-keygen -l -E sha256 -f ${k.path}.pub`).output.split('\n')[1]!.split(' ')[1]!;

test('key in the account but not on the server (-v): key-added-after-start first; its web-terminal one-liner authorises it', () => {
  const r = run(ssh(`-i ${late.path}`, true));
  const c = first(r.output);
  assert.equal(c.code, 'key-added-after-start', r.output);
  assert.ok(c.message.includes(fingerprintOf(late)));
  // The fix is for the pod's web terminal: run it in a fresh HOME, then hand that file to sshd.
  const home = join(dir, 'pod-home');
  mkdirSync(home, { recursive: true });
  assert.equal(run(c.fix!, { HOME: home }).status, 0);
  appendFileSync(sshd.authorizedKeys, readFileSync(join(home, '.ssh/authorized_keys'), 'utf8'));
  assert.equal(run(ssh(`-i ${late.path}`)).status, 0);
});

test('a -F config choosing another key (-v): config-identity first; the corrected -i with IdentitiesOnly logs in', () => {
  const cfg = join(dir, 'config');
  writeFileSync(
    cfg,
    `Host pod\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityFile ${stranger.path}\n  UserKnownHostsFile ${kh}\n  StrictHostKeyChecking accept-new\n`,
  );
  const r = run(`ssh -v -F ${cfg} pod true`);
  const c = first(r.output);
  assert.equal(c.code, 'config-identity', r.output);
  assert.match(c.fix ?? '', /-o IdentitiesOnly=yes/);
  runFix(c.fix, r.output);
  // Plain output only says "Permission denied": the doctor asks for -v.
  const plain = first(run(`ssh -F ${cfg} pod true`).output);
  assert.equal(plain.code, 'key-not-in-account');
  assert.match(plain.fix ?? '', /^ssh -v /);
});

test('no key offered (-v): no-key-offered first; the -i of the configured key logs in', () => {
  const r = run(`ssh -v ${opts()} -p ${sshd.port} root@127.0.0.1 true`);
  const c = first(r.output);
  assert.equal(c.code, 'no-key-offered', r.output);
  runFix(c.fix, r.output);
});

test('password prompt under a pty (with and without -v): password-prompt first', async () => {
  const pw = await startSshd(['PasswordAuthentication yes']);
  try {
    for (const v of ['', '-v ']) {
      const out = await runPty(`ssh ${v}${opts()} -p ${pw.port} -i ${stranger.path} root@127.0.0.1 true`, /password: ?$/);
      const c = first(out);
      assert.equal(c.code, 'password-prompt', out);
      assert.match(c.fix ?? '', /^ssh -v /);
    }
  } finally {
    await pw.stop();
  }
});
