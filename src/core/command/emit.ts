/**
 * Emitting a Connection as a command line for the user's shell: every word comes from a parsed
 * value and goes through our quoting (quote.ts), never from page text. Placement rules (unchanged):
 * the first `-i` is replaced in place by the configured key, later ones and `-o IdentityFile` are
 * dropped; without one, `-i` goes right after the program. `-o IdentitiesOnly=yes` follows our `-i`
 * unless the command already has an IdentitiesOnly (then that one says yes). Proxy commands with a
 * remote command get `-tt` (the proxy needs a terminal). A final check refuses control, bidi and
 * line-separator characters in the whole output, for every shell.
 */
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';
import type { RewriteResult, ShellKind } from '../types.ts';
import type { Connection, ConnOption, Operand, RsyncArg } from './connection.ts';
import { CONFIG_OPTIONS, splitConfigOption } from './policy.ts';
import { quoteArg, quoteRsyncWord, SHELL_NAME, theArgumentNamed, unsafeCharacter } from './quote.ts';

/** One output word: a value to quote (with a live leading `~` when `tilde`), or the key slot. */
export type Out = { kind: 'arg'; value: string; tilde?: boolean } | { kind: 'key' };

export interface EmitSettings {
  shell: ShellKind;
  identitiesOnly: boolean;
  /** Add `-tt` right after the program. */
  tty: boolean;
}

const arg = (value: string): Out => ({ kind: 'arg', value });

/** ssh-family options → output words, with our key and IdentitiesOnly placed (module comment). */
export function emitOptions(
  options: readonly ConnOption[],
  identitiesOnly: boolean,
): { before: Out[]; out: { after: boolean; words: Out[] }[] } {
  const hasIo = options.some((o) => o.letter === 'o' && splitConfigOption(o.value ?? '').keyword === 'identitiesonly');
  const ioAfterKey = identitiesOnly && !hasIo ? [arg('-o'), arg('IdentitiesOnly=yes')] : [];
  let keyPlaced = false;
  let ioFixed = false;
  const out: { after: boolean; words: Out[] }[] = [];
  for (let k = 0; k < options.length; k++) {
    const o = options[k]!;
    if (o.value === undefined) {
      let letters = o.letter;
      while (options[k + 1]?.value === undefined && options[k + 1]?.group === o.group) letters += options[++k]!.letter;
      out.push({ after: o.after, words: [arg('-' + letters)] });
      continue;
    }
    if (o.letter === 'i' || (o.letter === 'o' && splitConfigOption(o.value).keyword === 'identityfile')) {
      if (o.letter === 'i' && !keyPlaced) out.push({ after: o.after, words: [arg('-i'), { kind: 'key' }, ...ioAfterKey] });
      keyPlaced ||= o.letter === 'i';
      continue;
    }
    let value = o.value;
    if (o.letter === 'o') {
      const c = splitConfigOption(value);
      const name = CONFIG_OPTIONS[c.keyword]!.name;
      const io: boolean = c.keyword === 'identitiesonly' && identitiesOnly && !ioFixed;
      ioFixed ||= io;
      value = `${name}=${io ? 'yes' : c.value}`;
    }
    out.push({ after: o.after, words: o.attached ? [arg(`-${o.letter}${value}`)] : [arg(`-${o.letter}`), arg(value)] });
  }
  return { before: keyPlaced ? [] : [arg('-i'), { kind: 'key' }, ...ioAfterKey], out };
}

function hostText(c: Connection): string {
  return c.bracketed ? `[${c.host}]` : c.host;
}

function remoteText(c: Connection, path: string): string {
  return `${c.destinationUser ?? c.user}@${hostText(c)}:${path}`;
}

function operandOut(c: Connection, o: Operand): Out {
  return o.kind === 'remote' ? arg(remoteText(c, o.path)) : { kind: 'arg', value: o.path, tilde: o.tilde };
}

