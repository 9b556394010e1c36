/**
 * Random command cases for the property tests: every console form × random key paths (any
 * Unicode, every shell metacharacter, quotes, spaces, `~/`, `$HOME/`, Windows-looking names)
 * × decorations the page adds (prompt, NBSP, en dash, CR/LF, curly quotes). Each case knows what argv the
 * program must receive and what OpenSSH must conclude.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rewriteCommand } from '../../../src/core/command/index.ts';
import { HOME, type BashOracle, type OracleRun } from './oracle.ts';

/** An unpaired UTF-16 surrogate (String.prototype.isWellFormed is ES2024, beyond our lib). */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const META = [...'\'"`$!;&|<>()[]{}*?#~^=,@+-\\ :', '\u00a0', 'é', '中', '😀', 'e\u0301', '‘', '’', '“', '”', '–', '\u200b'];
const RARE = ['\n', '\r', '\x01', '\x7f', '\u0085', '\u202e', '\u2028', '\ud800', '${', '%h', '%'];

const segment = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...'abcXYZ019._-') },
      { weight: 4, arbitrary: fc.constantFrom(...META) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2 }) },
    ),
    { minLength: 1, maxLength: 10 },
  )
  // one rare (refused) piece in about one segment of eight
  .chain((a) =>
    fc
      .tuple(fc.nat(7), fc.constantFrom(...RARE), fc.nat(a.length))
      .map(([roll, r, at]) => (roll === 0 ? [...a.slice(0, at), r, ...a.slice(at)] : a)),
  )
  .map((a) => a.join('').replace(/[/\0]/g, '_'))
  .filter((s) => s !== '.' && s !== '..' && s !== '' && Buffer.byteLength(s) < 120);

export type Prefix = 'tilde' | 'home' | 'homebrace' | 'abs' | 'rel';
export const keyPathArb = fc.record({
  prefix: fc.constantFrom<Prefix>('tilde', 'home', 'homebrace', 'abs', 'rel', 'tilde'),
  segs: fc.array(segment, { minLength: 1, maxLength: 2 }),
});

export interface KeySpec {
  /** The setting, as the user typed it. */
  setting: string;
  /** The file ssh must end up with (after the shell's and ssh's own `~` expansion). */
  file: string;
  /** For files relative to the working directory. */
  relative: boolean;
}

export function keySpec(k: { prefix: Prefix; segs: string[] }, absBase: string, tag: string): KeySpec {
  const rest = `.rpk-cmdtest-${process.pid}/${tag}/${k.segs.join('/')}`;
  switch (k.prefix) {
    case 'tilde':
      return { setting: `~/${rest}`, file: `${HOME}/${rest}`, relative: false };
    case 'home':
      return { setting: `$HOME/${rest}`, file: `${HOME}/${rest}`, relative: false };
    case 'homebrace':
      return { setting: `\${HOME}/${rest}`, file: `${HOME}/${rest}`, relative: false };
    case 'abs':
      return { setting: `${absBase}/${tag}/${k.segs.join('/')}`, file: `${absBase}/${tag}/${k.segs.join('/')}`, relative: false };
    case 'rel':
      return { setting: `rel/${tag}/${k.segs.join('/')}`, file: `rel/${tag}/${k.segs.join('/')}`, relative: true };
  }
}

/** Independent statement of what must be refused: control/bidi characters, invalid Unicode, and
 * `%` / `${` that ssh would expand in -i. */
