/**
 * The clipboard gate (looksLikeSshCommand) and the destination rules behind it
 * (src/core/command/destination.ts): every console form passes, prose never does, and
 * rewriteCommand refuses exactly what the gate refuses, with a specific reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findSshCommands, looksLikeSshCommand, parseCommand, rewriteCommand } from '../../../src/core/command/index.ts';
import { isIpv6 } from '../../../src/core/command/destination.ts';

const P = { keyPath: '~/.ssh/runpod', shell: 'posix' as const };

function reason(text: string): string {
  const r = rewriteCommand(text, P);
  return r.ok ? '' : r.reason;
}

/** Every command form in shared/RUNPOD.md, as copied from the console (prompt, NBSP, en dash). */
const CONSOLE = [
  'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519',
  'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519',
  'ssh h01e202zhqq90o-64410bd8@ssh.runpod.io -i ~/.ssh/id_ed25519',
  'ssh h01e202zhqq90o-64410bd8@ssh.runpod.io –i ~/.ssh/id_ed25519',
  'scp -P 42442 -i ~/.ssh/id_ed25519 file root@149.36.0.213:/workspace/',
  'rsync -e "ssh -p 42442 -i ~/.ssh/id_ed25519" -av ./data root@149.36.0.213:/workspace/',
  'ssh -i ~/.ssh/id_ed25519 root@149.36.0.213 -p 42442',
  'sftp -P 42442 -i ~/.ssh/id_ed25519 root@149.36.0.213',
];
const DECORATIONS: ((c: string) => string)[] = [
  (c) => c,
  (c) => `$ ${c}`,
  (c) => `$\u00a0${c.replace(/ /g, '\u00a0')}`,
  (c) => `${c.replace(/ -([ip]) /g, ' –$1 ')}\n`,
  (c) => `root@pod:~# ${c}\r\n`,
  (c) => `  ${c.replace(/ -/g, ' —')}  \n\n`,
];

test('every console form passes the gate and rewrites (prompt, NBSP, en/em dash, CRLF)', () => {
  for (const c of CONSOLE) {
    for (const deco of DECORATIONS) {
      const text = deco(c);
      assert.equal(looksLikeSshCommand(text), true, JSON.stringify(text));
      assert.equal(rewriteCommand(text, P).ok, true, JSON.stringify(text));
    }
  }
});

test('plausible destinations parse; only Runpod-shaped ones (proxy user at ssh.runpod.io, a user at an IP literal) pass the gate', () => {
  const runpod = [
    'ssh root@10.0.0.7',
    'ssh -l root 10.0.0.7',
    'ssh root@::1',
    'ssh root@[2001:db8::7] -p 2222',
    'ssh root@fe80::1%eth0',
    'scp -P 2 file root@1.2.3.4:/workspace/',
    'sftp root@1.2.3.4:/workspace',
    'rsync -av ./d root@1.2.3.4:/workspace/',
    'ssh root@1.2.3.4 nvidia-smi',
    "ssh root@1.2.3.4 'echo done.'",
    'ssh root@1.2.3.4 ls .',
    'ssh e9ohprt7xzfdgr-64410d32@SSH.RUNPOD.IO',
  ];
  for (const t of runpod) assert.equal(looksLikeSshCommand(t), true, t);
  // Plausible commands, but not a Runpod connection: since issue 9 they are refused (no button, no rewrite).
  const elsewhere: [string, RegExp][] = [
    ['ssh root@pod', /not a Runpod destination/],
    ['ssh pod.example.com', /not a Runpod destination/],
    ['ssh 10.0.0.7', /no valid user name/],
    ['ssh ::1', /no valid user name/],
    ['ssh ssh://root@149.36.0.213:42442', /ssh:\/\/ or scp:\/\/ address/],
    ['ssh localhost', /not a Runpod destination/],
    ['scp file pod:/workspace/', /not a Runpod destination/],
    ['scp scp://root@1.2.3.4:2222/f .', /ssh:\/\/ or scp:\/\/ address/],
    ['sftp sftp://root@1.2.3.4', /ssh:\/\/ or scp:\/\/ address/],
    ['rsync -av ./d pod:/workspace/', /not a Runpod destination/],
    ['ssh root@ssh.runpod.io', /not a Runpod proxy user/],
    ['ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io.evil.com', /not a Runpod destination/],
  ];
  for (const [t, why] of elsewhere) {
    assert.equal(parseCommand(t).ok, true, t);
    assert.equal(looksLikeSshCommand(t), false, t);
    assert.match(reason(t), why, t);
  }
});

