/**
 * From text to a parsed invocation: normalize → strip prompt → tokenize (tokenize.ts) → walk the
 * program's option grammar (grammar.ts) with the one getopt walker (getopt.ts), exactly as the
 * program would. This is syntax only; what may be rewritten is decided in connection.ts.
 */
import { GETOPT, programOf, type Program } from './grammar.ts';
import { destinationProblem, proseProblem } from './destination.ts';
import { firstValue, lastValue, needsArgument, readGroup, walkOptions, type Occurrence } from './getopt.ts';
import { refuse, said, tx, type Refusal, type Said } from '../i18n-text.ts';
import { normalize, promptLength, repairCurlyQuotes, tokenize, type Word } from './tokenize.ts';

export { walkOptions, needsArgument, type Occurrence, type Walk, type WalkResult } from './getopt.ts';

/** One rsync argument as popt reads it (rsync permutes options and operands). */
export type RsyncItem =
  | { kind: 'short'; index: number; occurrences: Occurrence[] }
  | { kind: 'long'; index: number; name: string; value?: string; valueIndex?: number }
  | { kind: 'operand'; index: number };

export interface Invocation {
  program: Program;
  /** argv (argv[0] is the program word as written). */
  argv: string[];
  /** The shell words behind argv (same indices). */
  words: Word[];
  /** ssh/scp/sftp: getopt occurrences in argv order (ssh: both walks). */
  occurrences: Occurrence[];
  /** argv index of the destination (ssh/sftp) or first remote operand (scp/rsync); -1 if none. */
  destIndex: number;
  /** ssh: argv index where the remote command starts (argv.length if none). */
  commandIndex: number;
  /** scp/sftp: argv index of the first operand. */
  operandIndex: number;
  user?: string;
  host?: string;
  port?: string;
  /** The destination's host was written in brackets (`root@[::1]`). */
  bracketed: boolean;
  /** rsync: its arguments in order. */
  rsync: RsyncItem[];
  /** ssh/sftp: the destination is a `ssh://`/`sftp://` URI. */
  uri: boolean;
  /** sftp: the path of `host:path` (the directory it starts in); '' when none. */
  destPath: string;
}

export type ParseResult = ({ ok: true } & Invocation) | Refusal;

/** `[user@]host[:port]` and `ssh://[user@]host[:port]` (ssh(1) DESTINATION). */
export function splitDestination(dest: string, uri: boolean): { user?: string; host: string; port?: string; bracketed: boolean } {
  let d = dest;
  let port: string | undefined;
  if (uri) {
    d = d.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
    const m = /^(.*):(\d+)$/.exec(d);
    if (m && (m[1]!.endsWith(']') || !m[1]!.includes(':'))) {
      d = m[1]!;
      port = m[2];
    }
  }
  const at = d.lastIndexOf('@');
  const user = at >= 0 ? d.slice(0, at) : undefined;
  let host = at >= 0 ? d.slice(at + 1) : d;
  const bracketed = host.startsWith('[') && host.endsWith(']');
  if (bracketed) host = host.slice(1, -1);
  return { ...(user !== undefined ? { user } : {}), host, ...(port !== undefined ? { port } : {}), bracketed };
}

interface Remote {
  user?: string;
  host: string;
  port?: string;
  bracketed: boolean;
  /** The path after `host:` (`/` for a URI, which is explicit enough for any host name). */
  path?: string;
}

/** scp/rsync remote operand `[user@]host:path` (a `:` before any `/`), or scp://. */
export function remoteOperand(arg: string): Remote | null {
  if (/^scp:\/\//i.test(arg)) return { ...splitDestination(arg, true), path: '/' };
  const m = /^((?:\[[^\]]*\]|[^:/])+):/.exec(arg);
  if (!m) return null;
  return { ...splitDestination(m[1]!, false), path: arg.slice(m[0].length) };
}

/** The plausibility gate (destination.ts) for a parsed destination; null when fine. */
function implausible(program: Program, d: Remote, words: readonly Word[], from: number, destIndex: number): Said | null {
  const facts = { host: d.host, ...(d.user !== undefined ? { user: d.user } : {}), ...(d.path !== undefined ? { colonPath: d.path } : {}) };
  return destinationProblem(program, facts) ?? proseProblem(words, from, destIndex);
}

const noRemoteOperand = (program: string): Refusal =>
  refuse(said(`${program}: no remote operand (host:path), so ssh is not used`, tx('cmdNoRemoteOperand', program)));
