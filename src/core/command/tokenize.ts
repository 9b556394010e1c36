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
 * rewrite unfaithful (operators, several commands, unterminated quotes).
 */

import { refuse, said, tx, type Refusal } from '../i18n-text.ts';

/** Unicode space separators and tab: word separators like ' ' (the console renders NBSP). */
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
/** Invisible characters removed outright. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
/** Dash lookalikes repaired to '-' at the start of a word (option position). */
export const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

export interface Normalized {
  text: string;
  /** map[i] = offset in the original text of normalized character i; map[text.length] = end. */
  map: number[];
}

/** Repairs spaces, invisible characters and line endings (1:1 or dropping, never inserting). */
export function normalize(input: string): Normalized {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (INVISIBLE.test(c)) continue;
    if (c === '\r') {
      if (input[i + 1] === '\n') continue; // CRLF → LF
      text += '\n';
    } else text += ODD_SPACE.test(c) ? ' ' : c;
    map.push(i);
  }
  map.push(input.length);
  return { text, map };
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
  /** The argument the shell would pass (quotes removed). */
  value: string;
  /** Source text of the word (in the normalized text). */
  raw: string;
  start: number;
  end: number;
  /** The shell would expand something in it ($VAR, `cmd`, globs, braces): only posix output keeps it. */
  expands: boolean;
  /** Begins with an unquoted `~` (tilde expansion in POSIX shells). */
  tilde: boolean;
  /** A dash lookalike was repaired: the raw text is no longer faithful. */
  repaired: boolean;
}

export type Tokenized = { ok: true; words: Word[] } | Refusal;

const operator = (op: string): Refusal =>
  refuse(said(`not a single command: found the shell operator "${op}"`, tx('cmdShellOperator', op)));

const OPERATORS = ';&|<>()';

/**
 * Splits ONE command (already normalized, prompt removed) into words. Trailing blank lines are
 * fine; a second non-empty line is not.
 */
export function tokenize(text: string): Tokenized {
  const words: Word[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n') {
      if (text.slice(i).trim() !== '') return refuse(said('more than one command: only one line is rewritten', tx('cmdMultiLine')));
      break;
    }
    if (c === '#') break; // comment to end of line
    if (OPERATORS.includes(c)) return operator(c);
    // A word.
    const start = i;
    let value = '';
    let expands = false;
    let repaired = false;
    const tilde = c === '~';
    if (DASHES.test(c)) {
      while (i < n && DASHES.test(text[i]!)) {
        value += '-';
        i++;
      }
      repaired = true;
    }
    while (i < n) {
      const d = text[i]!;
      if (d === ' ' || d === '\t' || d === '\n') break;
      if (OPERATORS.includes(d)) return operator(d);
      if (d === "'") {
        const close = text.indexOf("'", i + 1);
        if (close < 0) return refuse(said('unterminated single quote', tx('cmdUnterminatedSingle')));
        value += text.slice(i + 1, close);
        i = close + 1;
      } else if (d === '"') {
        i++;
        for (;;) {
          if (i >= n) return refuse(said('unterminated double quote', tx('cmdUnterminatedDouble')));
          const e = text[i]!;
          if (e === '"') {
            i++;
            break;
          }
          if (e === '\\' && i + 1 < n && '$`"\\\n'.includes(text[i + 1]!)) {
            if (text[i + 1] !== '\n') value += text[i + 1];
            i += 2;
            continue;
          }
          if (e === '`' || (e === '$' && /[A-Za-z_{(0-9@*#?!$-]/.test(text[i + 1] ?? ''))) expands = true;
          value += e;
          i++;
        }
      } else if (d === '\\') {
        if (i + 1 >= n) {
          i++; // a trailing backslash is dropped by bash at end of input
          continue;
        }
        if (text[i + 1] !== '\n') value += text[i + 1];
        i += 2;
      } else {
        if (d === '`' || (d === '$' && /[A-Za-z_{('"0-9@*#?!$-]/.test(text[i + 1] ?? '')) || '*?[{'.includes(d)) {
          expands = true;
        }
        value += d;
        i++;
      }
    }
    words.push({ value, raw: text.slice(start, i), start, end: i, expands, tilde, repaired });
  }
  return { ok: true, words };
}

/** Curly opening quote → the closers accepted for it and the straight quote it stands for. */
const CURLY: Record<string, { close: string; straight: string }> = {
  '\u201c': { close: '\u201d\u201c', straight: '"' }, // “ … ” (or “ … “)
  '\u201e': { close: '\u201d\u201c', straight: '"' }, // „ … “ (German)
  '\u201d': { close: '\u201d', straight: '"' }, // ” … ” (some fonts / autocorrect)
  '\u2018': { close: '\u2019\u2018', straight: "'" }, // ‘ … ’
  '\u201a': { close: '\u2019\u2018', straight: "'" }, // ‚ … ‘
};

/**
 * Rich text (docs, chat, word processors) turns `"…"` and `'…'` into “…” and ‘…’. bash takes
 * those as literal characters, so `-e “ssh -p 2”` would run a program named `“ssh`. A curly
 * opening quote at the start of a word (or after `=`, as in `--rsh=“…”`) paired with a closing
 * one at the end of a word becomes the straight quote it stands for; the closer is the first one
 * followed by a space or the end, so an apostrophe inside (‘it’s’) stays literal. Text inside real
 * quotes is left alone, and a pair whose content holds the same straight quote is not touched.
 * Replacements are 1:1, so offsets stay valid. Returns null when nothing was repaired.
 */
export function repairCurlyQuotes(text: string): { text: string; at: number[] } | null {
  const out = text.split('');
  const at: number[] = [];
  const n = text.length;
  let wordStart = true;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      wordStart = true;
      i++;
      continue;
    }
    const opener = CURLY[c];
    if (opener && (wordStart || text[i - 1] === '=')) {
      let j = i + 1;
      while (j < n && !(opener.close.includes(text[j]!) && (j + 1 === n || ' \t\n'.includes(text[j + 1]!)))) j++;
      if (j < n && !text.slice(i + 1, j).includes(opener.straight)) {
        out[i] = out[j] = opener.straight;
        at.push(i, j);
        i = j + 1;
        wordStart = false;
        continue;
      }
    }
    wordStart = false;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? n : close + 1;
    } else if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '\\') i += 2;
    else i++;
  }
  return at.length ? { text: out.join(''), at } : null;
}

/** Splits the `-e` / `--rsh` value the way rsync does (main.c do_cmd): on spaces only; `'` and `"`
 * quote, a doubled quote character inside quotes is one literal quote; no backslash escapes. */
export function splitRsyncRsh(cmd: string): { ok: true; argv: string[] } | Refusal {
  const argv: string[] = [];
  let i = 0;
  while (i < cmd.length) {
    if (cmd[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    let quote = '';
    while (i < cmd.length && (cmd[i] !== ' ' || quote)) {
      const c = cmd[i]!;
      if (c === "'" || c === '"') {
        if (!quote) {
          quote = c;
          i++;
          continue;
        }
        if (c === quote) {
          if (cmd[i + 1] !== quote) {
            quote = '';
            i++;
            continue;
          }
          i++; // doubled quote: one literal
        }
      }
      arg += cmd[i];
      i++;
    }
    if (quote) return refuse(said(`rsync -e: missing trailing ${quote} in the remote-shell command`, tx('cmdRshMissingQuote', quote)));
    argv.push(arg);
  }
  return { ok: true, argv };
}
