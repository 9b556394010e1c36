/**
 * The contract's allow-list (shared/CONTRACT.md "Connect tab / worker pane"), applied before the
 * assistant offers anything for a command: plain options only. A command that runs a local
 * program or reroutes the connection (`-o ProxyCommand`, `-F`, `-J`, …) is not the console's
 * Runpod command, so no assistant is offered for it. Defence in depth: the assistant's own lines
 * are built from facts and never carry these options anyway.
 */
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';
import { parseCommand, walkOptions } from '../command/parse.ts';
import { GETOPT } from '../command/grammar.ts';
import { splitRsyncRsh } from '../command/tokenize.ts';

const FLAGS = new Set(['p', 'P', 'i', 't', 'T', 'N', 'C', 'q', 'v', '4', '6', 'L', 'R', 'D', 'l', 'o', 'r']);
const OPTION_KEYS = new Set(['identitiesonly', 'stricthostkeychecking', 'userknownhostsfile', 'hostkeyalias', 'serveraliveinterval',
  'serveralivecountmax', 'connecttimeout', 'port', 'user', 'identityfile']);
/** Words that must not appear in rsync's -e command (the same list, as ssh option words). */
const RSH_BAD = /(^|\s)(-[FEJSwA]|-o\s*(?!(identitiesonly|stricthostkeychecking|userknownhostsfile|hostkeyalias|serveralive\w+|connecttimeout|port|user|identityfile)\b))/i;

export function allowListRefusal(command: string): Refusal | null {
  const inv = parseCommand(command);
  if (!inv.ok) return inv;
  const bad = (what: string): Refusal => refuse(said(`the command uses ${what}, which the assistant does not pass on`, tx('asstNotPlain', what)));
  if (inv.program === 'rsync') {
    for (const r of inv.rsh) if (RSH_BAD.test(r.value)) return bad('rsync -e');
    return null;
  }
  for (const o of inv.occurrences) {
    if (!FLAGS.has(o.letter)) return bad(`-${o.letter}`);
    if (o.letter === 'o') {
      const key = /^\s*([A-Za-z]+)/.exec(o.value ?? '')?.[1]?.toLowerCase() ?? '';
      if (!OPTION_KEYS.has(key) && !key.startsWith('serveralive')) return bad(`-o ${key || '…'}`);
    }
  }
  return null;
}

/**
 * rsync's port lives inside `-e "ssh -p PORT …"` (rsync(1) --rsh); the last -p there wins, as in
 * ssh. Undefined when the command is not rsync or gives no port there.
 */
export function rsyncRshPort(command: string): number | undefined {
  const inv = parseCommand(command);
  if (!inv.ok || inv.program !== 'rsync') return undefined;
  let port: number | undefined;
  for (const r of inv.rsh) {
    const split = splitRsyncRsh(r.value);
    if (!split.ok) continue;
    const w = walkOptions(split.argv, 1, GETOPT.ssh, 'ssh (in rsync -e)');
    if (!w.ok) continue;
    for (const o of w.occurrences) if (o.letter === 'p' && /^\d{1,5}$/.test(o.value ?? '')) port = Number(o.value);
  }
  return port !== undefined && port >= 1 && port <= 65535 ? port : undefined;
}
