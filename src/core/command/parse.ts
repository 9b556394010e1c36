/**
 * From text to a parsed invocation: normalize → strip prompt → tokenize (tokenize.ts) → walk the
 * program's option grammar (grammar.ts) exactly as its getopt would.
 */
import { GETOPT, PORT_LETTER, programOf, type Getopt, type Program } from './grammar.ts';
import { destinationProblem, proseProblem } from './destination.ts';
import { refuse, said, tx, type Refusal, type Said } from '../i18n-text.ts';
import { normalize, promptLength, repairCurlyQuotes, tokenize, type Word } from './tokenize.ts';

/** One option letter as getopt saw it. */
export interface Occurrence {
  letter: string;
  /** argv index of the token holding the letter. */
  index: number;
  /** Offset of the letter inside that token. */
  pos: number;
  /** The option's argument (attached or separate), if it takes one. */
  value?: string;
  /** argv index of a separate argument; undefined when attached or a flag. */
  valueIndex?: number;
}

export interface Walk {
  occurrences: Occurrence[];
  /** Index of the first operand (or argv.length). */
  end: number;
  /** `--` ended the options. */
  terminated: boolean;
}

export type WalkResult = ({ ok: true } & Walk) | Refusal;

/** `program: option -x requires an argument` (`option` written with its dashes). */
export const needsArgument = (program: string, option: string): Refusal =>
  refuse(said(`${program}: option ${option} requires an argument`, tx('cmdOptionNeedsArg', program, option)));

/** BSD getopt(3) from argv[from]: stops at the first operand, `-` or after `--`. */
export function walkOptions(argv: readonly string[], from: number, g: Getopt, program: string): WalkResult {
  const occurrences: Occurrence[] = [];
  let k = from;
  while (k < argv.length) {
    const a = argv[k]!;
    if (a === '--') return { ok: true, occurrences, end: k + 1, terminated: true };
    if (a.length < 2 || a[0] !== '-') break;
    let p = 1;
    let next = k + 1;
    while (p < a.length) {
      const letter = a[p]!;
      if (g.withArg.includes(letter)) {
        if (p + 1 < a.length) occurrences.push({ letter, index: k, pos: p, value: a.slice(p + 1) });
        else {
          if (next >= argv.length) return needsArgument(program, `-${letter}`);
          occurrences.push({ letter, index: k, pos: p, value: argv[next]!, valueIndex: next });
          next++;
        }
        break;
      }
      if (!g.flags.includes(letter)) return refuse(said(`${program}: unknown option -${letter}`, tx('cmdUnknownOption', program, `-${letter}`)));
      occurrences.push({ letter, index: k, pos: p });
      p++;
    }
    k = next;
  }
  return { ok: true, occurrences, end: k, terminated: false };
}

export interface Invocation {
  program: Program;
  /** argv (argv[0] is the program word as written). */
  argv: string[];
  /** The shell words behind argv (same indices). */
  words: Word[];
  occurrences: Occurrence[];
  /** argv index of the destination (ssh/sftp) or first remote operand (scp/rsync); -1 if none. */
  destIndex: number;
  /** ssh: argv index where the remote command starts (argv.length if none). */
  commandIndex: number;
  user?: string;
  host?: string;
  port?: string;
  /** rsync: the -e / --rsh occurrences (argv index of the token, value, form). */
  rsh: RshOccurrence[];
}

export interface RshOccurrence {
  index: number;
  /** 'long=' (--rsh=X), 'long' (--rsh X), 'short' (-e in a group at `pos`). */
  form: 'long=' | 'long' | 'short';
  pos: number;
  value: string;
  valueIndex?: number;
}

export type ParseResult = ({ ok: true } & Invocation) | Refusal;

