/**
 * Fix commands, quoted for the user's shell with the project's quoting (command/quote.ts).
 * A corrected ssh command is the pasted one rewritten by `rewriteCommand` (same invocation,
 * exactly one `-i`), or else one built from the destination ssh printed; never page text.
 */
import { quoteArg, quoteKeyPath } from '../command/quote.ts';
import { rewriteCommand } from '../command/rewrite.ts';
import type { ShellKind } from '../types.ts';
import type { DoctorInput } from './types.ts';

export interface SshFixOptions {
  keyPath?: string;
  identitiesOnly?: boolean;
  /** Add `-tt` (the Runpod proxy wants a terminal). */
  tty?: boolean;
  /** Add `-v` (what to paste next). */
  verbose?: boolean;
}

const q = (value: string, shell: ShellKind): string | undefined => {
  const r = quoteArg(value, shell);
  return r.ok ? r.text : undefined;
};

/** Adds flags right after the program word (ssh accepts options there). */
function withFlags(command: string, opts: SshFixOptions): string {
  const flags = [opts.verbose ? '-v' : '', opts.tty && !/\s-tt(?:\s|$)/.test(command) ? '-tt' : ''].filter(Boolean);
  return flags.length === 0 ? command : command.replace(/^(\S+)/, `$1 ${flags.join(' ')}`);
}

/** The user's ssh command corrected as asked, or undefined when neither a command nor a destination is known. */
export function sshFix({ facts, ctx }: DoctorInput, opts: SshFixOptions = {}): string | undefined {
  const keyPath = opts.keyPath ?? ctx.keyPath;
  if (facts.command && keyPath) {
    const r = rewriteCommand(facts.command, { keyPath, shell: ctx.shell, identitiesOnly: opts.identitiesOnly ?? false });
    if (r.ok) return withFlags(r.command, facts.program === 'ssh' || !facts.program ? opts : { ...opts, verbose: false });
  }
  const { user, host, port } = facts.dest;
  if (!host) return undefined;
  const words = ['ssh'];
  if (keyPath) {
    const k = quoteKeyPath(keyPath, ctx.shell);
    if (!k.ok) return undefined;
    words.push('-i', k.text);
  }
  if (opts.identitiesOnly) words.push('-o', 'IdentitiesOnly=yes');
  if (port !== undefined && port !== 22) words.push('-p', String(port));
  const target = q(user ? `${user}@${host}` : host, ctx.shell);
  if (!target) return undefined;
  words.push(target);
  return withFlags(words.join(' '), opts);
}

/** Only the owner may read the private key: chmod (posix), icacls as Microsoft documents it (Windows). */
export function permissionFix(path: string, shell: ShellKind): string | undefined {
  const p = q(path, shell);
  if (!p) return undefined;
  switch (shell) {
    case 'posix':
      return `chmod 600 ${p}`;
    // icacls: /inheritance:r removes inherited ACEs, /grant:r replaces the user's grant (learn.microsoft.com, icacls).
    case 'powershell':
      return `icacls ${p} /inheritance:r /grant:r "$($env:USERNAME):R"`;
    case 'cmd':
      return `icacls ${p} /inheritance:r /grant:r "%USERNAME%:R"`;
  }
}

/** Removes a host's known_hosts entries (ssh-keygen(1) -R, -f for the file ssh named). */
export function knownHostsFix(host: string, file: string | undefined, shell: ShellKind): string | undefined {
  const h = q(host, shell);
  if (!h) return undefined;
  if (!file) return `ssh-keygen -R ${h}`;
  const f = q(file, shell);
  return f ? `ssh-keygen -f ${f} -R ${h}` : undefined;
}

/** Strips CR line endings in place, keeping the file's permissions. */
export function crlfFix(path: string, shell: ShellKind): string | undefined {
  const p = q(path, shell);
  if (!p) return undefined;
  if (shell === 'posix') return `perl -pi -e 's/\\r$//' ${p}`;
  if (shell === 'powershell') return `(Get-Content -Raw ${p}) -replace "\\r", '' | Set-Content -NoNewline ${p}`;
  return undefined;
}

/** Lists the folder a missing key was looked for in. */
export function listFolderFix(path: string, shell: ShellKind): string | undefined {
  const dir = path.replace(/[/\\][^/\\]*$/, '') || '.';
  const d = quoteKeyPath(shell === 'cmd' ? dir.replace(/^~(?=[/\\]|$)/, '%USERPROFILE%') : dir, shell);
  if (!d.ok) return undefined;
  return shell === 'posix' ? `ls -l ${d.text}` : shell === 'cmd' ? `dir ${d.text}` : `Get-ChildItem ${d.text}`;
}

/** For the pod's web terminal (always bash): append the public key to authorized_keys. */
export function appendKeyFix(publicKey: string): string | undefined {
  const k = q(publicKey, 'posix');
  return k ? `mkdir -p ~/.ssh && echo ${k} >> ~/.ssh/authorized_keys && chmod 600 ~/.ssh/authorized_keys` : undefined;
}
