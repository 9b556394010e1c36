/**
 * Values for an `~/.ssh/config` Host block (ssh_config(5)); the block itself is core/connect's hostBlock.
 *
 * Values: OpenSSH splits each line with argv_split() — double quotes group a value with spaces,
 * `\\` and `\"` escape inside quotes, an unquoted `#` starts a comment. IdentityFile expands `~`,
 * %-tokens and ${VAR} itself, and no shell is involved, so a shell's home variable becomes `~`
 * and Windows paths are written with `/` (Windows OpenSSH accepts both; `\` escapes would differ
 * between OpenSSH versions).
 */
import type { RewriteSettings } from '../types.ts';
import { homePrefix, KEY_PATH_EMPTY, sshPathRefusal, THE_KEY_PATH, unsafeCharacter } from './quote.ts';
import { refuse, type Refusal } from '../i18n-text.ts';

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