/** `[user@]host[:port]` and `ssh://[user@]host[:port]` (ssh(1) DESTINATION). */
export function splitDestination(dest: string, uri: boolean): { user?: string; host: string; port?: string } {
  let d = dest;
  let port: string | undefined;
  if (uri) {
    d = d.replace(/^ssh:\/\//i, '').replace(/\/.*$/, '');
    const m = /^(.*):(\d+)$/.exec(d);
    if (m && !m[1]!.includes(']')) {
      d = m[1]!;
      port = m[2];
    } else if (/^(.*\]):(\d+)$/.test(d)) {
      const mm = /^(.*\]):(\d+)$/.exec(d)!;
      d = mm[1]!;
      port = mm[2];
    }
  }
  const at = d.lastIndexOf('@');
  const user = at >= 0 ? d.slice(0, at) : undefined;
  let host = at >= 0 ? d.slice(at + 1) : d;
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { ...(user !== undefined ? { user } : {}), host, ...(port !== undefined ? { port } : {}) };
}

interface Remote {
  user?: string;
  host: string;
  port?: string;
  /** The path after `host:` (`/` for a URI, which is explicit enough for any host name). */
  path?: string;
}

/** scp/rsync remote operand `[user@]host:path` (a `:` before any `/`), or scp://. */
function remoteOperand(arg: string): Remote | null {
  if (/^scp:\/\//i.test(arg)) return { ...splitDestination(arg.replace(/^scp:/i, 'ssh:'), true), path: '/' };
  const m = /^((?:\[[^\]]*\]|[^:/])+):/.exec(arg);
  if (!m) return null;
  return { ...splitDestination(m[1]!, false), path: arg.slice(m[0].length) };
}

/** The plausibility gate (destination.ts) for a parsed destination; null when fine. */
function implausible(program: Program, d: Remote, words: readonly Word[], from: number, destIndex: number): Said | null {
  const facts = { host: d.host, ...(d.user !== undefined ? { user: d.user } : {}), ...(d.path !== undefined ? { colonPath: d.path } : {}) };
  return destinationProblem(program, facts) ?? proseProblem(words, from, destIndex);
}

function lastValue(occ: readonly Occurrence[], letter: string): string | undefined {
  // getopt-driven programs keep the FIRST -p/-l for ssh (options.port set once); scp/sftp take the last.
  const found = occ.filter((o) => o.letter === letter);
  return found.length ? found[0]!.value : undefined;
}

const noRemoteOperand = (program: string): Refusal =>
  refuse(said(`${program}: no remote operand (host:path), so ssh is not used`, tx('cmdNoRemoteOperand', program)));
const noDestinationHost = (program: string): Refusal => refuse(said(`${program}: no destination host`, tx('cmdNoDestinationHost', program)));