export function mustRefuse(spec: KeySpec): boolean {
  const literal = spec.setting.replace(/^(\$HOME|\$\{HOME\})\//, '');
  return (
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(spec.setting) ||
    LONE_SURROGATE.test(spec.setting) ||
    literal.includes('%') ||
    literal.includes('${')
  );
}

type Part = string | { key: 'sep' | 'att' | 'group' };
interface Form {
  name: string;
  program: 'ssh' | 'scp' | 'sftp' | 'rsync';
  parts: Part[];
  user: string;
  host: string;
  port: string;
  /** A remote command follows (proxy needs -tt). */
  remote?: boolean;
}

const formArb = fc
  .record({
    pod: fc.stringMatching(/^[a-z0-9]{14}$/),
    hex: fc.stringMatching(/^[0-9a-f]{8}$/),
    ip: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((t) => t.join('.')),
    port: fc.integer({ min: 1, max: 65535 }).map(String),
    which: fc.nat(14),
    v6: fc.tuple(fc.integer({ min: 1, max: 0xffff }), fc.nat(0xffff)).map(([a, b]) => `2001:db8::${a.toString(16)}:${b.toString(16)}`),
  })
  .map(({ pod, hex, ip, port, which, v6 }): Form => {
    const proxyUser = `${pod}-${hex}`;
    const tcp = { user: 'root', host: ip, port };
    switch (which) {
      case 0:
        return {
          name: 'proxy',
          program: 'ssh',
          parts: ['ssh', `${proxyUser}@ssh.runpod.io`, { key: 'sep' }],
          user: proxyUser,
          host: 'ssh.runpod.io',
          port: '22',
        };
      case 1:
        return {
          name: 'proxy+command',
          program: 'ssh',
          parts: ['ssh', `${proxyUser}@ssh.runpod.io`, { key: 'sep' }, 'nvidia-smi'],
          user: proxyUser,
          host: 'ssh.runpod.io',
          port: '22',
          remote: true,
        };
      case 2:
        return { name: 'tcp', program: 'ssh', parts: ['ssh', `root@${ip}`, '-p', port, { key: 'sep' }], ...tcp };
      case 3:
        return { name: 'runpodctl', program: 'ssh', parts: ['ssh', { key: 'sep' }, `root@${ip}`, '-p', port], ...tcp };
      case 4:
        return { name: 'no -i', program: 'ssh', parts: ['ssh', `root@${ip}`, '-p', port], ...tcp };
      case 5:
        return { name: 'attached', program: 'ssh', parts: ['ssh', `root@${ip}`, `-p${port}`, { key: 'att' }], ...tcp };
      case 6:
        return { name: 'group', program: 'ssh', parts: ['ssh', { key: 'group' }, `root@${ip}`, '-p', port], ...tcp };
      case 7:
        return { name: 'scp', program: 'scp', parts: ['scp', '-P', port, { key: 'sep' }, 'file', `root@${ip}:/workspace/`], ...tcp };
      case 8:
        return { name: 'sftp', program: 'sftp', parts: ['sftp', '-P', port, { key: 'sep' }, `root@${ip}`], ...tcp };
      case 9:
        return {
          name: 'rsync -e',
          program: 'rsync',
          parts: ['rsync', '-e', `ssh -p ${port} -i ~/.ssh/id_ed25519`, '-a', 'data', `root@${ip}:/workspace/`],
          ...tcp,
        };
      case 10:
        return { name: 'rsync', program: 'rsync', parts: ['rsync', '-a', 'data', `root@${ip}:/workspace/`], ...tcp, port: '22' };
      case 12:
        return {
          name: 'forward',
          program: 'ssh',
          parts: ['ssh', '-L', '8888:localhost:8888', `root@${ip}`, '-p', port, { key: 'sep' }],
          ...tcp,
        };
      case 13:
        return { name: 'ipv6', program: 'ssh', parts: ['ssh', `root@[${v6}]`, '-p', port, { key: 'sep' }], user: 'root', host: v6, port };
      case 14:
        // a quoted remote command reaches ssh as ONE word; the proxy needs -tt for it
        return {
          name: 'proxy+command',
          program: 'ssh',
          parts: ['ssh', `${proxyUser}@ssh.runpod.io`, { key: 'sep' }, 'ls -la /workspace'],
          user: proxyUser,
          host: 'ssh.runpod.io',
          port: '22',
          remote: true,
        };
      default:
        return { name: 'scp no -i', program: 'scp', parts: ['scp', '-P', port, 'file', `root@${ip}:/workspace/`], ...tcp };
    }
  });

const decoArb = fc.record({
  prompt: fc.constantFrom('', '', '$ ', '$\u00a0', 'root@pod:~# '),
  sep: fc.constantFrom(' ', ' ', '\u00a0', '  ', '\u2009'),
  dash: fc.constantFrom('-', '-', '–', '—'),
  tail: fc.constantFrom('', '', '\n', '\r\n', '  \n\n'),
  /** Rich text turns the quotes around rsync's -e value into “…”. */
  quotes: fc.constantFrom('""', '""', '“”'),
});

export const caseArb = fc.record({
  form: formArb,
  deco: decoArb,
  key: keyPathArb,
  identitiesOnly: fc.boolean(),
  ioPresent: fc.boolean(),
});
export type CaseInput = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

export interface Case {
  label: string;
  input: string;
  spec: KeySpec;
  identitiesOnly: boolean;
  form: Form;
  /** Expected argv; for rsync, `null` marks the -e value (checked through real rsync). */
  argv: (string | null)[];
  tty: boolean;
}

const OLD = '~/.ssh/id_ed25519';

/** Builds the console text and the expected argv for one case. */
export function buildCase(c: CaseInput, absBase: string, tag: string): Case {
  const { form, deco } = c;
  const spec = keySpec(c.key, absBase, tag);
  const words: string[] = [];
  const want: (string | null)[] = [];
  const io = c.identitiesOnly ? ['-o', 'IdentitiesOnly=yes'] : [];
  let placed = false;
  const q = (s: string) => (/^[A-Za-z0-9_@%+=:,./~-]+$/.test(s) ? s : deco.quotes[0] + s + deco.quotes[1]);
  for (const p of form.parts) {
    if (typeof p !== 'string') {
      placed = true;
      if (p.key === 'sep') words.push(`${deco.dash}i`, OLD);
      else if (p.key === 'att') words.push(`${deco.dash}i${OLD}`);
      else words.push(`${deco.dash}Ci`, OLD);
      if (p.key === 'group') want.push('-C');
      want.push('-i', spec.file, ...io);
      continue;
    }
    words.push(q(p));
    // ssh gets `user@v6` without brackets: OpenSSH keeps brackets as part of the host name there (emit.ts)
    want.push(form.program === 'rsync' && p.startsWith('ssh ') ? null : form.name === 'ipv6' ? p.replace(/[[\]]/g, '') : p);
  }
  if (c.ioPresent && form.program !== 'rsync') {
    // an IdentitiesOnly=yes already present must not be duplicated
    words.splice(1, 0, '-o', 'IdentitiesOnly=yes');
    want.splice(1, 0, '-o', 'IdentitiesOnly=yes');
    if (placed) {
      const at = want.indexOf(spec.file);
      if (c.identitiesOnly) want.splice(at + 1, 2);
    }
  }
  const tty = form.name === 'proxy+command';
  if (!placed && form.program !== 'rsync') {
    const extra = c.identitiesOnly && !c.ioPresent ? io : [];
    want.splice(1, 0, '-i', spec.file, ...extra);
  }
  if (form.program === 'rsync' && !form.parts.some((p) => typeof p === 'string' && p.startsWith('ssh '))) want.splice(1, 0, '-e', null);
  if (tty) want.splice(1, 0, '-tt');
  const input = deco.prompt + words.join(deco.sep) + deco.tail;
  return { label: form.name, input, spec, identitiesOnly: c.identitiesOnly, form, argv: want, tty };
}

export function createKeyFile(spec: KeySpec, cwd: string): void {
  const file = spec.relative ? join(cwd, spec.file) : spec.file;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, 'not a real key\n');
}

