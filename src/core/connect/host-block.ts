/**
 * One `~/.ssh/config` Host block (ssh_config(5)) for a Runpod pod or worker.
 *
 * - IdentityFile: command/config.ts identityFileValue (no shell involved: `~`, `/` separators).
 * - HostKeyAlias runpod-<podId> (TCP pods): the pod's host key is remembered per pod, not per
 *   IP:port, so a recycled Community Cloud IP does not meet a stale known_hosts entry
 *   ("REMOTE HOST IDENTIFICATION HAS CHANGED"). Without a pod id the alias names the address,
 *   which is what ssh would key on anyway: honest, and stable if the block is renamed.
 * - RequestTTY force (proxy): the proxy refuses sessions without a terminal.
 */
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';
import type { RewriteSettings } from '../types.ts';
import { identityFileValue } from '../command/config.ts';
import { SAFE_NAME } from './words.ts';

export interface BlockFacts {
  alias: string;
  host: string;
  user: string;
  port: number;
  kind: 'proxy' | 'tcp';
  podId?: string | undefined;
}

const HOST = /^[A-Za-z0-9.:-]+$/;

export function hostKeyAlias(f: Pick<BlockFacts, 'host' | 'port' | 'podId'>): string {
  if (f.podId !== undefined) return `runpod-${f.podId.toLowerCase()}`;
  return `runpod-${f.host.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${f.port}`;
}

/** The Host block's lines (no trailing newline), or why it cannot be written. */
export function hostBlockLines(
  f: BlockFacts,
  settings: Pick<RewriteSettings, 'keyPath' | 'shell' | 'identitiesOnly'>,
): { ok: true; lines: string[] } | Refusal {
  if (!SAFE_NAME.test(f.alias) || !SAFE_NAME.test(f.user) || !HOST.test(f.host)) {
    return refuse(said('the host or user name contains characters ssh_config cannot hold', tx('asstConfigBadHost')));
  }
  if (!Number.isInteger(f.port) || f.port < 1 || f.port > 65535) {
    return refuse(said(`the port "${f.port}" is not a number`, tx('asstConfigBadPort', String(f.port))));
  }
  const id = identityFileValue(settings.keyPath, settings.shell);
  if (!id.ok) return id;
  const lines = [`Host ${f.alias}`, `    HostName ${f.host}`, `    User ${f.user}`, `    Port ${f.port}`, `    IdentityFile ${id.value}`];
  if (settings.identitiesOnly) lines.push('    IdentitiesOnly yes');
  if (f.kind === 'tcp') lines.push(`    HostKeyAlias ${hostKeyAlias(f)}`);
  else lines.push('    RequestTTY force');
  return { ok: true, lines };
}

export function hostBlock(
  f: BlockFacts,
  settings: Pick<RewriteSettings, 'keyPath' | 'shell' | 'identitiesOnly'>,
): { ok: true; text: string } | Refusal {
  const r = hostBlockLines(f, settings);
  return r.ok ? { ok: true, text: r.lines.join('\n') + '\n' } : r;
}
