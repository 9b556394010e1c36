/**
 * Reading a command as the Runpod console shows it.
 *
 * The console prints POSIX-shell commands (`$ ssh …`), but text copied from a web page arrives
 * with typographic damage: NBSP and other Unicode spaces, zero-width characters, CR/LF, `–`/`—`
 * where an option's `-` belongs, and curly quotes. {@link normalize} repairs the spacing (keeping a
 * map back to the original offsets), {@link repairCurlyQuotes} reads “…”/‘…’ pairs as the quotes
 * they stand for, and {@link tokenize} splits one command into words by the rules of the bash manual,
 * section QUOTING (single quotes: everything literal; double quotes: `\` escapes only `$`, `` ` ``,
 * `"`, `\` and newline; an unquoted `\` quotes the next character) and refuses what would make a
 * rewrite unfaithful (operators, several commands, unterminated quotes) or what bash would expand
 * or run (readWord): what it accepts, bash reads the same (test/unit/command/differential.test.ts).
 * {@link scanWords} reads a line of page text once, up to the first such stop (findSshCommands).
 */

import { refuse, said, tx, type Refusal } from '../i18n-text.ts';

/** Invisible characters removed outright. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
/** Dash lookalikes repaired to '-' at the start of a word (option position). */
export const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

export interface Normalized {
  text: string;
  /** map[i] = offset in the original text of normalized character i; map[text.length] = end. */
  map: ArrayLike<number>;
}

/** Characters normalize changes: tab and Unicode space separators (the console renders NBSP) become ' ',
 * invisibles are dropped, CR becomes LF. (matchAll copies a `g` regex, so this one keeps no state.) */
const TOUCHED = /[\t\r\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad]/g;

/**
 * Repairs spaces, invisible characters and line endings (1:1 or dropping, never inserting).
 * Linear: untouched runs are copied as slices, the offset map is a typed array.
 */
export function normalize(input: string): Normalized {
  const map = new Int32Array(input.length + 1);
  const parts: string[] = [];
  let out = 0; // length of the normalized text so far
  let last = 0; // start of the pending untouched run
  const copyRun = (to: number): void => {
    parts.push(input.slice(last, to));
    for (let k = last; k < to; k++) map[out++] = k;
  };
  for (const m of input.matchAll(TOUCHED)) {
    const i = m.index;
    const c = m[0];
    copyRun(i);
    last = i + 1;
    if (INVISIBLE.test(c) || (c === '\r' && input[i + 1] === '\n')) continue; // dropped; CRLF → LF
    parts.push(c === '\r' ? '\n' : ' ');
    map[out++] = i;
  }
  copyRun(input.length);
  map[out] = input.length;
  return { text: parts.join(''), map: map.subarray(0, out + 1) };
}

const PROGRAM_AHEAD = /^(?:\S*[/\\])?(?:ssh|scp|sftp|rsync)(?:\.exe)?(?= |$)/i;

/**
 * Length of a shell prompt at the start of `line` that precedes a known program: `$ `, `# `, `% `,
 * `> `, `❯ `, `➜ `, `user@pod:~$ `, `[me@host ~]# `, `PS C:\Users\me> `, `C:\Users\me>`. 0 if none.
 */
export function promptLength(line: string): number {
  const lead = line.length - line.trimStart().length;
  const rest = line.slice(lead);
  if (PROGRAM_AHEAD.test(rest)) return lead;
  const max = Math.min(rest.length, 120);
  for (let i = 0; i < max; i++) {
    const c = rest[i]!;
    if (c === '\n') break;
    if (!'$#%>❯➜»'.includes(c)) continue;
    let j = i + 1;
    while (rest[j] === ' ') j++;
    if (j === i + 1 && c !== '>') continue; // `$ssh` is not a prompt; `C:\>ssh` is
    const prefix = rest.slice(0, i);
    // A prompt has no spaces, except PowerShell's `PS path>` and bracketed `[u@h dir]$`.
    if (/ /.test(prefix) && !/^PS /.test(prefix) && !/^\[[^\]]*\]$/.test(prefix)) continue;
    if (PROGRAM_AHEAD.test(rest.slice(j))) return lead + j;
  }
  return lead;
}

export interface Word {
  /** The argument the shell would pass (quotes removed; a live leading `~` kept as `~`). */
  value: string;
  /** Source text of the word (in the normalized text). */
  raw: string;
  start: number;
  end: number;
  /** Begins with an unquoted `~` followed by `/` or nothing: the shell puts the home directory there. */
  tilde: boolean;
  /** A dash lookalike or curly quote was repaired: the raw text is no longer faithful. */
  repaired: boolean;
}

