/**
 * Quoting one argument for the shell the user pastes into.
 *
 * posix (bash, zsh) — bash manual, "QUOTING": inside single quotes every character is literal
 *   (also `!`, so no history expansion) and a single quote cannot occur; we write `'\''` for it.
 *   Words made only of `[A-Za-z0-9_@%+=:,./-]` (not starting with `=`, which zsh expands) need no
 *   quotes. A leading `~/` stays unquoted so the shell expands it (`~/'my keys/id'`); `$HOME/` and
 *   `${HOME}/` stay live as `"$HOME"/…`.
 * powershell — about_Quoting_Rules / about_Parsing: single-quoted strings are verbatim; a quote is
 *   written twice, and PowerShell treats ‘ ’ ‚ ‛ as single quotes too, so they are doubled as well.
 *   Barewords are only used for `[A-Za-z0-9_./\\~]…` words (no leading `@`, `{`, `(`, `$`, `#`, `,`,
 *   digits that could parse as numbers like `1kb`/`0x10`, and `--%` stop-parsing) and plain `-opt`
 *   words without `.`/`:`/`=` (Windows PowerShell splits `-a.b` for native commands). Native-argument
 *   passing: Windows PowerShell 5.1 ("Legacy") does not escape embedded `"` and lets a trailing `\`
 *   escape the closing quote it adds around an argument with spaces, so both are refused.
 *   `$env:USERPROFILE\…`, `$env:HOME\…` and `$HOME\…` prefixes stay live as `"$env:USERPROFILE\…"`.
 * cmd — `cmd /?` and "Parsing C++ command-line arguments" (the MSVC runtime / CommandLineToArgvW
 *   rules ssh.exe uses): inside "…" cmd leaves `& | < > ^ ( )` alone, and the runtime keeps every
 *   backslash except those before a `"`, so trailing backslashes are doubled. cmd expands `%VAR%`
 *   even inside quotes and there is no reliable escape at an interactive prompt, `!VAR!` under
 *   delayed expansion (cmd /V:ON), and a `"` toggles cmd's own quoting: all three are refused.
 *   `%USERPROFILE%\…` (and `%HOMEDRIVE%%HOMEPATH%\…`) prefixes stay live.
 * All shells: control characters (C0, DEL, C1, U+2028/2029), bidirectional controls (the text you
 *   see would differ from what runs) and unpaired surrogates are refused.
 * ssh itself (ssh(1) -i, ssh_config(5) TOKENS and ENVIRONMENT VARIABLES): ssh expands a leading `~`
 *   (also Windows OpenSSH), `%x` tokens and `${VAR}` in the -i path after the shell is done with it
 *   (verified with OpenSSH 9.2: `-i /k/a%hb` opens `/k/ahb`), and it checks the unexpanded name
 *   first, so a file whose name has `%` or `${` cannot be named with -i at all: refused.
 */
import { refuse, said, tx, type Refusal, type Said } from '../i18n-text.ts';
import type { ShellKind } from '../types.ts';

export type Quoted = { ok: true; text: string } | Refusal;

/** What a refusal talks about, as the subject of its sentence. */
export const THE_ARGUMENT: Said = said('the argument', tx('cmdWhatArgument'));
export const THE_KEY_PATH: Said = said('the key path', tx('cmdWhatKeyPath'));
export const theArgumentNamed = (value: string): Said => {
  const shown = JSON.stringify(value);
  return said(`the argument ${shown}`, tx('cmdWhatArgumentNamed', shown));
};
export const KEY_PATH_EMPTY: Said = said('the key path is empty', tx('cmdKeyPathEmpty'));

const SHELL_NAME: Record<ShellKind, string> = { posix: 'bash/zsh', powershell: 'PowerShell', cmd: 'cmd' };

