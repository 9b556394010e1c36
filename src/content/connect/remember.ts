/**
 * Remembers the pods and workers whose Connect tab the user opened, for the popup's "all pods in
 * one ~/.ssh/config" (src/popup/pods.ts). Only public facts parsed from the shown command (user,
 * host, port, pod id) and the pod's name are stored, in local storage (`seenPods`); anything that
 * is not a Runpod connection is ignored. Never throws into the page: a failure is logged and
 * reported as `false`.
 *
 * Call it once per Connect tab / worker pane with ALL its commands (the proxy command gives the
 * pod id, the exposed-TCP one the address), so one read-modify-write stores both.
 */
import { recordSeen, cleanRecords } from '../../core/connect/pods.ts';
import { getStored, setStored } from '../../shared/storage.ts';

export type CommandSource = Element | string;

const textOf = (c: CommandSource): string => (typeof c === 'string' ? c : (c.textContent ?? '')).replace(/^\s*\$\s+/, '').trim();

/**
 * @param commands the command element(s) or text(s) the pane shows (a leading `$ ` prompt is dropped)
 * @param podName the pod's or worker's name as the pane titles it ('' when unknown)
 * @param podId the pod id when the page shows it apart from the commands (optional)
 * @returns whether anything was stored
 */
export async function rememberConnection(
  commands: CommandSource | readonly CommandSource[],
  podName: string,
  podId?: string,
): Promise<boolean> {
  try {
    const list = (Array.isArray(commands) ? commands : [commands]) as readonly CommandSource[];
    const texts = list.map(textOf).filter((t) => t !== '' && t.length < 2000);
    if (texts.length === 0) return false;
    const before = cleanRecords(await getStored('seenPods'));
    const at = new Date().toISOString();
    // Proxy commands first: they carry the pod id that the TCP command of the same pane lacks.
    const ordered = [...texts].sort((a, b) => Number(!/@ssh\.runpod\.io\b/i.test(a)) - Number(!/@ssh\.runpod\.io\b/i.test(b)));
    let records = before;
    let id = podId;
    for (const command of ordered) {
      records = recordSeen(records, { command, name: String(podName ?? ''), at, ...(id !== undefined ? { podId: id } : {}) });
      id ??= /(?:^|[\s@])([a-z0-9]+)-[0-9a-f]{8}@ssh\.runpod\.io\b/i.exec(command)?.[1];
    }
    if (JSON.stringify(records) === JSON.stringify(before)) return false;
    await setStored('seenPods', records);
    return true;
  } catch (error) {
    console.warn('[Runpod SSH] could not remember the connection:', error);
    return false;
  }
}