test('prose, words, sentences, markdown, JSON, URLs and other programs never pass', () => {
  const no = [
    'ssh',
    'ssh is great',
    'ssh keys are great',
    'SSH is great',
    'ssh into your pod',
    'ssh to connect, then run nvidia-smi.',
    'ssh e.g. this one',
    'ssh i.e. the proxy',
    'ssh v1.2 is out',
    'ssh root@149.36.0.213 to connect to your pod.',
    'ssh root@149.36.0.213, then run nvidia-smi',
    'ssh-keygen -t ed25519',
    'ssh-keygen -t ed25519 -C "me@example.com"',
    'ssh-add ~/.ssh/id_ed25519',
    'ssh-copy-id root@1.2.3.4',
    'sshd is running',
    'sshd -D',
    'scp',
    'scp file',
    'scp is slow: use rsync',
    'scp a b',
    'sftp',
    'sftp mypod',
    'rsync',
    'rsync -av a b',
    'rsync is nice: really',
    'ssh 149.36.0.213:42442',
    '149.36.0.213:42442 → :22',
    '149.36.0.213:42442 -> :22',
    'https://console.runpod.io/pods',
    'https://ssh.runpod.io',
    'ssh://root@1.2.3.4',
    '{"command":"ssh root@1.2.3.4 -p 22"}',
    '`ssh root@1.2.3.4`',
    '**ssh** is great',
    '- ssh root@1.2.3.4',
    '```\nssh root@1.2.3.4\n```',
    'Connect to your pod using SSH. (No support for SCP & SFTP)',
    'You can use ssh to connect to your pod. Then run nvidia-smi.\nssh keys are stored in ~/.ssh.',
    'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519\nssh root@1.2.3.4',
    'ssh @everyone hello',
    'ssh user@ hello',
    'ssh root@not_a_host!',
    'ssh 999.1.1.1',
    'ssh 1:2:3',
  ];
  for (const t of no) {
    assert.equal(looksLikeSshCommand(t), false, t);
    assert.equal(rewriteCommand(t, P).ok, false, t);
    assert.equal(
      findSshCommands(t).some((f) => f.command === t.trim()),
      false,
      t,
    );
  }
});

test('what the gate refuses, rewriteCommand refuses with a specific reason', () => {
  assert.match(reason('ssh is great'), /^ssh: no destination host \("is" is a single word/);
  assert.match(reason('ssh keys are great'), /no destination host \("keys"/);
  assert.match(reason('ssh e.g. this'), /no destination host \("e\.g\." is not a host name or IP address\)/);
  assert.match(reason('ssh root@1.2.3.4 to connect.'), /looks like a sentence.*"connect\."/);
  assert.match(reason('sftp mypod'), /^sftp: no destination host/);
  assert.match(reason('scp is slow: use rsync'), /^scp: no destination host \("slow"/);
  assert.match(reason('rsync is nice: really'), /^rsync: no destination host/);
  assert.match(reason('ssh @h'), /empty user name/);
  assert.match(reason('ssh-keygen -t ed25519'), /not an ssh, scp, sftp or rsync command/);
  assert.match(reason('scp'), /^scp: no source and target/);
});

test('gate and rewrite are consistent on random inputs built from command pieces', () => {
  const piece = fc.constantFrom(
    'ssh',
    'scp',
    'rsync',
    'sftp',
    'root@1.2.3.4',
    'pod',
    'pod:/w',
    'a.b',
    'is',
    '-p',
    '22',
    '-i',
    '~/k',
    'great.',
    '$',
    'localhost',
    '-e',
    '"ssh -p 2"',
    '“ssh -p 2”',
    '::1',
  );
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 7 }), (parts) => {
      const text = parts.join(' ');
      // refused by the gate ⇒ refused by the rewriter (the rewriter may refuse more: -e not ssh, the key path)
      if (!looksLikeSshCommand(text)) assert.equal(rewriteCommand(text, P).ok, false, text);
      else assert.equal(parseCommand(text).ok, true, text);
    }),
    { numRuns: 3000 },
  );
});

const ENGLISH = (
  'the a an is are was be to of and in on for with your you it this that from at by or as not can ' +
  'use using run connect pod pods key keys public private great good slow fast secure server servers ' +
  'terminal command commands file files copy paste into over access login port proxy tunnel agent ' +
  'config settings password passphrase works working will should must need needs here there then ' +
  'first next also only just more help support docs guide see click button tab window user users ' +
  'root home path host hosts network machine remote local shell session sessions open close ' +
  'e.g. i.e. etc. vs. Mr. No. Note: Tip: Warning: SSH SCP SFTP ssh scp sftp rsync ' +
  'via without between about after before when while because if so but yes no OK'
).split(' ');

test('property: prose from English words and "ssh" never passes the gate', () => {
  const word = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ENGLISH) },
    { weight: 2, arbitrary: fc.constantFrom('ssh', 'scp', 'sftp', 'rsync') },
  );
  const sentence = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom('', '.', '!', '?', ':', ','), fc.boolean())
    .map(([ws, end, cap]) => {
      const s = ws.join(' ') + end;
      return cap ? s[0]!.toUpperCase() + s.slice(1) : s;
    });
  const prose = fc
    .tuple(
      fc.array(sentence, { minLength: 1, maxLength: 3 }),
      fc.constantFrom(' ', '\n', '\n\n', '\u00a0'),
      fc.constantFrom('', '$ ', '> ', '# '),
      fc.boolean(),
    )
    .map(([ss, sep, prompt, lead]) => prompt + (lead ? 'ssh ' : '') + ss.join(sep));
  fc.assert(
    fc.property(prose, (text) => {
      assert.equal(looksLikeSshCommand(text), false, JSON.stringify(text));
    }),
    { numRuns: Number(process.env.RPK_PROSE_RUNS ?? 5000) },
  );
});

