/**
 * The differential check of differential.test.ts, shared with scripts/command-props-long.ts (not a
 * test file): random and adversarial page text spliced into console commands; each command the
 * rewriter accepts runs in the bash sandbox (sandbox.ts), and so does the page's own text.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConnection, parseCommand, rewriteCommand } from '../../../src/core/command/index.ts';
import { commandOut } from '../../../src/core/command/emit.ts';
import { programOf } from '../../../src/core/command/grammar.ts';
import { emitSettingsFor } from '../../../src/core/command/rewrite.ts';
import { normalize, promptLength } from '../../../src/core/command/tokenize.ts';
import type { Sandbox } from './sandbox.ts';

export const KEY = '~/.ssh/id rpk';

/** Forbidden in any output, for every shell (CONTRACT.md): C0, DEL, C1 (incl. U+0085), bidi controls, U+2028/9. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

export const BASES = [
  'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519',
  'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519',
  'ssh -i ~/.ssh/id_ed25519 root@149.36.0.213 -p 42442',
  'scp -P 42442 -i ~/.ssh/id_ed25519 file root@149.36.0.213:/workspace/',
  'sftp -P 42442 -i ~/.ssh/id_ed25519 root@149.36.0.213',
  'rsync -e "ssh -p 42442 -i ~/.ssh/id_ed25519" -av ./data root@149.36.0.213:/workspace/',
  'ssh root@[2001:db8::7] -p 2222',
  '$ ssh -L 8888:localhost:8888 root@1.2.3.4 -p 22',
  'sftp -P 42442 root@149.36.0.213:/workspace',
  'scp -P 42442 -i ~/.ssh/id_ed25519 root@149.36.0.213:/workspace/out.txt .',
];

const HOSTILE = [
  "'",
  '"',
  "$'\\''",
  '$(touch pwned)',
  '`touch pwned`',
  '$HOME',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell expansion the quoting must neutralize
  '${HOME}',
  '$X',
  '$',
  ';',
  '|',
  '&',
  '&&',
  '>',
  '>pwned',
  '<x',
  '2>&1',
  '*',
  '?',
  '[a]',
  '{a,b}',
  '!x',
  '!!',
  '!',
  '~',
  '~root',
  'a=~/x',
  '\\',
  '\\;',
  '#',
  '# c',
  '\x01',
  '\x7f',
  '\u0085',
  '\u202e',
  '\u2028',
  '\n',
  '\n touch pwned',
  '-oProxyCommand=touch\\ pwned',
  '-o',
  'ProxyCommand',
  'proxycommand=x',
  '"ProxyCommand x"',
  '-F',
  '/dev/null',
  '-A',
  '-J',
  '-E',
  'log',
  '-S',
  '-w',
  '0',
  '-oPermitLocalCommand=yes',
  '-oLocalCommand=touch\\ pwned',
  "-o 'KnownHostsCommand x'",
  '--rsync-path=x',
  '-e',
  '"ssh -oProxyCommand=x"',
  '--rsh=sh',
  '-l',
  'x',
  '-p',
  '99999',
];
const BENIGN = [
  'ls',
  'nvidia-smi',
  "'a b'",
  '"x y"',
  'a\\ b',
  '-v',
  '-C',
  '-tt',
  '-q',
  '-4',
  '-L',
  '8080:localhost:80',
  '-o',
  'StrictHostKeyChecking=no',
  "'echo hi; rm -rf /'",
  '"$"',
  "'$(x)'",
  '"a\'b"',
  'é',
  '中文',
  '😀',
  '-p',
  '22',
  "''",
  '""',
  'x=y',
  '%',
  '@',
  'a:b',
  '-R',
  '9000:localhost:9000',
  '-o',
  'ServerAliveInterval=30',
  '-oIdentitiesOnly=no',
  '--progress',
  '-z',
  'dir/',
  '~/data',
  '-D',
  '1080',
  '-N',
  '-T',
  '--',
  '-',
];

export const inputArb = fc
  .record({
    base: fc.constantFrom(...BASES),
    edits: fc.array(
      fc.record({
        piece: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 3, arbitrary: fc.constantFrom(...BENIGN) }),
        at: fc.nat(20),
        glue: fc.constantFrom(' ', ' ', ''),
      }),
      { maxLength: 3 },
    ),
    io: fc.boolean(),
  })
  .map(({ base, edits, io }) => {
    let words = base.split(' ');
    for (const e of edits) {
      const at = 1 + (e.at % words.length);
      if (e.glue === '' && at < words.length) words[at] = words[at] + e.piece;
      else words = [...words.slice(0, at), e.piece, ...words.slice(at)];
    }
    return { input: words.join(' '), io };
  });

/** What bash must pass for a corrected command: the program, then the Connection's words. */
export function predictedArgv(box: Sandbox, input: string, io: boolean): string[] {
  const expandTilde = (v: string, tilde: boolean | undefined): string => (tilde ? box.home + v.slice(1) : v);
  const p = parseConnection(input);
  assert.ok(p.ok);
  const c = p.connection;
  const out = commandOut(c, emitSettingsFor(c, { keyPath: KEY, shell: 'posix', identitiesOnly: io }), KEY);
  return [programOf(c.programPath)!, ...out.map((o) => (o.kind === 'key' ? `${box.home}/.ssh/id rpk` : expandTilde(o.value, o.tilde)))];
}

/** Every `!` of a posix output is inside single quotes (no history expansion when pasted interactively). */
function bangsQuoted(command: string): boolean {
  return !command.replace(/'[^']*'/g, '').includes('!');
}

/** Runs `runs` generated inputs; throws (assert) on the first disagreement. */
export function runDifferential(box: Sandbox, runs: number, seed: number): { accepted: number; refused: number; originals: number } {
  let accepted = 0;
  let refused = 0;
  let originals = 0;
  const samples = fc.sample(inputArb, { numRuns: runs, seed });
  const expandTilde = (v: string, tilde: boolean | undefined): string => (tilde ? box.home + v.slice(1) : v);
  for (const { input, io } of samples) {
    const r = rewriteCommand(input, { keyPath: KEY, shell: 'posix', identitiesOnly: io });
    if (!r.ok) {
      refused++;
      assert.ok(r.reason.length > 10, `${JSON.stringify(input)}: vague reason ${r.reason}`);
      continue;
    }
    accepted++;
    assert.doesNotMatch(r.command, FORBIDDEN, JSON.stringify(input));
    assert.ok(bangsQuoted(r.command), r.command);
    const run = box.run(r.command);
    assert.deepEqual(run.ran, [predictedArgv(box, input, io)], `${JSON.stringify(input)} → ${r.command}\n${run.stderr}`);
    assert.deepEqual(run.newFiles, [], `${JSON.stringify(input)} → ${r.command}`);
    // The page's own words through bash: the tokenizer read exactly what bash reads.
    const inv = parseCommand(input);
    assert.ok(inv.ok);
    if (inv.words.some((w) => w.repaired)) continue;
    const { text } = normalize(input);
    const orig = box.run(text.slice(promptLength(text)));
    originals++;
    const want = [programOf(inv.argv[0]!)!, ...inv.words.slice(1).map((w) => expandTilde(w.value, w.tilde))];
    assert.deepEqual(orig.ran, [want], `original ${JSON.stringify(input)}\n${orig.stderr}`);
    assert.deepEqual(orig.newFiles, []);
  }
  return { accepted, refused, originals };
}
