/**
 * A Runpod connection as typed facts, parsed from the command the console shows. Everything we
 * emit (the corrected command, the Connect assistant's scp/rsync/sftp/forward/config lines) is
 * built from these values and quoted by us (emit.ts), never copied from page text.
 *
 * Only Runpod-shaped destinations (the proxy user `<id>-<8 hex>` at ssh.runpod.io, or a user at
 * an IPv4/IPv6 literal) and the allow-listed options of policy.ts make a Connection.
 */
import { refuse, said, tx, type Refusal, type Said } from '../i18n-text.ts';
import { isIpLiteral } from './destination.ts';
import { GETOPT, PROXY_HOST, programOf, type Program } from './grammar.ts';
import { walkOptions, type Occurrence } from './getopt.ts';
import { parseCommand, parseWords, remoteOperand, type Invocation, type RsyncItem } from './parse.ts';
import { optionProblem, RSYNC_SHORT, rsyncOptionProblem, splitConfigOption, USER } from './policy.ts';
import { theArgumentNamed, unsafeCharacter } from './quote.ts';
import { splitRsyncRsh } from './rsh.ts';
import { DASHES, type Word } from './tokenize.ts';

const LEADING_DASHES = new RegExp(`^${DASHES.source}{1,2}`);

export type ConnectionKind = 'proxy' | 'tcp';

/** A `-L`/`-R`/`-D` forward as ssh(1) reads its argument. */
export interface Forward {
  kind: 'L' | 'R' | 'D';
  /** The option's argument exactly as ssh receives it (e.g. `8888:localhost:8888`). */
  spec: string;
}

/** One allowed option letter in command order; `group` joins flags written together (`-tt`). */
export interface ConnOption {
  letter: string;
  value?: string;
  /** Written attached (`-p22`), kept so for the output. */
  attached: boolean;
  group: number;
  /** ssh: after the destination. */
  after: boolean;
}

/** An scp/rsync operand: a local path (a live leading `~` when `tilde`) or the remote `host:path`. */
export type Operand = { kind: 'local'; path: string; tilde: boolean } | { kind: 'remote'; path: string };

/** An rsync argument in order; `rsh` is the `-e`/`--rsh` slot our ssh command goes in. */
export type RsyncArg =
  | { kind: 'flags'; letters: string }
  | { kind: 'long'; name: string; value?: string }
  | { kind: 'rsh'; form: 'short' | 'long' | 'long='; group: string }
  | { kind: 'operand'; operand: Operand };

export interface Connection {
  program: Program;
  /** `proxy`: `<podId>-<hex>@ssh.runpod.io`; `tcp`: a user at an IPv4/IPv6 literal. */
  kind: ConnectionKind;
  user: string;
  /** `ssh.runpod.io`, or the IP literal without brackets. */
  host: string;
  /** 22 when the command gives none. */
  port: number;
  /** Proxy: the pod or worker id before the `-<8 hex>` suffix of the user. */
  podId?: string;
  forwards: Forward[];
  /** ssh only: the remote command's argv (empty for an interactive login). */
  remoteCommand: string[];
  /** argv[0] as the shell passes it (`ssh`, `ssh.exe`, `C:\Program Files\OpenSSH\ssh.exe`). */
  programPath: string;
  /** ssh/scp/sftp options in order (ssh: `after` marks those after the destination). */
  options: ConnOption[];
  /** The destination word carries a user (`user@host`); `user` may still come from -l / -o User, which win. */
  userInDestination: boolean;
  /** The user written in the destination or remote operand (emitted as written). */
  destinationUser?: string;
  /** The host was written in brackets (`root@[2001:db8::1]`). */
  bracketed: boolean;
  /** scp: operands in order; sftp: the `host:path` directory, if any; rsync: see rsyncArgs. */
  operands: Operand[];
  /** rsync: its arguments in order. */
  rsyncArgs: RsyncArg[];
  /** rsync: the options of the ssh inside `-e` (port, -o …), without the program. */
  rshOptions: ConnOption[];
}

