/**
 * The words of the assistant's commands, each quoted for the user's shell (command/quote.ts).
 * Nothing here copies page text: values come from the typed Connection or from the user.
 */
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';
import type { ShellKind } from '../types.ts';
import { isIpv6 } from '../command/destination.ts';
import { quoteArg, quoteKeyPath, quoteRsyncWord, rsyncInnerKeyPath, THE_KEY_PATH, unsafeCharacter, type Quoted } from '../command/quote.ts';

/** ssh_config Host / user names we emit: letters, digits, `.`, `_`, `-` (no patterns, no spaces). */
export const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,62}$/;

/**
 * Windows OpenSSH ≥ 8.9 fails on `-i ~\.ssh\key` ("tilde_expand: No such user"); `~/.ssh/key`
 * works (shared/RUNPOD.md). For PowerShell and cmd a `~\…` path is written with forward slashes.
 */
export function windowsSafeKeyPath(path: string, shell: ShellKind): string {
  if (shell === 'posix' || !/^~\\/.test(path)) return path;
  return path.replace(/\\/g, '/');
}

export function keyWord(path: string, shell: ShellKind): Quoted {
  return quoteKeyPath(windowsSafeKeyPath(path, shell), shell);
}

/** `user@host`, with an IPv6 host in brackets where scp/sftp/rsync read `host:path`. */
export function destination(user: string, host: string, bracket: boolean): string {
  return `${user}@${bracket && isIpv6(host) ? `[${host}]` : host}`;
}

const THE_LOCAL = said('the local path', tx('asstWhatLocal'));
const THE_REMOTE = said('the remote path', tx('asstWhatRemote'));

/**
 * A local path operand. scp and rsync read `a:b` as a remote `host:path` when the colon comes
 * before any slash (scp(1), rsync(1) "USAGE"), so such a relative path gets `./` in front.
 * posix keeps a leading `~/` live so the shell expands it.
 */
export function localWord(path: string, shell: ShellKind): Quoted {
  if (path === '') return refuse(said('the local path is empty', tx('asstLocalEmpty')));
  const windowsDrive = shell !== 'posix' && /^[A-Za-z]:[\\/]/.test(path);
  const colonFirst = /^[^/\\]*:/.test(path) && !windowsDrive;
  const p = colonFirst ? './' + path : path;
  if (shell === 'posix' && p.startsWith('~/') && p.length > 2) {
    const rest = quoteArg(p.slice(2), shell, THE_LOCAL);
    return rest.ok ? { ok: true, text: '~/' + rest.text } : rest;
  }
  return quoteArg(p, shell, THE_LOCAL);
}

/** Characters a remote shell would read specially (legacy scp, rsync < 3.2.4 without -s). */
const REMOTE_PLAIN = /^[A-Za-z0-9_@%+=:,./~-]*$/;

/** Does the remote path need literal passing (`scp -s`, `rsync -s`) to survive the remote side? */
export function remoteNeedsLiteral(path: string): boolean {
  return !REMOTE_PLAIN.test(path);
}

/** `user@host:path` as one shell word; the path reaches scp/rsync literally. */
export function remoteWord(user: string, host: string, path: string, shell: ShellKind): Quoted {
  if (path === '') return refuse(said('the remote path is empty', tx('asstRemoteEmpty')));
  const bad = unsafeCharacter(path, THE_REMOTE);
  if (bad) return refuse(bad);
  return quoteArg(`${destination(user, host, true)}:${path}`, shell, THE_REMOTE);
}

/** rsync's `-e` value: ssh's words split by rsync (quoteRsyncWord), then quoted for the shell. */
export function rsyncShellWord(sshArgs: readonly (string | { key: string })[], shell: ShellKind): Quoted {
  const inner: string[] = ['ssh'];
  for (const a of sshArgs) {
    if (typeof a === 'string') {
      inner.push(quoteRsyncWord(a, shell));
      continue;
    }
    const key = rsyncInnerKeyPath(windowsSafeKeyPath(a.key, shell), shell);
    if (!key.ok) return key;
    inner.push(quoteRsyncWord(key.path, shell));
  }
  return quoteArg(inner.join(' '), shell, THE_KEY_PATH);
}

/** Joins quoted words, or returns the first refusal. */
export function joinWords(words: readonly (string | Quoted)[]): { ok: true; text: string } | Refusal {
  const out: string[] = [];
  for (const w of words) {
    if (typeof w === 'string') out.push(w);
    else if (!w.ok) return w;
    else out.push(w.text);
  }
  return { ok: true, text: out.join(' ') };
}
