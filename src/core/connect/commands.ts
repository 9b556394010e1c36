/**
 * connectionCommands (shared/CONTRACT.md "Core API"): every command a person needs for one pod or
 * worker, built from the typed Connection (command/connection.ts) and quoted for their shell.
 *
 * Runpod facts (shared/RUNPOD.md): the proxy (`<id>-<hex>@ssh.runpod.io`) opens a terminal only —
 * no scp, sftp, rsync, forwarding or VS Code; "SSH over exposed TCP" (`root@IP -p PORT`) is full
 * SSH. scp takes the port as `-P`, ssh and rsync's ssh as `-p`. Never throws.
 */
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';
import type { RewriteSettings } from '../types.ts';
import { parseConnection, type Connection } from '../command/connection.ts';
import { quoteArg } from '../command/quote.ts';
import { hostBlock } from './host-block.ts';
import { destination, joinWords, keyWord, localWord, remoteNeedsLiteral, remoteWord, rsyncShellWord, SAFE_NAME } from './words.ts';

export interface ConnectSettings extends RewriteSettings {
  /** The Host name for `config` and the VS Code URI (default: from the pod id or the address). */
  alias?: string;
  /** The pod id when the command does not carry it (TCP form): names `HostKeyAlias runpod-<id>`. */
  podId?: string;
}

export type Direction = 'up' | 'down';
export type Transfer = 'scp' | 'rsync';
type Text = { ok: true; text: string } | Refusal;

export interface ConnectionCommands {
  ok: true;
  kind: 'proxy' | 'tcp';
  user: string;
  host: string;
  port: number;
  alias: string;
  /** The pod id when known (proxy user, or settings.podId). */
  podId?: string;
  ssh: string;
  config: string;
  vscodeUri: string;
  cursorUri: string;
  forward(localPort: number, remotePort: number): string;
  scp(local: string, remote: string, direction: Direction): string | undefined;
  rsync(local: string, remote: string, direction: Direction): string | undefined;
  sftp: string | undefined;
  /** scp/rsync with the reason when a path cannot be quoted (the UI shows it). */
  transfer(tool: Transfer, local: string, remote: string, direction: Direction): Text;
  note?: string;
}

/** The proxy note; the same text is the `asstProxyNote` catalogue entry. */
export const PROXY_NOTE =
  'The Runpod SSH proxy (ssh.runpod.io) only opens a terminal: it supports no scp, sftp, rsync, port forwarding or VS Code / Cursor Remote-SSH. For those, deploy the pod with TCP port 22 exposed and use its "SSH over exposed TCP" command.';

const POD_ID = /^[a-z0-9]{1,40}$/i;

export function defaultAlias(c: Pick<Connection, 'host' | 'port'>, podId: string | undefined): string {
  if (podId !== undefined) return `runpod-${podId.toLowerCase()}`;
  return `runpod-${c.host.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${c.port}`.replace(/-+/g, '-');
}

const validPort = (p: number): boolean => Number.isInteger(p) && p >= 1 && p <= 65535;

function checkSettings(settings: ConnectSettings): Refusal | null {
  if (!settings || typeof settings.keyPath !== 'string') return refuse(said('no key path configured', tx('cmdNoKeyPath')));
  const shell = settings.shell;
  if (shell !== 'posix' && shell !== 'powershell' && shell !== 'cmd') {
    return refuse(said(`unknown shell "${String(shell)}"`, tx('cmdUnknownShell', String(shell))));
  }
  if (settings.alias !== undefined && !SAFE_NAME.test(settings.alias)) {
    return refuse(said('the alias may use only letters, digits, ".", "_" and "-"', tx('asstBadAlias')));
  }
  if (settings.podId !== undefined && !POD_ID.test(settings.podId)) {
    return refuse(said('the pod id may use only letters and digits', tx('asstBadPodId')));
  }
  return null;
}

/** Contract entry point. */
export function connectionCommands(command: string, settings: ConnectSettings): ConnectionCommands | Refusal {
  try {
    const bad = checkSettings(settings);
    if (bad) return bad;
    const parsed = parseConnection(String(command));
    if (!parsed.ok) return parsed;
    return build(parsed.connection, settings);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refuse(said(`could not build the commands (${why})`, tx('asstFailed', why)));
  }
}