export type ConnectionResult = { ok: true; connection: Connection } | Refusal;

/** `<14-char id>-<8 hex>`, the proxy user (shared/RUNPOD.md). */
export const PROXY_USER = /^([a-z0-9]+)-([0-9a-f]{8})$/i;
/** A program path we re-emit: letters, digits, spaces, `._-()+~`, `/`, `\` and a drive colon. */
const PROGRAM_PATH = /^(?:[A-Za-z]:)?[A-Za-z0-9 _.()+~/\\-]{1,200}$/;

const nope = (s: Said): Refusal => refuse(s);

/** Occurrences → allowed ConnOptions, or the first refusal. */
function connOptions(
  occ: readonly Occurrence[],
  kind: 'ssh' | 'scp' | 'sftp',
  program: string,
  afterIndex: number,
): { ok: true; options: ConnOption[] } | Refusal {
  const options: ConnOption[] = [];
  for (const o of occ) {
    const bad = optionProblem(program, kind, o.letter, o.value);
    if (bad) return nope(bad);
    options.push({
      letter: o.letter,
      ...(o.value !== undefined ? { value: o.value } : {}),
      attached: o.value !== undefined && o.valueIndex === undefined,
      group: o.index,
      after: o.index > afterIndex,
    });
  }
  return { ok: true, options };
}

/** The first value of -letter or -o keyword, in command order (ssh keeps the first; see getopt.ts). */
export function firstSetting(options: readonly ConnOption[], letter: string, keyword: string): string | undefined {
  for (const o of options) {
    if (o.letter === letter) return o.value;
    if (o.letter === 'o' && splitConfigOption(o.value ?? '').keyword === keyword) return splitConfigOption(o.value ?? '').value;
  }
  return undefined;
}

/** rsync `-e` / `--rsh`: an ssh with allowed options only, no host or command of its own. */
function rshOptions(value: string): { ok: true; options: ConnOption[] } | Refusal {
  const split = splitRsyncRsh(value.trim() === '' ? 'ssh' : value);
  if (!split.ok) return split;
  // the page's dash damage reaches inside the quotes too (`"ssh –p 42442"`): repaired as in tokenize.ts
  const argv = split.argv.map((w) => w.replace(LEADING_DASHES, (d) => '-'.repeat(d.length)));
  if (programOf(argv[0]!) !== 'ssh') return refuse(said(`rsync -e runs "${argv[0]!}", not ssh`, tx('cmdRshNotSsh', argv[0]!)));
  const w = walkOptions(argv, 1, GETOPT.ssh, 'ssh (in rsync -e)');
  if (!w.ok) return w;
  if (w.end < argv.length) {
    const shown = JSON.stringify(argv[w.end]!.slice(0, 40));
    return refuse(said(`rsync -e: the ssh command must not name a host or command (${shown})`, tx('cmdRshOperand', shown)));
  }
  return connOptions(w.occurrences, 'ssh', 'ssh (in rsync -e)', argv.length);
}

function operandOf(w: Word, index: number, destIndex: number): Operand {
  return index === destIndex
    ? { kind: 'remote', path: remoteOperand(w.value)!.path ?? '' }
    : { kind: 'local', path: w.value, tilde: w.tilde };
}