export function parseWords(words: Word[]): ParseResult {
  if (words.length === 0) return refuse(said('empty command', tx('cmdEmpty')));
  const argv = words.map((w) => w.value);
  const program = programOf(argv[0]!);
  if (!program) {
    const runs = argv[0]!.slice(0, 40);
    return refuse(said(`not an ssh, scp, sftp or rsync command (it runs "${runs}")`, tx('cmdNotSsh', runs)));
  }
  const base = { program, argv, words, rsh: [] as RshOccurrence[] };

  if (program === 'ssh') {
    const g = GETOPT.ssh;
    const first = walkOptions(argv, 1, g, 'ssh');
    if (!first.ok) return first;
    if (first.end >= argv.length) return refuse(said('ssh: no destination (user@host)', tx('cmdSshNoDestination')));
    const destIndex = first.end;
    let occurrences = first.occurrences;
    let commandIndex = destIndex + 1;
    if (!first.terminated && destIndex + 1 < argv.length) {
      const second = walkOptions(argv, destIndex + 1, g, 'ssh');
      if (!second.ok) return second;
      occurrences = occurrences.concat(second.occurrences);
      commandIndex = second.end;
    }
    const dest = argv[destIndex]!;
    const d = splitDestination(dest, /^ssh:\/\//i.test(dest));
    const user = d.user ?? lastValue(occurrences, 'l');
    const port = lastValue(occurrences, PORT_LETTER.ssh) ?? d.port;
    if (d.host === '') return refuse(said('ssh: empty host name', tx('cmdSshEmptyHost')));
    const uri = /^ssh:\/\//i.test(dest);
    const bad = implausible('ssh', { host: d.host, ...(user !== undefined ? { user } : {}), ...(uri ? { path: '/' } : {}) }, words, destIndex + 1, -1);
    if (bad) return refuse(bad);
    return {
      ok: true,
      ...base,
      occurrences,
      destIndex,
      commandIndex,
      host: d.host,
      ...(user !== undefined ? { user } : {}),
      ...(port !== undefined ? { port } : {}),
    };
  }

  if (program === 'scp' || program === 'sftp') {
    const w = walkOptions(argv, 1, GETOPT[program], program);
    if (!w.ok) return w;
    if (w.end >= argv.length) {
      return refuse(program === 'scp' ? said('scp: no source and target', tx('cmdScpNoOperands')) : said('sftp: no destination', tx('cmdSftpNoDestination')));
    }
    let destIndex = -1;
    let d: Remote | null = null;
    if (program === 'sftp') {
      destIndex = w.end;
      const a = argv[destIndex]!;
      if (/^sftp:\/\//i.test(a)) d = { ...splitDestination(a.replace(/^sftp:/i, 'ssh:'), true), path: '/' };
      else {
        // sftp [user@]host[:path]: the path (if any) is after the first `:` outside brackets
        d = remoteOperand(a + ':');
        if (d) d.path = (d.path ?? '').replace(/:$/, '');
      }
    } else {
      if (argv.length - w.end < 2) return refuse(said('scp: needs a source and a target', tx('cmdScpNeedsTwo')));
      for (let k = w.end; k < argv.length; k++) {
        const r = remoteOperand(argv[k]!);
        if (r) {
          destIndex = k;
          d = r;
          break;
        }
      }
      if (!d) return noRemoteOperand('scp');
    }
    if (!d || d.host === '') return noDestinationHost(program);
    const bad = implausible(program, d, words, w.end, destIndex);
    if (bad) return refuse(bad);
    const occ = w.occurrences.filter((o) => o.letter === 'P');
    const port = occ.length ? occ[occ.length - 1]!.value : d.port;
    return {
      ok: true,
      ...base,
      occurrences: w.occurrences,
      destIndex,
      commandIndex: argv.length,
      host: d.host,
      ...(d.user !== undefined ? { user: d.user } : {}),
      ...(port !== undefined ? { port } : {}),
    };
  }

  // rsync: popt permutes, so options are found anywhere before `--`.
  const rsh: RshOccurrence[] = [];
  const operands: number[] = [];
  const g = GETOPT.rsync;
  let k = 1;
  let ended = false;
  while (k < argv.length) {
    const a = argv[k]!;
    if (ended || a === '-' || !a.startsWith('-')) {
      operands.push(k);
      k++;
      continue;
    }
    if (a === '--') {
      ended = true;
      k++;
      continue;
    }
    if (a.startsWith('--')) {
      if (a.startsWith('--rsh=')) rsh.push({ index: k, form: 'long=', pos: 0, value: a.slice(6) });
      else if (a === '--rsh') {
        if (k + 1 >= argv.length) return needsArgument('rsync', '--rsh');
        rsh.push({ index: k, form: 'long', pos: 0, value: argv[k + 1]!, valueIndex: k + 1 });
        k++;
      }
      k++;
      continue;
    }
    let next = k + 1;
    for (let p = 1; p < a.length; p++) {
      const letter = a[p]!;
      if (g.withArg.includes(letter)) {
        let value: string;
        let valueIndex: number | undefined;
        if (p + 1 < a.length) value = a.slice(p + 1);
        else {
          if (next >= argv.length) return needsArgument('rsync', `-${letter}`);
          value = argv[next]!;
          valueIndex = next;
          next++;
        }
        if (letter === 'e') rsh.push({ index: k, form: 'short', pos: p, value, ...(valueIndex !== undefined ? { valueIndex } : {}) });
        break;
      }
    }
    k = next;
  }
  let destIndex = -1;
  let d: Remote | null = null;
  for (const o of operands) {
    const a = argv[o]!;
    if (/^rsync:\/\//i.test(a) || /^[^/]*::/.test(a)) {
      return refuse(said('rsync: a daemon transfer (host::module or rsync://) does not use an ssh key', tx('cmdRsyncDaemon')));
    }
    const r = remoteOperand(a);
    if (r && destIndex < 0) {
      destIndex = o;
      d = r;
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
    rsh,
    occurrences: [],
    destIndex,
    commandIndex: argv.length,
    host: d.host,
    ...(d.user !== undefined ? { user: d.user } : {}),
  };
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
