/**
 * One-line commands that move the two downloaded key files from the browser's Downloads folder
 * into ~/.ssh with the permissions OpenSSH insists on (ssh refuses a private key others can read:
 * "UNPROTECTED PRIVATE KEY FILE"): posix `chmod 700` dir / `600` private / `644` public; Windows
 * OpenSSH checks ACLs, so the private key loses inherited entries and keeps only the user
 * (`icacls /inheritance:r /grant:r "%USERNAME%:F"`). An existing key is never overwritten.
 *
 * The files must be the ones just generated: a browser that finds an older `id_ed25519_runpod`
 * in Downloads saves the new one as `id_ed25519_runpod (1)` and a fixed name would install the
 * OLD pair. So the names carry a tag of this key's fingerprint (keyFileNames), and, given the
 * fingerprint, the command checks both files before moving them (`ssh-keygen -l -E sha256`;
 * for a private key file read from stdin it prints the fingerprint of the public part, which is
 * stored unencrypted in openssh-key-v1 (PROTOCOL.key): no passphrase asked).
 */
import type { ShellKind } from '../types.ts';

/** Plain file names only: nothing any of the three shells would expand, split or unquote. */
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._+@-]*$/;
const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** File names unique to one key: `id_ed25519_runpod_<8 letters/digits of its fingerprint>`. */
export function keyFileNames(fingerprint: string): { privateName: string; publicName: string } {
  const tag = fingerprint
    .replace(/^SHA256:/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8);
  const privateName = `id_ed25519_runpod_${tag}`;
  return { privateName, publicName: `${privateName}.pub` };
}

export function installCommand(opts: { shell: ShellKind; privateName: string; publicName: string; fingerprint?: string }): string {
  const { shell, privateName: a, publicName: b, fingerprint: fp } = opts;
  for (const name of [a, b]) {
    if (!SAFE_NAME.test(name)) throw new RangeError(`"${name}" is not a plain file name (letters, digits, . _ + @ -)`);
  }
  if (a === b) throw new RangeError('The private and public key files need different names');
  if (fp !== undefined && !FINGERPRINT.test(fp)) throw new RangeError(`"${fp}" is not a SHA256 fingerprint`);
  switch (shell) {
    case 'posix':
      return posix(a, b, fp);
    case 'powershell':
      return powershell(a, b, fp);
    case 'cmd':
      return cmd(a, b, fp);
  }
}

function posix(a: string, b: string, fp: string | undefined): string {
  // Both files must name the fingerprint (the count of matching lines is 2).
  const check = fp
    ? `elif ! { ssh-keygen -l -E sha256 -f /dev/stdin < ~/Downloads/${a} && ssh-keygen -l -E sha256 -f ~/Downloads/${b}; } 2>/dev/null | grep -cF '${fp} ' | grep -qx 2; ` +
      `then echo '~/Downloads/${a} and ${b} are not the key generated here (${fp}): download both again' >&2; false; `
    : '';
  const show = fp ? ` && ssh-keygen -l -E sha256 -f ~/.ssh/${b}` : '';
  return (
    `mkdir -p ~/.ssh && chmod 700 ~/.ssh && ` +
    `if [ -e ~/.ssh/${a} ] || [ -e ~/.ssh/${b} ]; then echo '~/.ssh/${a} already exists: not overwriting it' >&2; false; ` +
    check +
    `else mv ~/Downloads/${a} ~/Downloads/${b} ~/.ssh/ && chmod 600 ~/.ssh/${a} && chmod 644 ~/.ssh/${b}${show}; fi`
  );
}

function powershell(a: string, b: string, fp: string | undefined): string {
  const ssh = '$env:USERPROFILE\\.ssh';
  const dl = '$env:USERPROFILE\\Downloads';
  const check = fp
    ? `elseif (-not (ssh-keygen -l -E sha256 -f "${dl}\\${b}" | Out-String).Contains('${fp} ')) { Write-Error '${b} is not the key generated here (${fp}): download both again' } `
    : '';
  return (
    `New-Item -ItemType Directory -Force "${ssh}" | Out-Null; ` +
    `if ((Test-Path "${ssh}\\${a}") -or (Test-Path "${ssh}\\${b}")) { Write-Error '.ssh\\${a} already exists: not overwriting it' } ` +
    check +
    `else { Move-Item -ErrorAction Stop "${dl}\\${a}", "${dl}\\${b}" "${ssh}"; ` +
    `icacls "${ssh}\\${a}" /inheritance:r /grant:r "$($env:USERNAME):F" | Out-Null }`
  );
}

function cmd(a: string, b: string, fp: string | undefined): string {
  const ssh = '%USERPROFILE%\\.ssh';
  const dl = '%USERPROFILE%\\Downloads';
  const move = `move "${dl}\\${a}" "${ssh}" && move "${dl}\\${b}" "${ssh}" && icacls "${ssh}\\${a}" /inheritance:r /grant:r "%USERNAME%:F"`;
  const body = fp
    ? `(ssh-keygen -l -E sha256 -f "${dl}\\${b}" | findstr /L /C:"${fp} " >nul && (${move}) || echo ${b} is not the key generated here: download both again)`
    : `(${move})`;
  return (
    `(if not exist "${ssh}" mkdir "${ssh}") & ` +
    `if exist "${ssh}\\${a}" (echo .ssh\\${a} already exists: not overwriting it) ` +
    `else if exist "${ssh}\\${b}" (echo .ssh\\${b} already exists: not overwriting it) ` +
    `else ${body}`
  );
}