export type Tokenized = { ok: true; words: Word[] } | Refusal;

/** What ends a word list: a shell operator, a comment, or text we refuse to read (see readWord). */
export interface Stop {
  kind: 'operator' | 'comment' | 'unsafe' | 'unterminated';
  at: number;
  refusal: Refusal;
}

const operator = (op: string): Refusal =>
  refuse(said(`not a single command: found the shell operator "${op}"`, tx('cmdShellOperator', op)));

const OPERATORS = ';&|<>()';
const BLANK = ' \t\n';
const substitution = (): Refusal =>
  refuse(said('command substitution ($(…) or backquotes) would run another program on your computer', tx('cmdSubstitution')));
const dollarQuote = (): Refusal => refuse(said('$\'…\' and $"…" quoting is refused: shells read it differently', tx('cmdDollarQuote')));
const variable = (s: string): Refusal => {
  const shown = JSON.stringify(s);
  return refuse(said(`the shell would replace ${shown} with the value of a variable on your computer`, tx('cmdVariable', shown)));
};
const pattern = (c: string): Refusal => {
  const shown = JSON.stringify(c);
  return refuse(said(`the unquoted ${shown} is a pattern your shell would expand`, tx('cmdPattern', shown)));
};
const history = (): Refusal => refuse(said('"!" would start history expansion in an interactive bash or zsh', tx('cmdHistory')));
const tildeForm = (s: string): Refusal => {
  const shown = JSON.stringify(s);
  return refuse(said(`${shown} uses a "~" form the shell would expand differently`, tx('cmdTilde', shown)));
};

