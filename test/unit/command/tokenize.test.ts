/** Every console form from RUNPOD.md and the damage web pages add (prompt, NBSP, dashes, CR/LF). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSshCommands, looksLikeSshCommand, parseCommand, rewriteCommand, validateKeyPath } from '../../../src/core/command/index.ts';
import { splitRsyncRsh } from '../../../src/core/command/tokenize.ts';

const P = { keyPath: '~/.ssh/runpod', shell: 'posix' as const };

test('console forms parse to program, user, host and port', () => {
  const cases: [string, string, string | undefined, string, string | undefined][] = [
    ['ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519', 'ssh', 'e9ohprt7xzfdgr-64410d32', 'ssh.runpod.io', undefined],
    ['ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519', 'ssh', 'root', '149.36.0.213', '42442'],
    ['ssh h01e202zhqq90o-64410bd8@ssh.runpod.io –i ~/.ssh/id_ed25519', 'ssh', 'h01e202zhqq90o-64410bd8', 'ssh.runpod.io', undefined],
    ['scp -P 42442 -i ~/.ssh/id_ed25519 file root@149.36.0.213:/workspace/', 'scp', 'root', '149.36.0.213', '42442'],
    ['sftp -P 42442 -i ~/.ssh/id_ed25519 root@149.36.0.213', 'sftp', 'root', '149.36.0.213', '42442'],
    ['rsync -e "ssh -p 42442 -i ~/.ssh/id_ed25519" -av ./d root@149.36.0.213:/workspace/', 'rsync', 'root', '149.36.0.213', undefined],
    ['ssh -i ~/.ssh/id_ed25519 root@149.36.0.213 -p 42442', 'ssh', 'root', '149.36.0.213', '42442'],
    ['$ ssh root@1.2.3.4 -p22 -i~/k\r\n', 'ssh', 'root', '1.2.3.4', '22'],
    ['$\u00a0ssh\u00a0root@1.2.3.4\u2009—p\u00a022\n\n', 'ssh', 'root', '1.2.3.4', '22'],
    ['root@pod:~# ssh -tt -vC root@1.2.3.4 -p 2222 ls', 'ssh', 'root', '1.2.3.4', '2222'],
    ['PS C:\\Users\\me> ssh.exe root@1.2.3.4 -p 22', 'ssh', 'root', '1.2.3.4', '22'],
    ['ssh ssh://root@1.2.3.4:2200', 'ssh', 'root', '1.2.3.4', '2200'],
  ];
  for (const [text, program, user, host, port] of cases) {
    const r = parseCommand(text);
    assert.ok(r.ok, `${text}: ${r.ok ? '' : r.reason}`);
    assert.deepEqual([r.program, r.user, r.host, r.port], [program, user, host, port], text);
    // an ssh:// URI parses but is not a console form: not rewritten since issue 9
    assert.equal(looksLikeSshCommand(text), !text.includes('ssh://'), text);
  }
});

test('OpenSSH option grammar: which options take an argument', () => {
  // -E takes a file, -v is a flag: the host is the word after the log file
  const r = parseCommand('ssh -vE log root@h -p 1');
  assert.ok(r.ok && r.host === 'h' && r.port === '1');
  // -P is scp's port, but a flag-group -rp is two flags
  const s = parseCommand('scp -rpP 2222 f root@h:/x');
  assert.ok(s.ok && s.port === '2222');
  assert.equal(parseCommand('ssh -Z root@h').ok, false);
  assert.equal(parseCommand('ssh -p').ok, false);
});

test('rewrite keeps everything else in order and uses exactly one -i', () => {
  const r = rewriteCommand('ssh -vi ~/a root@1.2.3.4 -p 1 -i ~/b -o IdentitiesOnly=no ls', { ...P, identitiesOnly: true });
  assert.deepEqual(r, { ok: true, command: 'ssh -v -i ~/.ssh/runpod root@1.2.3.4 -p 1 -o IdentitiesOnly=yes ls' });
  assert.deepEqual(rewriteCommand('ssh root@1.2.3.4 -o IdentitiesOnly=yes', { ...P, identitiesOnly: true }), {
    ok: true,
    command: 'ssh -i ~/.ssh/runpod root@1.2.3.4 -o IdentitiesOnly=yes',
  });
  assert.deepEqual(rewriteCommand('ssh x-12345678@ssh.runpod.io', { ...P, tty: true }), {
    ok: true,
    command: 'ssh -tt -i ~/.ssh/runpod x-12345678@ssh.runpod.io',
  });
  assert.deepEqual(rewriteCommand('ssh root@1.2.3.4', { ...P, tty: true }), { ok: true, command: 'ssh -i ~/.ssh/runpod root@1.2.3.4' });
  assert.deepEqual(rewriteCommand('rsync -avze "ssh -p 2" a root@1.2.3.4:/b', P), {
    ok: true,
    command: `rsync -avze 'ssh -i ~/.ssh/runpod -p 2' a root@1.2.3.4:/b`,
  });
  assert.deepEqual(rewriteCommand('rsync --rsh=ssh a root@1.2.3.4:/b', P), {
    ok: true,
    command: `rsync '--rsh=ssh -i ~/.ssh/runpod' a root@1.2.3.4:/b`,
  });
  assert.deepEqual(splitRsyncRsh(`ssh -i "a ""b"" c" 'd''e'`), { ok: true, argv: ['ssh', '-i', 'a "b" c', "d'e"] });
});

test('refusals have specific reasons', () => {
  const reason = (c: string, k = '~/.ssh/id') => {
    const r = rewriteCommand(c, { keyPath: k, shell: 'posix' });
    return r.ok ? '' : r.reason;
  };
  assert.match(reason('echo ssh root@1.2.3.4'), /not an ssh/);
  assert.match(reason('ssh root@1.2.3.4; rm -rf /'), /operator ";"/);
  assert.match(reason('ssh root@1.2.3.4\nssh root@1.2.3.5'), /more than one/);
  assert.match(reason("ssh 'root@1.2.3.4"), /unterminated/);
  assert.match(reason('rsync a b'), /no remote operand/);
  assert.match(reason('rsync a 1.2.3.4::mod'), /daemon/);
  assert.match(reason('rsync -e "mosh" a root@1.2.3.4:/b'), /not ssh/);
  assert.match(reason('ssh root@1.2.3.4', '~/.ssh/a\nb'), /newline/);
  assert.match(reason('ssh root@1.2.3.4', '~/%h'), /%-tokens/);
  assert.match(reason('ssh root@1.2.3.4', ''), /empty/);
  assert.equal(looksLikeSshCommand('Connect to your pod using SSH.'), false);
  assert.equal(looksLikeSshCommand('sshd -D'), false);
});

test('findSshCommands locates commands in pane text (original offsets)', () => {
  const text =
    'SSH\n$\u00a0ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io –i ~/.ssh/id_ed25519\nSSH over exposed TCP\n$ ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519  \nDirect TCP Ports';
  const found = findSshCommands(text);
  assert.equal(found.length, 2);
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.command);
  assert.ok(found[0]!.command.startsWith('ssh e9oh') && found[1]!.command.endsWith('id_ed25519'));
});

test('validateKeyPath', () => {
  assert.deepEqual(validateKeyPath('~/.ssh/id_ed25519.pub', 'posix'), {
    level: 'warning',
    message: 'that is the public key; -i needs the private key file (drop .pub)',
  });
  assert.equal(validateKeyPath('', 'posix').level, 'error');
  assert.equal(validateKeyPath('C:\\Users\\me\\.ssh\\id', 'posix').level, 'warning');
  assert.equal(validateKeyPath('C:\\Users\\me\\.ssh\\id', 'cmd').level, 'ok');
  assert.equal(validateKeyPath('a%b', 'cmd').level, 'error');
  assert.equal(validateKeyPath('~/.ssh/id_ed25519', 'powershell').level, 'ok');
});
