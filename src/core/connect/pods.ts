/**
 * All pods in one `~/.ssh/config`: the pods and workers the user has seen on their Connect tabs
 * (public facts only: name, id, user, host, port, when seen), merged as they are seen again, and
 * written as one config file with a Host block per pod.
 *
 * A pod whose exposed-TCP address changed since the last export (stop/resume gives new ports,
 * Community Cloud may give a new IP) is marked, so the user knows the file they have is stale.
 */
import type { RewriteSettings } from '../types.ts';
import { isIpLiteral } from '../command/destination.ts';
import { parseConnection, type ConnectionKind } from '../command/connection.ts';
import { hostBlockLines } from './host-block.ts';
import { SAFE_NAME } from './words.ts';

export interface SeenAddress {
  user: string;
  host: string;
  port: number;
}

export interface PodRecord {
  /** The pod or worker id, or '' when only an exposed-TCP command without one was seen. */
  id: string;
  /** The name the console shows (untrusted text: only ever turned into a safe alias). */
  name: string;
  tcp?: SeenAddress;
  proxy?: SeenAddress;
  /** ISO 8601 time it was last seen. */
  seenAt: string;
  /** The address written by the last export (TCP when known, else proxy). */
  exported?: SeenAddress;
}

export interface PodEntry {
  key: string;
  record: PodRecord;
  alias: string;
  kind: ConnectionKind;
  address: SeenAddress;
  /** The address differs from the one the last export wrote. */
  changed: boolean;
}

const POD_ID = /^[a-z0-9]{1,40}$/i;
const MAX_NAME = 80;
const MAX_RECORDS = 200;

export const recordKey = (r: Pick<PodRecord, 'id' | 'tcp' | 'proxy'>): string =>
  r.id !== '' ? r.id : `@${(r.tcp ?? r.proxy)?.host ?? ''}:${(r.tcp ?? r.proxy)?.port ?? 0}`;

function validAddress(a: unknown): a is SeenAddress {
  if (typeof a !== 'object' || a === null) return false;
  const { user, host, port } = a as SeenAddress;
  return (
    typeof user === 'string' &&
    SAFE_NAME.test(user) &&
    typeof host === 'string' &&
    (isIpLiteral(host) || host === 'ssh.runpod.io') &&
    Number.isInteger(port) &&
    port >= 1 &&
    port <= 65535
  );
}

/** Records as read from storage: anything malformed is dropped, never trusted. */
export function cleanRecords(value: unknown): PodRecord[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is PodRecord => {
    if (typeof r !== 'object' || r === null) return false;
    const p = r as PodRecord;
    if (typeof p.id !== 'string' || (p.id !== '' && !POD_ID.test(p.id)) || typeof p.name !== 'string' || typeof p.seenAt !== 'string')
      return false;
    if (p.tcp !== undefined && !validAddress(p.tcp)) return false;
    if (p.proxy !== undefined && !validAddress(p.proxy)) return false;
    if (p.exported !== undefined && !validAddress(p.exported)) return false;
    return p.tcp !== undefined || p.proxy !== undefined;
  });
}

/**
 * Adds what a Connect tab showed: the command (parsed to facts; anything not a Runpod connection
 * is ignored), the pod's name and, for a TCP command, the pod id when the tab also shows it.
 */
export function recordSeen(
  records: readonly PodRecord[],
  seen: { command: string; name: string; podId?: string; at: string },
): PodRecord[] {
  const parsed = parseConnection(seen.command);
  if (!parsed.ok) return [...records];
  const c = parsed.connection;
  const id = c.podId ?? (seen.podId !== undefined && POD_ID.test(seen.podId) ? seen.podId : '');
  const address: SeenAddress = { user: c.user, host: c.host, port: c.port };
  if (!validAddress(address)) return [...records];
  const name = [...seen.name.replace(/\s+/g, ' ').trim()].slice(0, MAX_NAME).join('');
  // The same pod: same id, or (no id on this TCP command) the same name or the same address.
  const same = (r: PodRecord): boolean =>
    id !== ''
      ? r.id === id || (r.id === '' && name !== '' && r.name === name)
      : (name !== '' && r.name === name) || (r.tcp?.host === address.host && r.tcp.port === address.port);
  const old = records.find(same);
  const next: PodRecord = {
    ...(old ?? {}),
    id: id !== '' ? id : (old?.id ?? ''),
    name: name !== '' ? name : (old?.name ?? ''),
    seenAt: seen.at,
    [c.kind]: address,
  };
  // In place when known, so the list (and the alias numbering) keeps its order.
  return old ? records.map((r) => (r === old ? next : r)) : [...records, next].slice(-MAX_RECORDS);
}

/** A Host name from the pod's name: `runpod-<slug>`, ssh_config-safe (no patterns, no spaces). */
export function aliasFromName(name: string, id: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (slug !== '') return `runpod-${slug}`;
  return id !== '' ? `runpod-${id.toLowerCase()}` : 'runpod-pod';
}

/** One entry per record, aliases unique (`-2`, `-3`… in list order). */
export function podEntries(records: readonly PodRecord[]): PodEntry[] {
  const used = new Set<string>();
  return cleanRecords(records).map((record) => {
    const base = aliasFromName(record.name, record.id);
    let alias = base;
    for (let n = 2; used.has(alias); n++) alias = `${base}-${n}`;
    used.add(alias);
    const kind: ConnectionKind = record.tcp ? 'tcp' : 'proxy';
    const address = (record.tcp ?? record.proxy)!;
    const e = record.exported;
    const changed = e !== undefined && (e.host !== address.host || e.port !== address.port || e.user !== address.user);
    return { key: recordKey(record), record, alias, kind, address, changed };
  });
}

/** The whole config file: a Host block per pod, stale entries marked with a comment. */
export function podsConfig(
  records: readonly PodRecord[],
  settings: Pick<RewriteSettings, 'keyPath' | 'shell' | 'identitiesOnly'>,
): { text: string; entries: PodEntry[]; refused: { key: string; reason: string }[] } {
  const entries = podEntries(records);
  const out: string[] = ['# Runpod pods, written by Runpod SSH Key Helper. Add to ~/.ssh/config (or Include this file).', ''];
  const refused: { key: string; reason: string }[] = [];
  for (const e of entries) {
    const block = hostBlockLines({ alias: e.alias, ...e.address, kind: e.kind, podId: e.record.id || undefined }, settings);
    if (!block.ok) {
      refused.push({ key: e.key, reason: block.reason });
      continue;
    }
    if (e.changed) out.push(`# CHANGED since your last export (was ${e.record.exported!.host} port ${e.record.exported!.port})`);
    if (e.kind === 'proxy') out.push('# Runpod proxy: terminal only (no scp/sftp/rsync/forwarding/VS Code)');
    out.push(...block.lines, '');
  }
  return { text: out.join('\n'), entries, refused };
}

/** After an export: every record remembers the address the file now holds. */
export function markExported(records: readonly PodRecord[]): PodRecord[] {
  return cleanRecords(records).map((r) => ({ ...r, exported: { ...(r.tcp ?? r.proxy)! } }));
}

export function forgetPod(records: readonly PodRecord[], key: string): PodRecord[] {
  return cleanRecords(records).filter((r) => recordKey(r) !== key);
}
