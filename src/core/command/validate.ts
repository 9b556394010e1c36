/** validateKeyPath: what the popup says about the configured private key path for a shell. */
import type { I18nText, ShellKind } from '../types.ts';
import { said, tx, withI18n, type Said } from '../i18n-text.ts';
import { quoteKeyPath, SHELL_NAME } from './quote.ts';

export const PUB_WARNING = 'that is the public key; -i needs the private key file (drop .pub)';

export type KeyPathVerdict = { level: 'ok' | 'warning' | 'error'; message?: string; i18n?: I18nText };

/** `message` and, non-enumerable (the contract shape stays exact), `i18n`. */
const verdict = (level: 'warning' | 'error', s: Said): KeyPathVerdict => withI18n({ level, message: s.text }, s.i18n);

export function validateKeyPath(path: string, shell: ShellKind): KeyPathVerdict {
  if (typeof path !== 'string' || path.trim() === '') {
    return verdict('error', said('enter the path of your private key file, e.g. ~/.ssh/id_ed25519', tx('cmdKeyPathEnter')));
  }
  const q = quoteKeyPath(path, shell);
  if (!q.ok) return q.i18n ? verdict('error', said(q.reason, q.i18n)) : { level: 'error', message: q.reason };
  if (/[/\\]$/.test(path) || path === '~')
    return verdict('error', said('that is a directory; -i needs the private key file', tx('cmdKeyPathDirectory')));
  if (/\.pub$/i.test(path)) return verdict('warning', said(PUB_WARNING, tx('cmdKeyPathPublic')));
  if (path !== path.trim()) {
    return verdict('warning', said('the path starts or ends with a space; is that part of the file name?', tx('cmdKeyPathSpace')));
  }
  const name = SHELL_NAME[shell];
  if (shell === 'posix' && (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\') || path.includes('\\'))) {
    return verdict(
      'warning',
      said(
        `this looks like a Windows path, but the shell is ${name}; in WSL use /mnt/c/…, on Windows choose PowerShell or cmd`,
        tx('cmdKeyPathWindows', name),
      ),
    );
  }
  if (shell !== 'powershell' && /^\$env:/i.test(path)) {
    const home = shell === 'cmd' ? '%USERPROFILE%' : '$HOME';
    return verdict('warning', said(`${name} does not expand $env:…; use ${home} or ~`, tx('cmdKeyPathEnv', name, home)));
  }
  if (shell === 'cmd' && /^\$/.test(path)) {
    return verdict('warning', said('cmd does not expand $VARIABLES; use %USERPROFILE% or ~', tx('cmdKeyPathCmdDollar')));
  }
  return { level: 'ok' };
}
