/**
 * What the rewriter must refuse (CONTRACT.md "Built from facts, never from page text"), as a table:
 * every dangerous option in every spelling ssh and ssh_config accept, for ssh, scp, sftp and inside
 * rsync's -e; shell syntax that would run or expand something; characters that hide what runs.
 * Each refusal is checked for all three shells and must say why.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSshCommands, looksLikeSshCommand, rewriteCommand } from '../../../src/core/command/index.ts';
import type { ShellKind } from '../../../src/core/types.ts';

const SHELLS: ShellKind[] = ['posix', 'powershell', 'cmd'];
const D = 'root@149.36.0.213';

function refusedEverywhere(command: string, why: RegExp): void {
  for (const shell of SHELLS) {
    const r = rewriteCommand(command, { keyPath: '~/.ssh/id_ed25519', shell, identitiesOnly: true });
    assert.equal(r.ok, false, `${shell}: accepted ${JSON.stringify(command)} → ${r.ok ? r.command : ''}`);
    if (!r.ok) assert.match(r.reason, why, `${shell}: ${JSON.stringify(command)}`);
  }
  assert.equal(looksLikeSshCommand(command), false, command);
  assert.deepEqual(
    findSshCommands(command).filter((f) => f.command === command.trim()),
    [],
    command,
  );
}

/** ssh_config keywords that run programs, read files, reach other hosts or hand out the agent. */
const KEYWORDS: [string, RegExp][] = [
  ['ProxyCommand', /runs a program/],
  ['LocalCommand', /runs a program/],
  ['PermitLocalCommand', /runs a program/],
  ['KnownHostsCommand', /runs a program/],
  ['PKCS11Provider', /runs a program/],
  ['SecurityKeyProvider', /runs a program/],
  ['Match', /runs a program/],
  ['Include', /configuration file/],
  ['ProxyJump', /another host/],
  ['ForwardAgent', /SSH agent/],
  ['ControlPath', /control socket/],
  ['ControlMaster', /control socket/],
  ['Tunnel', /tunnel device/],
  ['RemoteCommand', /never shows/],
];

/** The spellings `-o` accepts (readconf.c: keyword, blanks and/or one `=`, any case, optional quotes). */
function spellings(kw: string, value: string): string[][] {
  const lower = kw.toLowerCase();
  const upper = kw.toUpperCase();
  return [
    [`-o${kw}=${value}`],
    ['-o', `${kw}=${value}`],
    ['-o', `${kw} ${value}`],
    ['-o', `${lower} ${value}`],
    ['-o', `${upper}=${value}`],
    ['-o', `${kw} = ${value}`],
    ['-o', `${kw}\t${value}`],
    ['-o', `  ${kw}=${value}`],
    ['-o', `"${kw}" ${value}`],
    ['-o', `${kw}=`],
    ['-vo', `${kw}=${value}`],
    [`-Co${kw} ${value}`],
  ];
}