/** Checks one oracle run against the case; returns a problem description or null. */
export function checkRun(c: Case, run: OracleRun | undefined, deep: boolean): string | null {
  if (!run) return 'no record from bash (syntax error?)';
  const want = c.argv;
  const got = run.argv;
  if (got.length !== want.length) return `argv length ${got.length} ≠ ${want.length}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`;
  for (let i = 0; i < want.length; i++) {
    if (want[i] !== null && got[i] !== want[i]) return `argv[${i}] = ${JSON.stringify(got[i])}, want ${JSON.stringify(want[i])}`;
  }
  if (!deep) return null;
  const cfg = run.config;
  if (!cfg) return 'no ssh -G output';
  const one = (k: string) => (cfg.get(k) ?? [])[0];
  const ids = cfg.get('identityfile') ?? [];
  if (ids.length !== 1 || ids[0] !== c.spec.file)
    return `ssh -G identityfile ${JSON.stringify(ids)}, want [${JSON.stringify(c.spec.file)}]\n${run.configRaw}`;
  if (one('user') !== c.form.user) return `ssh -G user ${one('user')}, want ${c.form.user}`;
  if (one('hostname') !== c.form.host) return `ssh -G hostname ${one('hostname')}, want ${c.form.host}`;
  if (one('port') !== c.form.port) return `ssh -G port ${one('port')}, want ${c.form.port}`;
  if (c.identitiesOnly && one('identitiesonly') !== 'yes') return `ssh -G identitiesonly ${one('identitiesonly')}`;
  if (c.tty && one('requesttty') !== 'force') return `ssh -G requesttty ${one('requesttty')}`;
  return null;
}

