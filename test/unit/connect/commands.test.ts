/**
 * connectionCommands beyond the live sshd (openssh.test.ts): the proxy form, the shells, the
 * refusals, and a fast-check property — it never throws and nothing it emits carries a control,
 * bidi or line-separator character. ssh -G is the oracle for what the lines mean.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import fc from 'fast-check';
import { connectionCommands, PROXY_NOTE, type ConnectionCommands } from '../../../src/core/connect/index.ts';
import { connectionCommands as fromCoreIndex } from '../../../src/core/index.ts';

const PROXY = 'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519';
const TCP = 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';
const posix = { keyPath: '~/.ssh/id_ed25519', shell: 'posix' } as const;

function ok(r: ReturnType<typeof connectionCommands>): ConnectionCommands {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r;
}

const bashArgv = (line: string): string[] =>
  execFileSync('bash', ['-c', 'eval "set -- $1" && printf "%s\\0" "$@"', 'bash', line], { encoding: 'utf8' }).split('\0').slice(0, -1);

test('the core index exports connectionCommands', () => {
  assert.equal(fromCoreIndex, connectionCommands);
});

test('proxy form: ssh, config, VS Code URI with the note, and no transfer commands', () => {
  const c = ok(connectionCommands(PROXY, posix));
  assert.equal(c.kind, 'proxy');
  assert.equal(c.user, 'e9ohprt7xzfdgr-64410d32');
  assert.equal(c.host, 'ssh.runpod.io');
  assert.equal(c.port, 22);
  assert.equal(c.alias, 'runpod-e9ohprt7xzfdgr');
  assert.equal(c.vscodeUri, 'vscode://vscode-remote/ssh-remote+runpod-e9ohprt7xzfdgr/workspace');
  assert.equal(c.note, PROXY_NOTE);
  assert.match(c.note!, /TCP port 22/);
  assert.equal(c.scp('./', '/workspace/', 'up'), undefined);
  assert.equal(c.rsync('./', '/workspace/', 'down'), undefined);
  assert.equal(c.sftp, undefined);
  assert.deepEqual(bashArgv(c.ssh), ['ssh', '-i', `${process.env.HOME}/.ssh/id_ed25519`, 'e9ohprt7xzfdgr-64410d32@ssh.runpod.io']);
  assert.match(c.config, /^Host runpod-e9ohprt7xzfdgr\n {4}HostName ssh\.runpod\.io\n {4}User e9ohprt7xzfdgr-64410d32\n/);
  assert.match(c.config, /RequestTTY force/);
  assert.doesNotMatch(c.config, /HostKeyAlias/, 'all proxy users share one host key');
});

test('proxy with a remote command: -tt, and the words quoted again', () => {
  const c = ok(connectionCommands(`${PROXY} 'nvidia-smi -L'`, posix));
  assert.deepEqual(bashArgv(c.ssh).slice(0, 2), ['ssh', '-tt']);
  assert.equal(bashArgv(c.ssh).at(-1), 'nvidia-smi -L');
});

test('TCP form: HostKeyAlias from the pod id in settings, else from the address; alias override', () => {
  const withId = ok(connectionCommands(TCP, { ...posix, podId: 'e9ohprt7xzfdgr', identitiesOnly: true }));
  assert.equal(withId.alias, 'runpod-e9ohprt7xzfdgr');
  assert.match(withId.config, /^ {4}HostKeyAlias runpod-e9ohprt7xzfdgr$/m);
  assert.match(withId.config, /^ {4}IdentitiesOnly yes$/m);
  assert.match(withId.config, /^ {4}Port 42442$/m);
  const noId = ok(connectionCommands(TCP, posix));
  assert.equal(noId.alias, 'runpod-149-36-0-213-42442');
  assert.match(noId.config, /^ {4}HostKeyAlias runpod-149-36-0-213-42442$/m);
  assert.doesNotMatch(noId.config, /IdentitiesOnly/);
  const named = ok(connectionCommands(TCP, { ...posix, alias: 'gpu-box' }));
  assert.equal(named.vscodeUri, 'vscode://vscode-remote/ssh-remote+gpu-box/workspace');
  assert.equal(named.cursorUri, 'cursor://vscode-remote/ssh-remote+gpu-box/workspace');
  assert.match(named.config, /^Host gpu-box$/m);
});

test('scp takes -P, rsync -e "ssh -p … -i …"; both get the key and IdentitiesOnly', () => {
  const c = ok(connectionCommands(TCP, { keyPath: '/k/my key', shell: 'posix', identitiesOnly: true }));
  const scp = bashArgv(c.scp('./data', '/workspace/', 'up')!);
  assert.deepEqual(scp, [
    'scp',
    '-r',
    '-P',
    '42442',
    '-i',
    '/k/my key',
    '-o',
    'IdentitiesOnly=yes',
    './data',
    'root@149.36.0.213:/workspace/',
  ]);
  const rsync = bashArgv(c.rsync('./', '/workspace/out', 'down')!);
  assert.deepEqual(rsync, [
    'rsync',
    '-av',
    '-e',
    'ssh -p 42442 -i "/k/my key" -o IdentitiesOnly=yes',
    'root@149.36.0.213:/workspace/out',
    './',
  ]);
  const sftp = bashArgv(c.sftp!);
  assert.deepEqual(sftp, ['sftp', '-P', '42442', '-i', '/k/my key', '-o', 'IdentitiesOnly=yes', 'root@149.36.0.213']);
});

test('scp, sftp and rsync commands give the same connection (rsync: the port inside -e)', () => {
  for (const cmd of [
    'scp -P 42442 -i ~/.ssh/id_ed25519 file root@149.36.0.213:/workspace/',
    'sftp -P 42442 root@149.36.0.213',
    'rsync -av -e "ssh -p 42442 -i ~/.ssh/id_ed25519" ./ root@149.36.0.213:/workspace/',
  ]) {
    const c = ok(connectionCommands(cmd, posix));
    assert.deepEqual([c.kind, c.user, c.host, c.port], ['tcp', 'root', '149.36.0.213', 42442], cmd);
  }
});

test('an IPv6 pod: bracketed where scp/sftp/rsync read host:path, bare for ssh', () => {
  const c = ok(connectionCommands('ssh root@2001:db8::7 -p 2200', posix));
  assert.deepEqual(bashArgv(c.scp('a', '/w/', 'up')!).at(-1), 'root@[2001:db8::7]:/w/');
  assert.deepEqual(bashArgv(c.sftp!).at(-1), 'root@[2001:db8::7]');
  assert.match(c.ssh, / root@2001:db8::7$/);
  assert.match(c.config, /^ {4}HostName 2001:db8::7$/m);
});

test('Windows shells: ~\\ key paths become ~/ (Windows OpenSSH tilde_expand), quoting per shell', () => {
  const ps = ok(connectionCommands(TCP, { keyPath: '~\\.ssh\\id_ed25519', shell: 'powershell' }));
  assert.equal(ps.ssh, 'ssh -i ~/.ssh/id_ed25519 -p 42442 root@149.36.0.213');
  assert.equal(
    ps.scp('C:\\Users\\Ann Lee\\data', '/workspace/', 'up'),
    "scp -r -P 42442 -i ~/.ssh/id_ed25519 'C:\\Users\\Ann Lee\\data' root@149.36.0.213:/workspace/",
  );
  assert.match(ps.config, /^ {4}IdentityFile ~\/\.ssh\/id_ed25519$/m);
  const cmd = ok(connectionCommands(TCP, { keyPath: '~\\my keys\\id', shell: 'cmd' }));
  assert.equal(cmd.ssh, 'ssh -i "~/my keys/id" -p 42442 root@149.36.0.213');
  assert.equal(cmd.rsync('./', '/workspace/', 'down'), `rsync -av -e "ssh -p 42442 -i '~/my keys/id'" root@149.36.0.213:/workspace/ ./`);
  const env = ok(connectionCommands(TCP, { keyPath: '$env:USERPROFILE\\.ssh\\id_ed25519', shell: 'powershell' }));
  assert.match(env.ssh, /-i "\$env:USERPROFILE\\\.ssh\\id_ed25519"/);
});

test('refusals: not Runpod, bad settings, unquotable paths', () => {
  for (const cmd of [
    'ssh root@example.com',
    'ssh bob@ssh.runpod.io',
    'ls -la',
    'ssh root@1.2.3.4 -o ProxyCommand=nc',
    'ssh -F /tmp/x root@1.2.3.4',
    'ssh -J a@b root@1.2.3.4',
    'rsync -e "ssh -o ProxyCommand=x" a root@1.2.3.4:/w',
    '',
    'ssh root@1.2.3.4; rm -rf /',
  ]) {
    const r = connectionCommands(cmd, posix);
    assert.equal(r.ok, false, cmd);
    assert.ok(!r.ok && r.reason.length > 0);
  }
  assert.equal(connectionCommands(TCP, { ...posix, alias: 'bad alias*' }).ok, false);
  assert.equal(connectionCommands(TCP, { ...posix, podId: 'x y' }).ok, false);
  assert.equal(connectionCommands(TCP, { keyPath: '~/%h', shell: 'posix' }).ok, false, 'ssh expands % in -i');
  assert.equal(connectionCommands(TCP, { keyPath: '', shell: 'posix' }).ok, false);
  assert.equal(connectionCommands(TCP, { keyPath: 'x', shell: 'fish' as 'posix' }).ok, false);
  const c = ok(connectionCommands(TCP, posix));
  const bad = c.transfer('scp', 'a\nb', '/w/', 'up');
  assert.equal(bad.ok, false);
  assert.equal(c.scp('a\u202eb', '/w/', 'up'), undefined);
  assert.equal(c.rsync('./', '', 'down'), undefined);
  const cmdShell = ok(connectionCommands(TCP, { keyPath: 'C:/k/id', shell: 'cmd' }));
  assert.equal(cmdShell.scp('%TEMP%\\x', '/w/', 'up'), undefined, 'cmd expands %…% even in quotes');
});

const FORBIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

test('property: never throws; no output carries control, bidi or line-separator characters', () => {
  const token = fc.oneof(
    fc.constantFrom(
      'ssh',
      'scp',
      'sftp',
      'rsync',
      '-p',
      '-P',
      '-i',
      '-tt',
      '-L',
      '8888:localhost:8888',
      '-o',
      'IdentitiesOnly=yes',
      'root@149.36.0.213',
      'e9ohprt7xzfdgr-64410d32@ssh.runpod.io',
      'root@2001:db8::1',
      '42442',
      '~/.ssh/id_ed25519',
      '$',
      '–i',
      'ls',
      "'a b'",
      'x:/workspace/',
    ),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );
  const command = fc.oneof(
    fc.array(token, { maxLength: 9 }).map((t) => t.join(' ')),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
  const settings = fc.record({
    keyPath: fc.oneof(
      fc.constantFrom('~/.ssh/id_ed25519', '~\\.ssh\\id', '$HOME/k', '%USERPROFILE%\\k', '/a b/it\'s "k"'),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    shell: fc.constantFrom('posix', 'powershell', 'cmd') as fc.Arbitrary<'posix' | 'powershell' | 'cmd'>,
    identitiesOnly: fc.boolean(),
    alias: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    podId: fc.option(fc.stringMatching(/^[a-z0-9]{1,14}$/), { nil: undefined }),
  });
  const path = fc.oneof(fc.constantFrom('./', '/workspace/', '~/data', 'C:\\x y', 'a:b'), fc.string({ unit: 'binary', maxLength: 16 }));
  fc.assert(
    fc.property(command, settings, path, path, fc.integer({ min: -1, max: 70000 }), (cmd, s, local, remote, port) => {
      const r = connectionCommands(cmd, s);
      if (!r.ok) {
        assert.ok(r.reason.length > 0);
        return;
      }
      const outs = [r.ssh, r.vscodeUri, r.cursorUri, r.alias, r.forward(port, 8888), r.sftp ?? '', ...r.config.split('\n')];
      for (const d of ['up', 'down'] as const) outs.push(r.scp(local, remote, d) ?? '', r.rsync(local, remote, d) ?? '');
      for (const o of outs) assert.doesNotMatch(o, FORBIDDEN, JSON.stringify(o));
      assert.match(r.alias, /^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      assert.ok(r.config.endsWith('\n') && r.config.startsWith(`Host ${r.alias}\n`));
    }),
    { numRuns: 1500 },
  );
});
