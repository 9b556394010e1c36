/**
 * One-line commands that move the two downloaded key files from the browser's Downloads folder
 * into ~/.ssh with the permissions OpenSSH insists on (ssh refuses a private key others can read:
 * "UNPROTECTED PRIVATE KEY FILE"): posix `chmod 700` dir / `600` private / `644` public; Windows
 * OpenSSH checks ACLs, so the private key loses inherited entries and keeps only the user
 * (`icacls /inheritance:r /grant:r "%USERNAME%:F"`). An existing key is never overwritten.
 */
import type { ShellKind } from '../types.ts';

/** Plain file names only: nothing any of the three shells would expand, split or unquote. */
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._+@-]*$/;

export function installCommand(opts: { shell: ShellKind; privateName: string; publicName: string }): string {
  const { shell, privateName: a, publicName: b } = opts;
  for (const name of [a, b]) {
    if (!SAFE_NAME.test(name)) throw new RangeError(`"${name}" is not a plain file name (letters, digits, . _ + @ -)`);
  }
  if (a === b) throw new RangeError('The private and public key files need different names');
  switch (shell) {
    case 'posix':
      return (
        `mkdir -p ~/.ssh && chmod 700 ~/.ssh && ` +
        `if [ -e ~/.ssh/${a} ] || [ -e ~/.ssh/${b} ]; then echo '~/.ssh/${a} already exists: not overwriting it' >&2; false; ` +
        `else mv ~/Downloads/${a} ~/Downloads/${b} ~/.ssh/ && chmod 600 ~/.ssh/${a} && chmod 644 ~/.ssh/${b}; fi`
      );
    case 'powershell': {
      const ssh = '$env:USERPROFILE\\.ssh';
      const dl = '$env:USERPROFILE\\Downloads';
      return (
        `New-Item -ItemType Directory -Force "${ssh}" | Out-Null; ` +
        `if ((Test-Path "${ssh}\\${a}") -or (Test-Path "${ssh}\\${b}")) { Write-Error '.ssh\\${a} already exists: not overwriting it' } ` +
        `else { Move-Item -ErrorAction Stop "${dl}\\${a}", "${dl}\\${b}" "${ssh}"; ` +
        `icacls "${ssh}\\${a}" /inheritance:r /grant:r "$($env:USERNAME):F" | Out-Null }`
      );
    }
    case 'cmd': {
      const ssh = '%USERPROFILE%\\.ssh';
      const dl = '%USERPROFILE%\\Downloads';
      return (
        `(if not exist "${ssh}" mkdir "${ssh}") & ` +
        `if exist "${ssh}\\${a}" (echo .ssh\\${a} already exists: not overwriting it) ` +
        `else if exist "${ssh}\\${b}" (echo .ssh\\${b} already exists: not overwriting it) ` +
        `else (move "${dl}\\${a}" "${ssh}" && move "${dl}\\${b}" "${ssh}" && icacls "${ssh}\\${a}" /inheritance:r /grant:r "%USERNAME%:F")`
      );
    }
  }
}