/** rsync's arguments → RsyncArgs (allow-listed) and the -e options. */
function rsyncArgs(inv: Invocation): { ok: true; args: RsyncArg[]; rsh: ConnOption[] } | Refusal {
  const args: RsyncArg[] = [];
  let rsh: ConnOption[] = [];
  const withRsh = (value: string, arg: RsyncArg): Refusal | null => {
    const r = rshOptions(value);
    if (!r.ok) return r;
    rsh = r.options;
    args.push(arg);
    return null;
  };
  for (const item of inv.rsync as RsyncItem[]) {
    if (item.kind === 'operand') args.push({ kind: 'operand', operand: operandOf(inv.words[item.index]!, item.index, inv.destIndex) });
    else if (item.kind === 'long') {
      const bad = rsyncOptionProblem(`--${item.name}`, item.name, item.value);
      if (bad) return nope(bad);
      if (item.name !== 'rsh') args.push({ kind: 'long', name: item.name, ...(item.value !== undefined ? { value: item.value } : {}) });
      else {
        const r = withRsh(item.value ?? '', { kind: 'rsh', form: item.valueIndex === undefined ? 'long=' : 'long', group: '' });
        if (r) return r;
      }
    } else {
      const letters = item.occurrences.map((o) => o.letter).join('');
      const badLetter = [...letters].find((l) => !RSYNC_SHORT.includes(l));
      if (badLetter) return nope(rsyncOptionProblem(`-${badLetter}`, badLetter, 'x')!);
      const e = item.occurrences.find((o) => o.letter === 'e');
      if (!e) args.push({ kind: 'flags', letters });
      else {
        const r = withRsh(e.value ?? '', { kind: 'rsh', form: 'short', group: letters.slice(0, -1) });
        if (r) return r;
      }
    }
  }
  return { ok: true, args, rsh };
}

/** Proxy or TCP, with the user the command gives; or why it is not a Runpod destination. */
function runpodShape(host: string, user: string | undefined): { kind: ConnectionKind; podId?: string } | Refusal {
  const proxy = host.toLowerCase() === PROXY_HOST;
  if (!proxy && !isIpLiteral(host)) {
    return refuse(said('not a Runpod destination (the proxy ssh.runpod.io or an IP address)', tx('cmdNotRunpodHost')));
  }
  if (proxy) {
    const podId = PROXY_USER.exec(user ?? '')?.[1];
    return podId === undefined
      ? refuse(said('not a Runpod proxy user (<pod id>-<8 hex digits>)', tx('cmdNotProxyUser')))
      : { kind: 'proxy', podId };
  }
  if (user === undefined || !USER.test(user)) {
    const shown = JSON.stringify(user ?? '');
    return refuse(said(`no valid user name for the pod (user@address; got ${shown})`, tx('cmdBadUser', shown)));
  }
  return { kind: 'tcp' };
}

/** The typed connection behind a parsed invocation, or why it is not one we rewrite. */
export function connectionOf(inv: Invocation): ConnectionResult {
  if (inv.uri) return refuse(said('a ssh:// or scp:// address is not a console form', tx('cmdUri')));
  if (!PROGRAM_PATH.test(inv.argv[0]!)) {
    const shown = JSON.stringify(inv.argv[0]!.slice(0, 40));
    return refuse(said(`the program path ${shown} has characters we do not re-emit`, tx('cmdProgramPath', shown)));
  }
  const opts =
    inv.program === 'rsync' ? { ok: true as const, options: [] } : connOptions(inv.occurrences, inv.program, inv.program, inv.destIndex);
  if (!opts.ok) return opts;
  const rs = inv.program === 'rsync' ? rsyncArgs(inv) : { ok: true as const, args: [], rsh: [] };
  if (!rs.ok) return rs;
  const all = inv.program === 'rsync' ? rs.rsh : opts.options;
  const destUser = inv.program === 'ssh' ? splitUser(inv.argv[inv.destIndex]!) : inv.user;
  // -l / -o User come before the user scp, sftp and rsync pass to ssh themselves, and ssh keeps the first
  const user = firstSetting(all, inv.program === 'ssh' || inv.program === 'rsync' ? 'l' : '', 'user') ?? destUser;
  const shape = runpodShape(inv.host ?? '', user);
  if ('ok' in shape) return shape;
  if (destUser !== undefined && destUser !== user) {
    const other = runpodShape(inv.host ?? '', destUser); // the written user is emitted too: same rules
    if ('ok' in other) return other;
  }
  for (const a of inv.argv) {
    // the gate refuses what no shell gets safely, as the rewrite would (the name only when needed)
    if (unsafeCharacter(a)) return nope(unsafeCharacter(a, theArgumentNamed(a.slice(0, 40)))!);
  }
  // ssh keeps the first -p / -o Port; scp and sftp overwrite their port with each -P (scp.c, sftp.c main())
  const copyPort = [...opts.options].reverse().find((o) => o.letter === 'P')?.value;
  const portText =
    inv.program === 'scp' || inv.program === 'sftp' ? (copyPort ?? firstSetting(all, '', 'port')) : firstSetting(all, 'p', 'port');
  const port = portText === undefined ? 22 : Number(portText); // policy.ts checked it against PORT
  const remoteCommand = inv.program === 'ssh' ? inv.words.slice(inv.commandIndex) : [];
  const tilde = remoteCommand.find((w) => w.tilde);
  if (tilde)
    return refuse(
      said(`${JSON.stringify(tilde.raw)} uses a "~" form the shell would expand differently`, tx('cmdTilde', JSON.stringify(tilde.raw))),
    );
  const operands = operandsOf(inv);
  if (!Array.isArray(operands)) return operands;
  const bad = operandProblem([...operands, ...rs.args.flatMap((a) => (a.kind === 'operand' ? [a.operand] : []))], remoteCommand[0]?.value);
  if (bad) return nope(bad);
  const connection: Connection = {
    program: inv.program,
    kind: shape.kind,
    user: user!,
    host: inv.host!,
    port,
    ...(shape.podId !== undefined ? { podId: shape.podId } : {}),
    forwards: all
      .filter((o) => o.letter === 'L' || o.letter === 'R' || o.letter === 'D')
      .map((o) => ({ kind: o.letter as Forward['kind'], spec: o.value ?? '' })),
    remoteCommand: remoteCommand.map((w) => w.value),
    programPath: inv.argv[0]!,
    options: opts.options,
    userInDestination: destUser !== undefined,
    ...(destUser !== undefined ? { destinationUser: destUser } : {}),
    bracketed: inv.bracketed,
    operands,
    rsyncArgs: rs.args,
    rshOptions: rs.rsh,
  };
  return { ok: true, connection };
}