/** After an unquoted or double-quoted `$`: null when bash keeps the `$` literally (bash(1) EXPANSION). */
function dollar(text: string, i: number, quoted: boolean): Refusal | null {
  const n = text[i + 1] ?? '';
  if (n === '(' || n === '[') return n === '(' ? substitution() : variable(text.slice(i, i + 2));
  if (!quoted && (n === "'" || n === '"')) return dollarQuote();
  if (/[A-Za-z_{0-9@*#?!$-]/.test(n)) return variable('$' + /^(?:[A-Za-z_]\w*|\{[^}]*\}?|.)/.exec(text.slice(i + 1, i + 41))![0]);
  return null;
}

/** `!` starts history expansion unless followed by a blank, `=`, `(` or the end (bash HISTORY EXPANSION). */
function bang(text: string, i: number, inDouble: boolean): Refusal | null {
  const n = text[i + 1];
  if (n === undefined || BLANK.includes(n) || n === '=' || (inDouble && n === '"')) return null;
  return history();
}

/** IPv6 literal in brackets (`root@[::1]`, `[::1]:/path`): bash would glob `[…]` only if a one-character file matched. */
const BRACKET_HOST = /^(?:[^[\]]*@)?\[[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*\](?::[^[\]]*)?$/;

type WordRead = { word: Word } | Stop;

/** Inside "…" from just after the opening quote: the value and the index after the closing quote. */
function readDouble(text: string, from: number): { value: string; next: number } | Stop {
  let value = '';
  let i = from;
  for (;;) {
    if (i >= text.length)
      return { kind: 'unterminated', at: from - 1, refusal: refuse(said('unterminated double quote', tx('cmdUnterminatedDouble'))) };
    const e = text[i]!;
    if (e === '"') return { value, next: i + 1 };
    if (e === '\\' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1]!)) {
      if (text[i + 1] !== '\n') value += text[i + 1];
      i += 2;
      continue;
    }
    const bad = e === '`' ? substitution() : e === '$' ? dollar(text, i, true) : e === '!' ? bang(text, i, true) : null;
    if (bad) return { kind: 'unsafe', at: i, refusal: bad };
    value += e;
    i++;
  }
}

/** One unquoted character of a word: its refusal, or null. */
function unquotedProblem(text: string, i: number, start: number): Refusal | null {
  const d = text[i]!;
  if (d === '`') return substitution();
  if (d === '$') return dollar(text, i, false);
  if (d === '!') return bang(text, i, false);
  if (d === '*' || d === '?' || d === '{') return pattern(d);
  if (d === '~' && i > start && /^[A-Za-z_][A-Za-z0-9_]*=/.test(text.slice(start, i))) {
    // bash tilde-expands assignment-like arguments after `=` and `:` (`a=~/x`; checked with bash 5.2)
    const before = text[i - 1];
    if (before === '=' || before === ':') return tildeForm(text.slice(start, i + 1));
  }
  return null;
}

/**
 * Reads one word starting at `start` (not a blank), by the rules of the bash manual, QUOTING and
 * EXPANSION. Everything bash would expand or run is refused rather than modelled: `$(…)`, backquotes,
 * `$VAR`/`${…}`, `$'…'`/`$"…"`, globs (`*`, `?`, `{`, `[…]` except a bracketed IPv6 host), history `!`,
 * and tilde forms other than a leading `~` or `~/`.
 */
export function readWord(text: string, start: number): WordRead {
  let i = start;
  let value = '';
  let repaired = false;
  let bracket = false;
  const n = text.length;
  while (i < n && DASHES.test(text[i]!) && i - start < 2) {
    value += '-';
    i++;
    repaired = true;
  }
  while (i < n && !BLANK.includes(text[i]!)) {
    const d = text[i]!;
    if (OPERATORS.includes(d)) return { kind: 'operator', at: i, refusal: operator(d) };
    if (d === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0)
        return { kind: 'unterminated', at: i, refusal: refuse(said('unterminated single quote', tx('cmdUnterminatedSingle'))) };
      value += text.slice(i + 1, close);
      i = close + 1;
    } else if (d === '"') {
      const r = readDouble(text, i + 1);
      if ('kind' in r) return r;
      value += r.value;
      i = r.next;
    } else if (d === '\\') {
      // At the very end bash -c keeps a lone `\` while a terminal joins the next line: ambiguous, refused.
      if (i + 1 >= n)
        return {
          kind: 'unsafe',
          at: i,
          refusal: refuse(said('a trailing backslash would join the next line to the command', tx('cmdTrailingBackslash'))),
        };
      if (text[i + 1] !== '\n') value += text[i + 1];
      i += 2;
    } else {
      const bad = unquotedProblem(text, i, start);
      if (bad) return { kind: 'unsafe', at: i, refusal: bad };
      if (d === '[' || d === ']') bracket = true;
      value += d;
      i++;
    }
  }
  const raw = text.slice(start, Math.min(i, n));
  if (bracket && !BRACKET_HOST.test(raw)) return { kind: 'unsafe', at: start, refusal: pattern('[') };
  const tilde = text[start] === '~';
  if (tilde && !/^~(?:\/|$)/.test(value)) return { kind: 'unsafe', at: start, refusal: tildeForm(raw) };
  return { word: { value, raw, start, end: Math.min(i, n), tilde, repaired } };
}

/** Skips blanks (and backslash-newline continuations) from `i`; stops at a newline. */
function skipBlanks(text: string, i: number): number {
  let k = i;
  for (;;) {
    if (text[k] === ' ' || text[k] === '\t') k++;
    else if (text[k] === '\\' && text[k + 1] === '\n') k += 2;
    else return k;
  }
}

/**
 * Splits ONE command (already normalized, prompt removed) into words. Trailing blank lines are
 * fine; a second non-empty line is not; anything readWord refuses refuses the command.
 */
export function tokenize(text: string): Tokenized {
  const words: Word[] = [];
  let i = skipBlanks(text, 0);
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      if (text.slice(i).trim() !== '') return refuse(said('more than one command: only one line is rewritten', tx('cmdMultiLine')));
      break;
    }
    if (c === '#') break; // a comment to the end of the line (bash: interactive_comments, on by default)
    const r = readWord(text, i);
    if ('kind' in r) return r.refusal;
    words.push(r.word);
    i = skipBlanks(text, r.word.end);
  }
  return { ok: true, words };
}

/** Words of one line from `from` up to the first stop (or the end of the line). Linear in what it reads. */
export function scanWords(line: string, from: number): { words: Word[]; stop: Stop | null } {
  const words: Word[] = [];
  let i = skipBlanks(line, from);
  while (i < line.length) {
    if (line[i] === '#') return { words, stop: { kind: 'comment', at: i, refusal: operator('#') } };
    const r = readWord(line, i);
    if ('kind' in r) return { words, stop: r };
    words.push(r.word);
    i = skipBlanks(line, r.word.end);
  }
  return { words, stop: null };
}

export { repairCurlyQuotes } from './curly.ts';
export { splitRsyncRsh } from './rsh.ts';
