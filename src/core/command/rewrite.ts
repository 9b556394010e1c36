/**
 * rewriteCommand: the same invocation with exactly one `-i <configured key>`, quoted for the
 * user's shell (quote.ts), plus `-o IdentitiesOnly=yes` when asked, and `-tt` for Runpod's proxy
 * when a non-interactive command needs a terminal. Never throws; refuses rather than emitting a
 * command whose meaning it cannot guarantee.
 *
 * Placement: the first existing -i is replaced in place (split out of a flag group such as `-vi`),
 * later ones are dropped (ssh would try them too). Without one, `-i` goes right after the program
 * name, where every one of ssh/scp/sftp accepts options. For rsync the `-e`/`--rsh` command (or a
 * new `-e 'ssh …'`) is rewritten the same way and quoted twice: rsync's own splitting inside, the
 * shell's outside.
 */
import type { RewriteResult, RewriteSettings, ShellKind } from '../types.ts';
import { GETOPT, PROXY_HOST } from './grammar.ts';
import { parseCommand, walkOptions, type Invocation, type Occurrence } from './parse.ts';
import { quoteArg, quoteKeyPath, quoteRsyncWord, rsyncInnerKeyPath, theArgumentNamed } from './quote.ts';
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';
import { splitRsyncRsh, type Word } from './tokenize.ts';

export interface CommandSettings extends RewriteSettings {
  /** Force a terminal (`-tt`) on the proxy host: true = always, false = never, unset = when a remote command is given. */
  tty?: boolean;
}

/** One output argument: a plain value (maybe the unchanged original word) or the key path slot. */
type Out = { kind: 'word'; value: string; word?: Word } | { kind: 'key' };

const IDENTITIES_ONLY = /^\s*identitiesonly(?:\s*=\s*|\s+)(\S*)\s*$/i;

/**
 * Applies -i / IdentitiesOnly / -tt edits to an ssh-family argv. `occ` are the getopt
 * occurrences, `insertAt` where new options go. Returns the new argument list.
 */
function editSshArgs(
  argv: readonly string[],
  words: readonly (Word | undefined)[],
  occ: readonly Occurrence[],
  insertAt: number,
  identitiesOnly: boolean,
  addTty: boolean,
): Out[] {
  const replace = new Map<number, Out[]>(); // argv index → replacement
  const drop = new Set<number>();
  const word = (value: string): Out => ({ kind: 'word', value });
  const iOcc = occ.filter((o) => o.letter === 'i');
  const oOcc = occ.filter((o) => o.letter === 'o' && IDENTITIES_ONLY.test(o.value ?? ''));
  const newOpts: Out[] = [];
  if (addTty) newOpts.push(word('-tt'));

  const ioOut: Out[] = [];
  if (identitiesOnly) {
    const first = oOcc[0];
    if (first) {
      const cur = IDENTITIES_ONLY.exec(first.value ?? '')![1]!.toLowerCase();
      if (cur !== 'yes') {
        const head = argv[first.index]!.slice(0, first.pos);
        const out: Out[] = head.length > 1 ? [word(head)] : [];
        out.push(word('-o'), word('IdentitiesOnly=yes'));
        replace.set(first.index, out);
        if (first.valueIndex !== undefined) drop.add(first.valueIndex);
      }
    } else ioOut.push(word('-o'), word('IdentitiesOnly=yes'));
  }

  iOcc.forEach((o, n) => {
    const head = argv[o.index]!.slice(0, o.pos); // letters before `i` in a group, e.g. `-v`
    const out: Out[] = head.length > 1 ? [word(head)] : [];
    if (n === 0) out.push(word('-i'), { kind: 'key' }, ...ioOut);
    replace.set(o.index, out);
    if (o.valueIndex !== undefined) drop.add(o.valueIndex);
  });
  if (iOcc.length === 0) newOpts.push(word('-i'), { kind: 'key' }, ...ioOut);

  const result: Out[] = [];
  for (let k = 0; k < argv.length; k++) {
    if (k === insertAt) result.push(...newOpts);
    if (drop.has(k)) continue;
    const r = replace.get(k);
    if (r) result.push(...r);
    else {
      const w = words[k];
      result.push(w ? { kind: 'word', value: argv[k]!, word: w } : word(argv[k]!));
    }
  }
  if (insertAt >= argv.length) result.push(...newOpts);
  return result;
}