function hex(c: string): string {
  return 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

/** Characters no shell gets safely: refused for every shell. */
export function unsafeCharacter(value: string, what: Said = THE_ARGUMENT): Said | null {
  const surrogate = (): Said => said(`${what.text} contains an unpaired surrogate (invalid Unicode)`, tx('cmdSurrogate', what.i18n));
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return surrogate();
    }
    if (code >= 0xdc00 && code <= 0xdfff) return surrogate();
    const c = value[i]!;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      const name =
        c === '\n'
          ? said('a newline', tx('cmdCharNewline'))
          : c === '\r'
            ? said('a carriage return', tx('cmdCharReturn'))
            : c === '\t'
              ? said('a tab', tx('cmdCharTab'))
              : said(`a control character (${hex(c)})`, tx('cmdCharControl', hex(c)));
      return said(
        `${what.text} contains ${name.text}, which cannot be pasted safely into a shell`,
        tx('cmdControlChar', what.i18n, name.i18n),
      );
    }
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) {
      return said(
        `${what.text} contains a bidirectional control character (${hex(c)}): the command shown would differ from the one that runs`,
        tx('cmdBidi', what.i18n, hex(c)),
      );
    }
  }
  return null;
}

const POSIX_SAFE = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;
const PS_SAFE = /^(?:-{1,2}[A-Za-z0-9][A-Za-z0-9-]*|[A-Za-z_./\\~][A-Za-z0-9_./\\:+=~@-]*|[1-9][0-9]*)$/;
const CMD_SAFE = /^[A-Za-z0-9_./\\:+=~@-]+$/;
/** PowerShell's single quotes (about_Quoting_Rules); a fresh `g` regex per use: no shared lastIndex. */
const psSingleQuotes = (): RegExp => /['\u2018\u2019\u201a\u201b]/g;

/** Quotes one argument so the shell passes exactly `value` to the program. */
export function quoteArg(value: string, shell: ShellKind, what: Said = THE_ARGUMENT): Quoted {
  const bad = unsafeCharacter(value, what);
  if (bad) return refuse(bad);
  switch (shell) {
    case 'posix':
      if (POSIX_SAFE.test(value)) return { ok: true, text: value };
      return { ok: true, text: `'${value.replace(/'/g, `'\\''`)}'` };
    case 'powershell':
      if (value === '')
        return refuse(said(`${what.text} is empty; Windows PowerShell drops empty arguments to programs`, tx('cmdPsEmpty', what.i18n)));
      if (value.includes('"')) {
        return refuse(
          said(
            `${what.text} contains a double quote ("), which Windows PowerShell passes to programs unescaped`,
            tx('cmdPsQuote', what.i18n),
          ),
        );
      }
      if (/\s/.test(value) && value.endsWith('\\')) {
        return refuse(
          said(
            `${what.text} ends with a backslash and contains a space; Windows PowerShell would pass it broken`,
            tx('cmdPsBackslashSpace', what.i18n),
          ),
        );
      }
      if (PS_SAFE.test(value)) return { ok: true, text: value };
      return { ok: true, text: `'${value.replace(psSingleQuotes(), (q) => q + q)}'` };
    case 'cmd': {
      if (value === '') return { ok: true, text: '""' };
      const r = cmdRefusal(value, what);
      if (r) return refuse(r);
      if (CMD_SAFE.test(value)) return { ok: true, text: value };
      return { ok: true, text: `"${value.replace(/(\\+)$/, '$1$1')}"` };
    }
  }
}

function cmdRefusal(value: string, what: Said): Said | null {
  if (value.includes('"'))
    return said(`${what.text} contains a double quote ("), which cmd cannot pass safely`, tx('cmdCmdQuote', what.i18n));
  if (value.includes('%')) {
    return said(
      `${what.text} contains "%": cmd expands %…% even inside quotes and it cannot be escaped reliably at the prompt`,
      tx('cmdCmdPercent', what.i18n),
    );
  }
  if (value.includes('!')) {
    return said(
      `${what.text} contains "!": cmd expands !…! inside quotes when delayed expansion (cmd /V:ON) is on`,
      tx('cmdCmdBang', what.i18n),
    );
  }
  return null;
}

/** A home-directory prefix the given shell expands, and the rest after it (starting with / or \). */
export function homePrefix(path: string, shell: ShellKind): { prefix: string; rest: string } | null {
  const re =
    shell === 'posix'
      ? /^(\$HOME|\$\{HOME\})(?=\/)/
      : shell === 'powershell'
        ? /^(\$HOME|\$env:USERPROFILE|\$env:HOME|\$\{env:USERPROFILE\}|\$\{env:HOME\})(?=[/\\])/i
        : /^(%USERPROFILE%|%HOMEDRIVE%%HOMEPATH%|%HOME%)(?=[/\\])/i;
  const m = re.exec(path);
  return m ? { prefix: m[1]!, rest: path.slice(m[1]!.length) } : null;
}