/** scp: its operands; sftp: the `host:path` directory as a remote operand (and nothing after it). */
function operandsOf(inv: Invocation): Operand[] | Refusal {
  if (inv.program === 'scp') return inv.words.slice(inv.operandIndex).map((w, i) => operandOf(w, inv.operandIndex + i, inv.destIndex));
  if (inv.program !== 'sftp') return [];
  if (inv.destIndex + 1 < inv.argv.length) {
    const shown = JSON.stringify(inv.argv[inv.destIndex + 1]!.slice(0, 40));
    return refuse(said(`${shown} is a second remote operand; only one pod is copied to or from`, tx('cmdSecondRemote', shown)));
  }
  return inv.destPath !== '' ? [{ kind: 'remote', path: inv.destPath }] : [];
}

/** Operands we cannot re-emit faithfully: a second remote one, or one that would read as an option. */
function operandProblem(operands: readonly Operand[], firstRemoteWord: string | undefined): Said | null {
  for (const o of operands) {
    if (o.kind === 'local' && remoteOperand(o.path)) {
      const shown = JSON.stringify(o.path.slice(0, 40));
      return said(`${shown} is a second remote operand; only one pod is copied to or from`, tx('cmdSecondRemote', shown));
    }
  }
  const dash = [...operands.flatMap((o) => (o.kind === 'local' ? [o.path] : [])), firstRemoteWord ?? ''].find((p) => p.startsWith('-'));
  if (dash === undefined) return null;
  const shown = JSON.stringify(dash.slice(0, 40));
  return said(`${shown} starts with "-" and would be read as an option`, tx('cmdDashOperand', shown));
}

function splitUser(dest: string): string | undefined {
  const at = dest.lastIndexOf('@');
  return at >= 0 ? dest.slice(0, at) : undefined;
}

/** The typed connection behind a console command, or why it is not a Runpod connection. */
export function parseConnection(command: string): ConnectionResult {
  const inv = parseCommand(command);
  return inv.ok ? connectionOf(inv) : inv;
}

/** The same from words already read (findSshCommands). */
export function connectionOfWords(words: Word[]): ConnectionResult {
  const inv = parseWords(words);
  return inv.ok ? connectionOf(inv) : inv;
}