const noDestinationHost = (program: string): Refusal =>
  refuse(said(`${program}: no destination host`, tx('cmdNoDestinationHost', program)));

type Base = Pick<Invocation, 'program' | 'argv' | 'words'>;
const EMPTY = { rsync: [] as RsyncItem[], operandIndex: -1, uri: false, destPath: '' };

/** ssh: options, destination, options again (ssh.c restarts getopt), then the remote command. */
function parseSsh(base: Base): ParseResult {
  const { argv, words } = base;
  const first = walkOptions(argv, 1, GETOPT.ssh, 'ssh');
  if (!first.ok) return first;
  if (first.end >= argv.length) return refuse(said('ssh: no destination (user@host)', tx('cmdSshNoDestination')));
  const destIndex = first.end;
  let occurrences = first.occurrences;
  let commandIndex = destIndex + 1;
  if (!first.terminated && destIndex + 1 < argv.length) {
    const second = walkOptions(argv, destIndex + 1, GETOPT.ssh, 'ssh');
    if (!second.ok) return second;
    occurrences = occurrences.concat(second.occurrences);
    commandIndex = second.end;
  }
  const dest = argv[destIndex]!;
  const uri = /^ssh:\/\//i.test(dest);
  const d = splitDestination(dest, uri);
  if (d.host === '') return refuse(said('ssh: empty host name', tx('cmdSshEmptyHost')));
  // `ssh -G -l a b@h` says user a: -l (first one) wins over the destination's user.
  const user = firstValue(occurrences, 'l') ?? d.user;
  const before = first.occurrences;
  const port = firstValue(before, 'p') ?? d.port ?? firstValue(occurrences, 'p');
  const bad = implausible(
    'ssh',
    { host: d.host, ...(user !== undefined ? { user } : {}), ...(uri ? { path: '/' } : {}), bracketed: d.bracketed },
    words,
    destIndex + 1,
    -1,
  );
  if (bad) return refuse(bad);
  return {
    ok: true,
    ...base,
    ...EMPTY,
    uri,
    occurrences,
    destIndex,
    commandIndex,
    host: d.host,
    bracketed: d.bracketed,
    ...(user !== undefined ? { user } : {}),
    ...(port !== undefined ? { port } : {}),
  };
}

/** sftp's destination `[user@]host[:path]` or `sftp://…`. */
function sftpDestination(a: string): Remote | null {
  if (/^sftp:\/\//i.test(a)) return { ...splitDestination(a, true), path: '/' };
  const d = remoteOperand(a + ':');
  if (d) d.path = (d.path ?? '').replace(/:$/, '');
  return d;
}

/** scp and sftp: options up to the first operand (OpenSSH's BSD getopt does not permute). */
function parseScpSftp(base: Base & { program: 'scp' | 'sftp' }): ParseResult {
  const { argv, words, program } = base;
  const w = walkOptions(argv, 1, GETOPT[program], program);
  if (!w.ok) return w;
  if (w.end >= argv.length) {
    return refuse(
      program === 'scp'
        ? said('scp: no source and target', tx('cmdScpNoOperands'))
        : said('sftp: no destination', tx('cmdSftpNoDestination')),
    );
  }
  let destIndex = -1;
  let d: Remote | null = null;
  if (program === 'sftp') {
    destIndex = w.end;
    d = sftpDestination(argv[destIndex]!);
  } else {
    if (argv.length - w.end < 2) return refuse(said('scp: needs a source and a target', tx('cmdScpNeedsTwo')));
    for (let k = w.end; k < argv.length && !d; k++) {
      d = remoteOperand(argv[k]!);
      if (d) destIndex = k;
    }
    if (!d) return noRemoteOperand('scp');
  }
  if (!d || d.host === '') return noDestinationHost(program);
  const bad = implausible(program, d, words, w.end, destIndex);
  if (bad) return refuse(bad);
  const port = lastValue(w.occurrences, 'P') ?? d.port;
  const uri = /^s(?:cp|ftp):\/\//i.test(argv[destIndex]!);
  return {
    ok: true,
    ...base,
    ...EMPTY,
    uri,
    occurrences: w.occurrences,
    destIndex,
    commandIndex: argv.length,
    operandIndex: w.end,
    destPath: program === 'sftp' ? (d.path ?? '') : '',
    host: d.host,
    bracketed: d.bracketed,
    ...(d.user !== undefined ? { user: d.user } : {}),
    ...(port !== undefined ? { port } : {}),
  };
}

/** rsync's arguments as popt reads them: permuted options (short groups, `--long[=v]`) and operands. */
function rsyncItems(argv: readonly string[]): { ok: true; items: RsyncItem[] } | Refusal {
  const items: RsyncItem[] = [];
  let ended = false;
  for (let k = 1; k < argv.length; ) {
    const a = argv[k]!;
    if (a === '--' && !ended) {
      ended = true;
      k++;
    } else if (ended || a === '-' || !a.startsWith('-')) {
      items.push({ kind: 'operand', index: k++ });
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) items.push({ kind: 'long', index: k, name, value: a.slice(eq + 1) });
      else if (name === 'rsh') {
        if (k + 1 >= argv.length) return needsArgument('rsync', '--rsh');
        items.push({ kind: 'long', index: k, name, value: argv[k + 1]!, valueIndex: k + 1 });
        k++;
      } else items.push({ kind: 'long', index: k, name });
      k++;
    } else {
      const r = readGroup(argv, k, GETOPT.rsync, 'rsync');
      if (!r.ok) return r;
      items.push({ kind: 'short', index: k, occurrences: r.occurrences });
      k = r.next;
    }
  }
  return { ok: true, items };
}