/** Problems ssh itself has with the key path it finally receives in `option` (see the module comment). */
export function sshPathRefusal(literal: string, option: '-i' | 'IdentityFile' = '-i'): Said | null {
  if (literal.includes('%')) {
    return said(
      `the key path contains "%": ssh expands %-tokens in ${option} (ssh_config TOKENS), so it would look for a different file; rename the key file`,
      tx('cmdSshPercent', option),
    );
  }
  if (literal.includes('${')) {
    return said(
      `the key path contains "\${": ssh expands \${VAR} in ${option} itself, so it would look for a different file; rename the key file`,
      tx('cmdSshVariable', option),
    );
  }
  return null;
}

/** Quotes the key path as the value of -i for `shell`, keeping `~/` and the shell's home variable live. */
export function quoteKeyPath(path: string, shell: ShellKind): Quoted {
  const what = THE_KEY_PATH;
  if (path === '') return refuse(KEY_PATH_EMPTY);
  const bad = unsafeCharacter(path, what);
  if (bad) return refuse(bad);
  const home = homePrefix(path, shell);
  const literal = home ? home.rest : path;
  const sshBad = sshPathRefusal(literal);
  if (sshBad) return refuse(sshBad);
  if (home) {
    if (shell === 'posix') {
      const rest = quoteArg(home.rest, shell, what);
      return rest.ok ? { ok: true, text: `"$HOME"${rest.text}` } : rest;
    }
    if (shell === 'powershell') {
      if (home.rest.includes('"')) return quoteArg(home.rest, shell, what); // the refusal
      // The expanded home may contain spaces: Windows PowerShell would then pass `"…\"` broken.
      if (home.rest.endsWith('\\'))
        return refuse(said(`${what.text} ends with a backslash; Windows PowerShell would pass it broken`, tx('cmdPsBackslash', what.i18n)));
      const body = home.rest.replace(/[`$"\u201c\u201d\u201e]/g, (c) => '`' + c);
      return { ok: true, text: `"${home.prefix}${body}"` };
    }
    const r = cmdRefusal(home.rest, what);
    if (r) return refuse(r);
    return { ok: true, text: `"${home.prefix}${home.rest.replace(/(\\+)$/, '$1$1')}"` };
  }
  if (shell === 'posix' && path.startsWith('~/')) {
    const rest = path.slice(2);
    if (rest === '') return { ok: true, text: '~/' };
    const q = quoteArg(rest, shell, what);
    return q.ok ? { ok: true, text: `~/${q.text}` } : q;
  }
  return quoteArg(path, shell, what);
}

/**
 * The -i value as ssh should receive it inside rsync's `-e` string (no shell expands there):
 * a home-variable prefix becomes `~`, which ssh expands itself.
 */
export function rsyncInnerKeyPath(path: string, shell: ShellKind): { ok: true; path: string } | Refusal {
  if (path === '') return refuse(KEY_PATH_EMPTY);
  const bad = unsafeCharacter(path, THE_KEY_PATH);
  if (bad) return refuse(bad);
  const home = homePrefix(path, shell);
  const literal = home ? '~' + home.rest : path;
  const sshBad = sshPathRefusal(literal);
  if (sshBad) return refuse(sshBad);
  return { ok: true, path: literal };
}

/** Quotes one word of rsync's `-e` command (rsync main.c do_cmd rules): only ' ', `'` and `"` matter. */
export function quoteRsyncWord(value: string, shell: ShellKind): string {
  if (value !== '' && !/[ '"]/.test(value)) return value;
  // posix wraps the whole -e value in single quotes, so double quotes read best inside it;
  // PowerShell 5.1 and cmd cannot carry `"` inside an argument, so single quotes there.
  if (shell === 'posix') return `"${value.replace(/"/g, '""')}"`;
  return `'${value.replace(/'/g, "''")}'`;
}

export { SHELL_NAME };
