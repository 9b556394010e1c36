/**
 * sshConfigBlock: the same connection as an `~/.ssh/config` Host block (ssh_config(5)).
 *
 * Values: OpenSSH splits each line with argv_split() — double quotes group a value with spaces,
 * `\\` and `\"` escape inside quotes, an unquoted `#` starts a comment. IdentityFile expands `~`,
 * %-tokens and ${VAR} itself, and no shell is involved, so a shell's home variable becomes `~`
 * and Windows paths are written with `/` (Windows OpenSSH accepts both; `\` escapes would differ
 * between OpenSSH versions).
 */
import type { RewriteSettings } from '../types.ts';
import { parseConnection } from './connection.ts';
import { homePrefix, KEY_PATH_EMPTY, sshPathRefusal, THE_KEY_PATH, unsafeCharacter } from './quote.ts';
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';

function configValue(v: string): string {
  if (v !== '' && !/[\s"'#\\=]/.test(v)) return v;
  return `"${v.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

/** The key path as IdentityFile should read it, or a refusal. */
export function identityFileValue(path: string, shell: RewriteSettings['shell']): { ok: true; value: string } | Refusal {
  if (path === '') return refuse(KEY_PATH_EMPTY);
  const bad = unsafeCharacter(path, THE_KEY_PATH);
  if (bad) return refuse(bad);
  let p = path;
  for (const sh of [shell, 'posix', 'powershell', 'cmd'] as const) {
    const home = homePrefix(p, sh);
    if (home) {
      p = '~' + home.rest;
      break;
    }
  }
  const windows = /^[A-Za-z]:[\\/]|^\\\\/.test(p) || (shell !== 'posix' && p.includes('\\'));
  if (windows) p = p.replace(/\\/g, '/');
  const sshBad = sshPathRefusal(p, 'IdentityFile');
  if (sshBad) return refuse(sshBad);
  return { ok: true, value: configValue(p) };
}

export function sshConfigBlock(command: string, settings: RewriteSettings): { ok: true; text: string } | Refusal {
  try {
    const parsed = parseConnection(command);
    if (!parsed.ok) return parsed;
    const c = parsed.connection;
    if (c.host === '') return refuse(said('no remote host in the command', tx('cmdConfigNoHost')));
    const id = identityFileValue(settings.keyPath, settings.shell);
    if (!id.ok) return id;
    const alias = (c.podId !== undefined ? `runpod-${c.podId}` : `runpod-${c.host}${c.port !== 22 ? '-' + c.port : ''}`)
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-');
    // user and host are allow-listed (connection.ts): no blanks, quotes or `#` to escape
    const lines = [`Host ${alias}`, `    HostName ${c.host}`, `    User ${c.user}`];
    if (c.port !== 22) lines.push(`    Port ${c.port}`);
    lines.push(`    IdentityFile ${id.value}`);
    if (settings.identitiesOnly) lines.push('    IdentitiesOnly yes');
    if (c.kind === 'proxy') lines.push('    RequestTTY force');
    return { ok: true, text: lines.join('\n') + '\n' };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refuse(said(`could not build the config block (${why})`, tx('cmdConfigFailed', why)));
  }
}