/** Runs `n` random cases through rewriteCommand and the oracles; returns failures. */
export function runProperty(
  oracle: BashOracle,
  n: number,
  deepEvery: number,
  seed?: number,
): { failures: string[]; ran: number; refused: number; deep: number } {
  const samples = fc.sample(caseArb, seed === undefined ? n : { numRuns: n, seed });
  const absBase = join(oracle.dir, 'keys');
  const lines: { command: string; deep: boolean }[] = [];
  const cases: Case[] = [];
  const failures: string[] = [];
  let refused = 0;
  samples.forEach((s, i) => {
    const c = buildCase(s, absBase, `c${i}`);
    let r: ReturnType<typeof rewriteCommand>;
    try {
      r = rewriteCommand(c.input, {
        keyPath: c.spec.setting,
        shell: 'posix',
        identitiesOnly: c.identitiesOnly,
        ...(c.tty ? { tty: true } : {}),
      });
    } catch (e) {
      failures.push(`threw on ${JSON.stringify(c.input)}: ${String(e)}`);
      return;
    }
    if (mustRefuse(c.spec)) {
      refused++;
      if (r.ok) failures.push(`emitted an unsafe path ${JSON.stringify(c.spec.setting)}: ${r.command}`);
      else if (r.reason.length < 15) failures.push(`vague reason ${JSON.stringify(r.reason)}`);
      return;
    }
    if (!r.ok) {
      failures.push(`refused ${JSON.stringify(c.input)} with key ${JSON.stringify(c.spec.setting)}: ${r.reason}`);
      return;
    }
    const deep = i % deepEvery === 0;
    if (deep) createKeyFile(c.spec, oracle.dir);
    cases.push(c);
    lines.push({ command: r.command, deep });
  });
  mkdirSync(join(oracle.dir, 'data'), { recursive: true });
  writeFileSync(join(oracle.dir, 'file'), 'x');
  const runs = oracle.run(lines);
  cases.forEach((c, i) => {
    const problem = checkRun(c, runs[i], lines[i]!.deep);
    if (problem)
      failures.push(`${c.label}: ${JSON.stringify(c.input)} key ${JSON.stringify(c.spec.setting)} → ${lines[i]!.command}\n  ${problem}`);
  });
  return { failures, ran: cases.length, refused, deep: lines.filter((l) => l.deep).length };
}
