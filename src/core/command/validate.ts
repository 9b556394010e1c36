/** validateKeyPath: what the popup says about the configured private key path for a shell. */
import type { ShellKind } from '../types.ts';
import { quoteKeyPath, SHELL_NAME } from './quote.ts';

export const PUB_WARNING = 'that is the public key; -i needs the private key file (drop .pub)';

export function validateKeyPath(path: string, shell: ShellKind): { level: 'ok' | 'warning' | 'error'; message?: string } {
  if (typeof path !== 'string' || path.trim() === '') {
    return { level: 'error', message: 'enter the path of your private key file, e.g. ~/.ssh/id_ed25519' };
  }
  const q = quoteKeyPath(path, shell);
  if (!q.ok) return { level: 'error', message: q.reason };
  if (/[/\\]$/.test(path) || path === '~') return { level: 'error', message: 'that is a directory; -i needs the private key file' };
  if (/\.pub$/i.test(path)) return { level: 'warning', message: PUB_WARNING };
  if (path !== path.trim()) return { level: 'warning', message: 'the path starts or ends with a space; is that part of the file name?' };
  const name = SHELL_NAME[shell];
  if (shell === 'posix' && (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\') || path.includes('\\'))) {
    return { level: 'warning', message: `this looks like a Windows path, but the shell is ${name}; in WSL use /mnt/c/…, on Windows choose PowerShell or cmd` };
  }
  if (shell !== 'powershell' && /^\$env:/i.test(path)) {
    return { level: 'warning', message: `${name} does not expand $env:…; use ${shell === 'cmd' ? '%USERPROFILE%' : '$HOME'} or ~` };
  }
  if (shell === 'cmd' && /^\$/.test(path)) return { level: 'warning', message: 'cmd does not expand $VARIABLES; use %USERPROFILE% or ~' };
  return { level: 'ok' };
}