test('IPv6 literal forms (RFC 4291 §2.2)', () => {
  for (const a of ['::', '::1', '2001:db8::7', '1:2:3:4:5:6:7:8', '::ffff:192.0.2.1', '1::', 'fe80::1%eth0', '64:ff9b::1.2.3.4'])
    assert.equal(isIpv6(a), true, a);
  for (const a of ['1:2:3', ':1', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', '::ffff:999.0.0.1', 'g::1', 'host'])
    assert.equal(isIpv6(a), false, a);
});

test('curly quotes around an rsync -e value or a path are read as straight quotes', () => {
  const rs = rewriteCommand('rsync -e “ssh -p 42442 -i ~/.ssh/id_ed25519” -av ./d root@149.36.0.213:/workspace/', P);
  assert.deepEqual(rs, { ok: true, command: `rsync -e 'ssh -p 42442 -i ~/.ssh/runpod' -av ./d root@149.36.0.213:/workspace/` });
  const long = rewriteCommand('$ rsync --rsh=“ssh -p 2” -a d root@1.2.3.4:/w/', P);
  assert.deepEqual(long, { ok: true, command: `rsync '--rsh=ssh -i ~/.ssh/runpod -p 2' -a d root@1.2.3.4:/w/` });
  // ‘…’ around a path with a space: one argument, re-quoted for the shell
  const scp = parseCommand('scp -P 42442 ‘my data.tar’ root@1.2.3.4:/workspace/');
  assert.ok(scp.ok);
  assert.deepEqual(scp.argv, ['scp', '-P', '42442', 'my data.tar', 'root@1.2.3.4:/workspace/']);
  assert.deepEqual(rewriteCommand('scp -P 42442 ‘my data.tar’ root@1.2.3.4:/workspace/', P), {
    ok: true,
    command: `scp -i ~/.ssh/runpod -P 42442 'my data.tar' root@1.2.3.4:/workspace/`,
  });
  // the old -i value in curly quotes is one word and is replaced, not left as a remote command
  assert.deepEqual(rewriteCommand('ssh root@1.2.3.4 -i “~/my keys/id”', P), { ok: true, command: 'ssh root@1.2.3.4 -i ~/.ssh/runpod' });
  // „…“ (German) and ”…” (autocorrect) pairs
  const de = parseCommand('scp „a b“ root@1.2.3.4:/w');
  assert.ok(de.ok && de.argv[1] === 'a b');
  const ac = parseCommand('scp ”a b” root@1.2.3.4:/w');
  assert.ok(ac.ok && ac.argv[1] === 'a b');
  // an apostrophe inside ‘…’ stays literal; curly quotes inside real quotes stay literal
  const apos = parseCommand('ssh root@1.2.3.4 echo ‘it’s’');
  assert.ok(apos.ok && apos.argv[3] === 'it’s');
  const inner = parseCommand(`ssh root@1.2.3.4 echo '“a b”'`);
  assert.ok(inner.ok && inner.argv[3] === '“a b”');
  // mid-word curly quotes are not quotes; an unpaired one stays literal
  const mid = parseCommand('scp a“b”c root@1.2.3.4:/w');
  assert.ok(mid.ok && mid.argv[1] === 'a“b”c');
  const lone = parseCommand('scp “a root@1.2.3.4:/w');
  assert.ok(lone.ok && lone.argv[1] === '“a');
  // a pair whose content holds the same straight quote is not repaired; bash sees an open quote
  const mixed = parseCommand('scp “a"b” root@1.2.3.4:/w');
  assert.deepEqual(mixed, { ok: false, reason: 'unterminated double quote' });
});

test('curly-quote repair runs through real bash: the rewritten command passes the intended argv', async () => {
  const { spawnSync } = await import('node:child_process');
  const cases: [string, string[]][] = [
    [
      'rsync -e “ssh -p 42442 -i ~/.ssh/id_ed25519” -av ./d root@149.36.0.213:/workspace/',
      ['rsync', '-e', 'ssh -p 42442 -i ~/.ssh/runpod', '-av', './d', 'root@149.36.0.213:/workspace/'],
    ],
    ['scp ‘my data’ “it’s here” root@1.2.3.4:/w', ['scp', '-i', '~/.ssh/runpod', 'my data', 'it’s here', 'root@1.2.3.4:/w']],
  ];
  for (const [input, want] of cases) {
    const r = rewriteCommand(input, { keyPath: '/k/runpod', shell: 'posix' });
    assert.ok(r.ok, input);
    const script = `rsync() { printf '%s\\0' rsync "$@"; }; scp() { printf '%s\\0' scp "$@"; }\n${r.command}\n`;
    const out = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8' });
    const argv = out.stdout.split('\0').slice(0, -1);
    assert.deepEqual(
      argv,
      want.map((w) => w.replace('~/.ssh/runpod', '/k/runpod')),
      r.command,
    );
  }
});
