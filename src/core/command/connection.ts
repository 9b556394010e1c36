/**
 * A Runpod connection as typed facts, parsed from the command the console shows. Everything we
 * emit (the corrected command, the Connect assistant's scp/rsync/sftp/forward/config lines) is
 * built from these values and quoted by us, never copied from page text.
 *
 * Interface shared by the command rewriter (issue "Connect, rebuilt on facts") and the Connect
 * assistant (`connectionCommands`). The parser behind `parseConnection` is the rewriter's.
 */
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';
import { isIpLiteral } from './destination.ts';
import { PROXY_HOST, type Program } from './grammar.ts';
import { parseCommand } from './parse.ts';

export type ConnectionKind = 'proxy' | 'tcp';

/** A `-L`/`-R`/`-D` forward as ssh(1) reads its argument. */
export interface Forward {
  kind: 'L' | 'R' | 'D';
  /** The option's argument exactly as ssh receives it (e.g. `8888:localhost:8888`). */
  spec: string;
}

export interface Connection {
  program: Program;
  /** `proxy`: `<podId>-<hex>@ssh.runpod.io`; `tcp`: a user at an IPv4/IPv6 literal. */
  kind: ConnectionKind;
  user: string;
  /** `ssh.runpod.io`, or the IP literal without brackets. */
  host: string;
  /** 22 when the command gives none. */
  port: number;
  /** Proxy: the pod or worker id before the `-<8 hex>` suffix of the user. */
  podId?: string;
  forwards: Forward[];
  /** ssh only: the remote command's argv (empty for an interactive login). */
  remoteCommand: string[];
}

export type ConnectionResult = { ok: true; connection: Connection } | Refusal;

/** `<14-char id>-<8 hex>`, the proxy user (shared/RUNPOD.md). */
export const PROXY_USER = /^([a-z0-9]+)-([0-9a-f]{8})$/i;

/** The typed connection behind a console command, or why it is not a Runpod connection. */
export function parseConnection(command: string): ConnectionResult {
  const inv = parseCommand(command);
  if (!inv.ok) return inv;
  const host = inv.host ?? '';
  const proxy = host.toLowerCase() === PROXY_HOST;
  if (!proxy && !isIpLiteral(host)) {
    return refuse(said('not a Runpod destination (the proxy ssh.runpod.io or an IP address)', tx('cmdNotRunpodHost')));
  }
  const user = inv.user ?? '';
  const podId = proxy ? PROXY_USER.exec(user)?.[1] : undefined;
  if (proxy && podId === undefined) {
    return refuse(said('not a Runpod proxy user (<pod id>-<8 hex digits>)', tx('cmdNotProxyUser')));
  }
  const port = inv.port === undefined ? 22 : Number(inv.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return refuse(said(`the port "${inv.port}" is not a number`, tx('cmdConfigBadPort', inv.port ?? '')));
  }
  const forwards: Forward[] = inv.occurrences
    .filter((o) => inv.program === 'ssh' && (o.letter === 'L' || o.letter === 'R' || o.letter === 'D'))
    .map((o) => ({ kind: o.letter as Forward['kind'], spec: o.value ?? '' }));
  const connection: Connection = {
    program: inv.program,
    kind: proxy ? 'proxy' : 'tcp',
    user,
    host,
    port,
    ...(podId !== undefined ? { podId } : {}),
    forwards,
    remoteCommand: inv.program === 'ssh' ? inv.argv.slice(inv.commandIndex) : [],
  };
  return { ok: true, connection };
}