function serializeTop(out: readonly Out[], keyText: string, shell: ShellKind): RewriteResult {
  const parts: string[] = [];
  for (const o of out) {
    if (o.kind === 'key') {
      parts.push(keyText);
      continue;
    }
    const w = o.word;
    if (w && shell === 'posix' && !w.repaired) {
      parts.push(w.raw);
      continue;
    }
    if (w && w.expands) {
      const raw = JSON.stringify(w.raw);
      const name = shell === 'cmd' ? 'cmd' : 'PowerShell';
      return refuse(said(`the argument ${raw} uses bash/zsh expansion, which ${name} would not do the same way`, tx('cmdExpansion', raw, name)));
    }
    const q = quoteArg(o.value, shell, theArgumentNamed(o.value.slice(0, 40)));
    if (!q.ok) return q;
    parts.push(q.text);
  }
  return { ok: true, command: parts.join(' ') };
}

/** Rewrites the ssh command inside rsync's -e: returns the new -e string, unquoted for the shell. */
function rewriteRsh(value: string, keyPath: string, settings: CommandSettings): { ok: true; value: string } | Refusal {
  const split = splitRsyncRsh(value.trim() === '' ? 'ssh' : value);
  if (!split.ok) return split;
  const argv = split.argv;
  const prog = argv[0]!.replace(/^.*[/\\]/, '').replace(/\.exe$/i, '');
  if (prog !== 'ssh') return refuse(said(`rsync -e runs "${argv[0]!}", not ssh`, tx('cmdRshNotSsh', argv[0]!)));
  const w = walkOptions(argv, 1, GETOPT.ssh, 'ssh (in rsync -e)');
  if (!w.ok) return w;
  const out = editSshArgs(argv, [], w.occurrences, 1, settings.identitiesOnly === true, false);
  const key = rsyncInnerKeyPath(keyPath, settings.shell);
  if (!key.ok) return key;
  const inner = out.map((o) => quoteRsyncWord(o.kind === 'key' ? key.path : o.value, settings.shell)).join(' ');
  return { ok: true, value: inner };
}

function rewriteRsync(inv: Invocation, settings: CommandSettings, keyText: string): RewriteResult {
  const { argv, words } = inv;
  const replace = new Map<number, Out[]>();
  const drop = new Set<number>();
  const word = (value: string): Out => ({ kind: 'word', value });
  for (const r of inv.rsh) {
    const inner = rewriteRsh(r.value, settings.keyPath, settings);
    if (!inner.ok) return inner;
    if (r.form === 'long=') replace.set(r.index, [word('--rsh=' + inner.value)]);
    else if (r.form === 'long') replace.set(r.valueIndex!, [word(inner.value)]);
    else {
      const head = argv[r.index]!.slice(0, r.pos + 1); // e.g. `-avze`
      replace.set(r.index, [word(head), word(inner.value)]);
      if (r.valueIndex !== undefined) drop.add(r.valueIndex);
    }
  }
  const extra: Out[] = [];
  if (inv.rsh.length === 0) {
    const inner = rewriteRsh('ssh', settings.keyPath, settings);
    if (!inner.ok) return inner;
    extra.push(word('-e'), word(inner.value));
  }
  const out: Out[] = [];
  for (let k = 0; k < argv.length; k++) {
    if (k === 1) out.push(...extra);
    if (drop.has(k)) continue;
    const r = replace.get(k);
    if (r) out.push(...r);
    else out.push({ kind: 'word', value: argv[k]!, word: words[k]! });
  }
  return serializeTop(out, keyText, settings.shell);
}

/** Contract entry point (shared/CONTRACT.md "Core API"). Never throws. */
export function rewriteCommand(command: string, settings: CommandSettings): RewriteResult {
  try {
    return rewriteUnsafe(command, settings);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refuse(said(`could not rewrite the command (${why})`, tx('cmdRewriteFailed', why)));
  }
}

function rewriteUnsafe(command: string, settings: CommandSettings): RewriteResult {
  if (!settings || typeof settings.keyPath !== 'string') return refuse(said('no key path configured', tx('cmdNoKeyPath')));
  const shell = settings.shell;
  if (shell !== 'posix' && shell !== 'powershell' && shell !== 'cmd') {
    return refuse(said(`unknown shell "${String(shell)}"`, tx('cmdUnknownShell', String(shell))));
  }
  const inv = parseCommand(command);
  if (!inv.ok) return inv;
  const key = quoteKeyPath(settings.keyPath, shell);
  if (!key.ok) return key;
  if (inv.program === 'rsync') return rewriteRsync(inv, settings, key.text);
  const isProxy = inv.program === 'ssh' && (inv.host ?? '').toLowerCase() === PROXY_HOST;
  const tCount = inv.occurrences.filter((o) => o.letter === 't').length;
  const wantTty = settings.tty === true || (settings.tty === undefined && inv.commandIndex < inv.argv.length);
  const addTty = isProxy && wantTty && tCount < 2;
  const out = editSshArgs(inv.argv, inv.words, inv.occurrences, 1, settings.identitiesOnly === true, addTty);
  return serializeTop(out, key.text, shell);
}