/** ssh, scp, sftp: the words after the program. */
function sshFamilyWords(c: Connection, s: EmitSettings): Out[] {
  const e = emitOptions(c.options, s.identitiesOnly);
  const pre = e.out.filter((g) => !g.after).flatMap((g) => g.words);
  const post = e.out.filter((g) => g.after).flatMap((g) => g.words);
  const words: Out[] = [...(s.tty ? [arg('-tt')] : []), ...e.before, ...pre];
  if (c.program === 'scp') return [...words, ...c.operands.map((o) => operandOut(c, o))];
  // ssh(1) keeps brackets in `user@[v6]` as part of the name (`ssh -G` prints `hostname [2001:db8::7]`,
  // which does not resolve); only `host:path` operands (scp/sftp/rsync) need them.
  const host = c.program === 'ssh' ? c.host : hostText(c);
  const path = c.program === 'sftp' && c.operands[0] ? `:${c.operands[0].path}` : '';
  words.push(arg((c.destinationUser !== undefined ? `${c.destinationUser}@${host}` : host) + path));
  return [...words, ...post, ...c.remoteCommand.map(arg)];
}

/** The ssh command inside rsync's -e, as rsync splits it (quote.ts quoteRsyncWord). */
function rshValue(c: Connection, s: EmitSettings, innerKey: string): string {
  const e = emitOptions(c.rshOptions, s.identitiesOnly);
  const words = [arg('ssh'), ...e.before, ...e.out.flatMap((g) => g.words)];
  return words.map((w) => quoteRsyncWord(w.kind === 'key' ? innerKey : w.value, s.shell)).join(' ');
}

function rsyncWords(c: Connection, s: EmitSettings, innerKey: string): Out[] {
  const rsh = rshValue(c, s, innerKey);
  const words: Out[] = c.rsyncArgs.some((a) => a.kind === 'rsh') ? [] : [arg('-e'), arg(rsh)];
  const one = (a: RsyncArg): Out[] => {
    switch (a.kind) {
      case 'flags':
        return [arg('-' + a.letters)];
      case 'long':
        return [arg(a.value === undefined ? `--${a.name}` : `--${a.name}=${a.value}`)];
      case 'operand':
        return [operandOut(c, a.operand)];
      case 'rsh':
        return a.form === 'long=' ? [arg('--rsh=' + rsh)] : [arg(a.form === 'long' ? '--rsh' : `-${a.group}e`), arg(rsh)];
    }
  };
  return words.concat(c.rsyncArgs.flatMap(one));
}

/** One word for the shell: our quoting, a live `~/` kept live (posix only). */
function quoteWord(w: Out, keyText: string, shell: ShellKind): { ok: true; text: string } | Refusal {
  if (w.kind === 'key') return { ok: true, text: keyText };
  if (w.tilde) {
    if (shell !== 'posix') {
      const shown = JSON.stringify(w.value.slice(0, 40));
      return refuse(
        said(`${shown} starts with "~", which ${SHELL_NAME[shell]} does not expand`, tx('cmdTildeShell', shown, SHELL_NAME[shell])),
      );
    }
    const rest = w.value.slice(1);
    if (rest === '' || rest === '/') return { ok: true, text: w.value };
    const q = quoteArg(rest.slice(1), shell, theArgumentNamed(w.value.slice(0, 40)));
    return q.ok ? { ok: true, text: '~/' + q.text } : q;
  }
  return quoteArg(w.value, shell, theArgumentNamed(w.value.slice(0, 40)));
}

/** The program word: PowerShell runs a quoted path only after `&` (about_Operators, call operator). */
function programText(path: string, shell: ShellKind): { ok: true; text: string } | Refusal {
  const q = quoteWord({ kind: 'arg', value: path, tilde: /^~(?:\/|$)/.test(path) && shell === 'posix' }, '', shell);
  if (!q.ok) return q;
  return shell === 'powershell' && q.text.startsWith("'") ? { ok: true, text: `& ${q.text}` } : q;
}

/** The arguments after the program, as the program must receive them (tests predict argv from this). */
export function commandOut(c: Connection, s: EmitSettings, innerKey: string): Out[] {
  return c.program === 'rsync' ? rsyncWords(c, s, innerKey) : sshFamilyWords(c, s);
}

/** The whole command line, or why it cannot be emitted safely. */
export function emitCommand(c: Connection, s: EmitSettings, keyText: string, innerKey: string): RewriteResult {
  const words = commandOut(c, s, innerKey);
  const prog = programText(c.programPath, s.shell);
  if (!prog.ok) return prog;
  const parts = [prog.text];
  for (const w of words) {
    const q = quoteWord(w, keyText, s.shell);
    if (!q.ok) return q;
    parts.push(q.text);
  }
  const command = parts.join(' ');
  const bad = unsafeCharacter(command, said('the corrected command', tx('cmdWhatOutput')));
  return bad ? refuse(bad) : { ok: true, command };
}