function build(c: Connection, settings: ConnectSettings): ConnectionCommands | Refusal {
  const { shell } = settings;
  if (!SAFE_NAME.test(c.user)) return refuse(said('the user name contains characters we cannot pass safely', tx('asstBadUser')));
  const key = keyWord(settings.keyPath, shell);
  if (!key.ok) return key;
  const podId = c.podId ?? settings.podId;
  const alias = settings.alias ?? defaultAlias(c, podId);
  const config = hostBlock({ alias, host: c.host, user: c.user, port: c.port, kind: c.kind, podId }, settings);
  if (!config.ok) return config;
  const io = settings.identitiesOnly === true ? ['-o', 'IdentitiesOnly=yes'] : [];
  const port = (flag: '-p' | '-P'): string[] => (c.port === 22 ? [] : [flag, String(c.port)]);
  const ident = [...io, ...port('-p')];
  const sshLine = sshLogin(c, key.text, ident, shell);
  if (!sshLine.ok) return sshLine;
  const tcp = c.kind === 'tcp';

  const transfer = (tool: Transfer, local: string, remote: string, direction: Direction): Text => {
    if (!tcp) return refuse(said(PROXY_NOTE, tx('asstProxyNote')));
    const l = localWord(String(local), shell);
    const r = remoteWord(c.user, c.host, String(remote), shell);
    const ends = direction === 'down' ? [r, l] : [l, r];
    // scp ≥ 8.7 `-s` / rsync ≥ 3.0 `-s`: the remote path reaches the server literally.
    const literal = remoteNeedsLiteral(String(remote)) ? ['-s'] : [];
    if (tool === 'scp') return joinWords(['scp', '-r', ...literal, ...port('-P'), '-i', key, ...io, ...ends]);
    const rsh = rsyncShellWord([...port('-p'), '-i', { key: settings.keyPath }, ...io], shell);
    return joinWords(['rsync', '-av', ...literal, '-e', rsh, ...ends]);
  };
  const maybe = (t: Text): string | undefined => (t.ok ? t.text : undefined);
  const dest = destination(c.user, c.host, true);
  const result: ConnectionCommands = {
    ok: true,
    kind: c.kind,
    user: c.user,
    host: c.host,
    port: c.port,
    alias,
    ...(podId !== undefined ? { podId } : {}),
    ssh: sshLine.text,
    config: config.text,
    vscodeUri: `vscode://vscode-remote/ssh-remote+${alias}/workspace`,
    cursorUri: `cursor://vscode-remote/ssh-remote+${alias}/workspace`,
    forward: (l, r) =>
      validPort(l) && validPort(r)
        ? ['ssh', '-N', '-L', `${l}:localhost:${r}`, '-i', key.text, ...ident, c.user + '@' + c.host].join(' ')
        : '',
    scp: (l, r, d) => (tcp ? maybe(transfer('scp', l, r, d)) : undefined),
    rsync: (l, r, d) => (tcp ? maybe(transfer('rsync', l, r, d)) : undefined),
    sftp: tcp ? ['sftp', ...port('-P'), '-i', key.text, ...io, dest].join(' ') : undefined,
    transfer,
    ...(tcp ? {} : { note: PROXY_NOTE }),
  };
  return result;
}

/** ssh login: `-tt` on the proxy when a remote command runs (it demands a terminal). */
function sshLogin(c: Connection, key: string, ident: readonly string[], shell: RewriteSettings['shell']): Text {
  const tty = c.kind === 'proxy' && c.remoteCommand.length > 0 ? ['-tt'] : [];
  const forwards = c.forwards.flatMap((f) => [`-${f.kind}`, quoteArg(f.spec, shell)]);
  const remote = c.remoteCommand.map((w) => quoteArg(w, shell));
  return joinWords(['ssh', ...tty, '-i', key, ...ident, ...forwards, `${c.user}@${c.host}`, ...remote]);
}

/** The Host block alone (the Connect bar's "ssh config"): the same block the assistant copies. */
export function sshConfigBlock(command: string, settings: ConnectSettings): { ok: true; text: string } | Refusal {
  const r = connectionCommands(command, settings);
  return r.ok ? { ok: true, text: r.config } : r;
}