/** rsync: popt permutes, so options are found anywhere before `--`; the first remote operand is the destination. */
function parseRsync(base: Base): ParseResult {
  const { argv, words } = base;
  const r = rsyncItems(argv);
  if (!r.ok) return r;
  const operands = r.items.filter((i) => i.kind === 'operand');
  let destIndex = -1;
  let d: Remote | null = null;
  for (const o of operands) {
    const a = argv[o.index]!;
    if (/^rsync:\/\//i.test(a) || /^[^/]*::/.test(a)) {
      return refuse(said('rsync: a daemon transfer (host::module or rsync://) does not use an ssh key', tx('cmdRsyncDaemon')));
    }
    const rem = destIndex < 0 ? remoteOperand(a) : null;
    if (rem) {
      destIndex = o.index;
      d = rem;
    }
  }
  if (operands.length < 2) return refuse(said('rsync: needs a source and a destination', tx('cmdRsyncNeedsTwo')));
  if (!d) return noRemoteOperand('rsync');
  if (d.host === '') return noDestinationHost('rsync');
  const bad = implausible('rsync', d, words, 1, destIndex);
  if (bad) return refuse(bad);
  return {
    ok: true,
    ...base,
    ...EMPTY,
    rsync: r.items,
    occurrences: [],
    destIndex,
    commandIndex: argv.length,
    host: d.host,
    bracketed: d.bracketed,
    ...(d.user !== undefined ? { user: d.user } : {}),
  };
}

export function parseWords(words: Word[]): ParseResult {
  if (words.length === 0) return refuse(said('empty command', tx('cmdEmpty')));
  const argv = words.map((w) => w.value);
  const program = programOf(argv[0]!);
  if (!program) {
    const runs = argv[0]!.slice(0, 40);
    return refuse(said(`not an ssh, scp, sftp or rsync command (it runs "${runs}")`, tx('cmdNotSsh', runs)));
  }
  const base = { program, argv, words };
  if (program === 'ssh') return parseSsh(base);
  if (program === 'rsync') return parseRsync(base);
  return parseScpSftp({ ...base, program });
}

/** Normalizes text (prompt, spaces, line endings), tokenizes and parses one command. */
export function parseCommand(command: string): ParseResult {
  if (typeof command !== 'string') return refuse(said('not text', tx('cmdNotText')));
  if (command.length > 8192) return refuse(said('too long for a command (over 8192 characters)', tx('cmdTooLong', 8192)));
  const { text } = normalize(command);
  const body = text.slice(promptLength(text));
  // Curly quotes pasted from rich text: read them as the straight quotes they stand for when
  // that gives a command (see repairCurlyQuotes); otherwise as the literal characters bash sees.
  const repaired = repairCurlyQuotes(body);
  if (repaired) {
    const t = tokenize(repaired.text);
    if (t.ok) {
      for (const w of t.words) if (repaired.at.some((i) => i >= w.start && i < w.end)) w.repaired = true;
      const r = parseWords(t.words);
      if (r.ok) return r;
    }
  }
  const t = tokenize(body);
  if (!t.ok) return t;
  return parseWords(t.words);
}