/** Words → a posix command line (each argument single-quoted). */
const line = (words: string[]): string =>
  words.map((w) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');

test('dangerous -o keywords are refused in every spelling, for ssh, scp, sftp and inside rsync -e', () => {
  for (const [kw, why] of KEYWORDS) {
    for (const sp of spellings(kw, 'touch /tmp/pwned')) {
      refusedEverywhere(line(['ssh', ...sp, D, '-p', '42442']), why);
      refusedEverywhere(line(['ssh', D, '-p', '42442', ...sp]), why);
      refusedEverywhere(line(['scp', '-P', '42442', ...sp, 'f', `${D}:/w`]), why);
      refusedEverywhere(line(['sftp', '-P', '42442', ...sp, D]), why);
      const inner = line(['ssh', '-p', '42442', ...sp]).replace(/'/g, '"');
      refusedEverywhere(`rsync -av -e '${inner}' ./d ${D}:/w`, why);
      refusedEverywhere(`rsync -av '--rsh=${inner}' ./d ${D}:/w`, why);
    }
  }
});

test('dangerous ssh letters are refused alone, grouped, attached and inside rsync -e', () => {
  const LETTERS: [string, string | null, RegExp][] = [
    ['F', '/tmp/cfg', /configuration file/],
    ['E', '/tmp/log', /writes a file/],
    ['J', 'evil.example', /another host/],
    ['S', '/tmp/sock', /control socket/],
    ['w', '0:0', /tunnel device/],
    ['A', null, /SSH agent/],
    ['X', null, /never shows/],
    ['Y', null, /never shows/],
    ['M', null, /never shows/],
    ['f', null, /never shows/],
    ['G', null, /never shows/],
  ];
  for (const [l, v, why] of LETTERS) {
    const forms = v === null ? [[`-${l}`], [`-v${l}`], [`-${l}C`]] : [[`-${l}`, v], [`-${l}${v}`], [`-v${l}`, v]];
    for (const f of forms) {
      refusedEverywhere(line(['ssh', ...f, D, '-p', '42442']), why);
      refusedEverywhere(line(['ssh', D, ...f]), why);
      refusedEverywhere(`rsync -e "ssh ${f.join(' ')}" -a d ${D}:/w`, why);
    }
  }
  refusedEverywhere(`scp -S /tmp/prog f ${D}:/w`, /runs a program/);
  refusedEverywhere(`scp -F /tmp/cfg f ${D}:/w`, /configuration file/);
  refusedEverywhere(`sftp -b /tmp/batch ${D}`, /runs a program/);
  refusedEverywhere(`sftp -D /usr/lib/sftp-server ${D}`, /runs a program/);
  refusedEverywhere(`rsync --rsync-path='sudo rsync' -a d ${D}:/w`, /runs a program/);
  refusedEverywhere(`rsync -e "ssh evil.example" -a d ${D}:/w`, /must not name a host/);
  refusedEverywhere(`rsync -e sh -a d ${D}:/w`, /not ssh/);
});

test("shell syntax that would run or expand something is refused (the issue's reproductions first)", () => {
  const CASES: [string, RegExp][] = [
    [`ssh ${D} $'\\'' ; touch /tmp/pwned ; : '\\'`, /\$'…'/],
    [`ssh ${D} "$(touch /tmp/pwned)"`, /command substitution/],
    [`ssh ${D} $(touch /tmp/pwned)`, /command substitution/],
    [`ssh ${D} \`touch /tmp/pwned\``, /command substitution/],
    [`ssh ${D} "\`touch /tmp/pwned\`"`, /command substitution/],
    [`ssh ${D} $"x"`, /\$'…'/],
    [`ssh ${D} echo $HOME`, /variable/],
    [`ssh ${D} "\${HOME}"`, /variable/],
    [`ssh ${D} echo $1`, /variable/],
    [`ssh ${D} echo $((1+1))`, /command substitution/],
    [`ssh ${D}; touch /tmp/pwned`, /operator ";"/],
    [`ssh ${D} | sh`, /operator "\|"/],
    [`ssh ${D} & touch x`, /operator "&"/],
    [`ssh ${D} > /tmp/x`, /operator ">"/],
    [`ssh ${D} < /etc/passwd`, /operator "<"/],
    [`ssh ${D} ls *`, /pattern/],
    [`ssh ${D} ls ?`, /pattern/],
    [`ssh ${D} ls {a,b}`, /pattern/],
    [`ssh ${D} ls [ab]`, /pattern/],
    [`ssh ${D} echo hi!x`, /history/],
    [`ssh ${D} "echo !!"`, /history/],
    [`ssh ${D} ls ~root`, /"~" form/],
    [`ssh ${D} a=~/x`, /"~" form/],
    [`ssh ${D} echo x\\`, /trailing backslash/],
    [`ssh ${D}\ntouch /tmp/pwned`, /more than one command/],
  ];
  for (const [c, why] of CASES) refusedEverywhere(c, why);
});

test('control, bidi and line-separator characters are refused for every shell, wherever they are', () => {
  for (const ch of [
    '\x00',
    '\x03',
    '\x1b',
    '\x7f',
    '\u0085',
    '\u009b',
    '\u202a',
    '\u202e',
    '\u2066',
    '\u2069',
    '\u200e',
    '\u200f',
    '\u061c',
    '\u2028',
    '\u2029',
  ]) {
    refusedEverywhere(`ssh ${D} 'x${ch}y'`, /control character|bidirectional|cannot be pasted/);
    refusedEverywhere(`ssh ${D} "x${ch}y"`, /control character|bidirectional|cannot be pasted/);
  }
  refusedEverywhere(`ssh ${D} 'x\u0003\ncurl evil\n'`, /control character|newline/);
});

test('only Runpod destinations: other hosts, users and forms are refused', () => {
  refusedEverywhere('ssh user@example.com', /not a Runpod destination/);
  refusedEverywhere('ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io.evil.com', /not a Runpod destination/);
  refusedEverywhere('ssh root@ssh.runpod.io', /not a Runpod proxy user/);
  refusedEverywhere('ssh 149.36.0.213 -p 42442', /no valid user name/);
  refusedEverywhere('ssh -l "a b" 149.36.0.213', /user name contains a space/);
  refusedEverywhere('ssh -l a.b@c 149.36.0.213', /not a value the console gives -l/);
  refusedEverywhere(`scp f ${D}:/a ${D}:/b`, /second remote operand/);
  refusedEverywhere(`ssh -p 99999 ${D}`, /not a value the console gives -p/);
});
