/**
 * Emission details of issue 9: the program word for PowerShell, shell-neutral refusals, finding
 * commands in page text after the rebuild (prose with apostrophes, operators, trailing labels).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSshCommands, parseConnection, rewriteCommand } from '../../../src/core/command/index.ts';

test('PowerShell runs a quoted program path only with the call operator &', () => {
  const ps = rewriteCommand(`'C:\\Program Files\\OpenSSH\\ssh.exe' root@149.36.0.213 -p 42442`, {
    keyPath: '~/.ssh/id_ed25519',
    shell: 'powershell',
  });
  assert.deepEqual(ps, { ok: true, command: `& 'C:\\Program Files\\OpenSSH\\ssh.exe' -i ~/.ssh/id_ed25519 root@149.36.0.213 -p 42442` });
  const plain = rewriteCommand('ssh.exe root@149.36.0.213', { keyPath: '~/.ssh/id_ed25519', shell: 'powershell' });
  assert.deepEqual(plain, { ok: true, command: 'ssh.exe -i ~/.ssh/id_ed25519 root@149.36.0.213' });
  const cmd = rewriteCommand(`"C:\\Program Files\\OpenSSH\\ssh.exe" root@149.36.0.213`, { keyPath: 'C:\\k\\id', shell: 'cmd' });
  assert.deepEqual(cmd, { ok: true, command: '"C:\\Program Files\\OpenSSH\\ssh.exe" -i C:\\k\\id root@149.36.0.213' });
  const posix = rewriteCommand(`'/opt/open ssh/bin/ssh' root@149.36.0.213`, { keyPath: '~/k', shell: 'posix' });
  assert.deepEqual(posix, { ok: true, command: `'/opt/open ssh/bin/ssh' -i ~/k root@149.36.0.213` });
});

test('a refusal for bash/zsh output never names PowerShell or cmd', () => {
  const inputs = [
    'ssh root@1.2.3.4 echo $HOME',
    'ssh root@1.2.3.4 "$(id)"',
    'ssh root@1.2.3.4 ls *',
    'scp ~root/f root@1.2.3.4:/w',
    'ssh root@1.2.3.4 `id`',
  ];
  for (const c of inputs) {
    const r = rewriteCommand(c, { keyPath: '~/k', shell: 'posix' });
    assert.equal(r.ok, false, c);
    if (!r.ok) assert.doesNotMatch(r.reason, /PowerShell|\bcmd\b/, c);
  }
  // a live ~ in an operand: fine for bash/zsh; PowerShell and cmd are told by name
  assert.equal(rewriteCommand('scp ~/f root@1.2.3.4:/w', { keyPath: '~/k', shell: 'posix' }).ok, true);
  const ps = rewriteCommand('scp ~/f root@1.2.3.4:/w', { keyPath: '~/k', shell: 'powershell' });
  assert.ok(!ps.ok && /PowerShell does not expand/.test(ps.reason));
});

test('the Connection carries what re-emission needs', () => {
  const r = parseConnection('$ rsync -avz --progress -e "ssh -p 42442 -o StrictHostKeyChecking=no" ./data root@149.36.0.213:/workspace/');
  assert.ok(r.ok);
  const c = r.connection;
  assert.deepEqual([c.program, c.kind, c.user, c.host, c.port], ['rsync', 'tcp', 'root', '149.36.0.213', 42442]);
  assert.deepEqual(
    c.rsyncArgs.map((a) => a.kind),
    ['flags', 'long', 'rsh', 'operand', 'operand'],
  );
  assert.deepEqual(
    c.rshOptions.map((o) => [o.letter, o.value]),
    [
      ['p', '42442'],
      ['o', 'StrictHostKeyChecking=no'],
    ],
  );
  const p = parseConnection('ssh -L 8888:localhost:8888 -tt e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id "nvidia-smi -L"');
  assert.ok(p.ok);
  assert.deepEqual([p.connection.kind, p.connection.podId, p.connection.port], ['proxy', 'e9ohprt7xzfdgr', 22]);
  assert.deepEqual(p.connection.forwards, [{ kind: 'L', spec: '8888:localhost:8888' }]);
  assert.deepEqual(p.connection.remoteCommand, ['nvidia-smi -L']);
  // ssh keeps the FIRST -p and the first of -l / -o User, over the destination's user (checked with ssh -G)
  const first = parseConnection('ssh -p 1 -o Port=3 -l alice bob@1.2.3.4 -p 2');
  assert.ok(first.ok && first.connection.port === 1 && first.connection.user === 'alice');
  // scp keeps the LAST -P
  const scp = parseConnection('scp -P 1 -P 2 f root@1.2.3.4:/w');
  assert.ok(scp.ok && scp.connection.port === 2);
});

test('findSshCommands after the rebuild: prose around, operators, labels; hostile text gives nothing', () => {
  const text = [
    "Don't forget: ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519",
    'cd /tmp; ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io',
    '$ ssh root@149.36.0.213 -p 42442 (Copy)',
    'ssh user@example.com -p 22',
    `ssh root@1.2.3.4 "$(touch /tmp/pwned)"`,
    'ssh ssh ssh ssh ssh',
  ].join('\n');
  const found = findSshCommands(text).map((f) => f.command);
  assert.deepEqual(found, [
    'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519',
    'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io',
    'ssh root@149.36.0.213 -p 42442',
  ]);
  for (const f of findSshCommands(text)) assert.equal(text.slice(f.start, f.end), f.command);
  assert.deepEqual(findSshCommands('rsync -e “ssh -p 2” -a d root@1.2.3.4:/w').length, 1);
});
