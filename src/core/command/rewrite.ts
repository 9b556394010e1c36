/**
 * rewriteCommand: the console's command parsed into a Connection (connection.ts), then emitted
 * from those facts with exactly one `-i <configured key>` quoted for the user's shell (emit.ts):
 * plus `-o IdentitiesOnly=yes` when asked, and `-tt` for Runpod's proxy when a non-interactive
 * command needs a terminal. Never throws; refuses rather than emitting a command whose meaning it
 * cannot guarantee. For rsync the `-e`/`--rsh` command (or a new `-e 'ssh …'`) is built the same
 * way and quoted twice: rsync's own splitting inside, the shell's outside.
 */
import type { RewriteResult, RewriteSettings } from '../types.ts';
import { parseConnection, type Connection } from './connection.ts';
import { emitCommand, type EmitSettings } from './emit.ts';
import { quoteKeyPath, rsyncInnerKeyPath } from './quote.ts';
import { refuse, said, tx } from '../i18n-text.ts';

export interface CommandSettings extends RewriteSettings {
  /** Force a terminal (`-tt`) on the proxy host: true = always, false = never, unset = when a remote command is given. */
  tty?: boolean;
}

/** Contract entry point (shared/CONTRACT.md "Core API"). Never throws. */
export function rewriteCommand(command: string, settings: CommandSettings): RewriteResult {
  try {
    return rewriteUnsafe(command, settings);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refuse(said(`could not rewrite the command (${why})`, tx('cmdRewriteFailed', why)));
  }
}

function rewriteUnsafe(command: string, settings: CommandSettings): RewriteResult {
  if (!settings || typeof settings.keyPath !== 'string') return refuse(said('no key path configured', tx('cmdNoKeyPath')));
  const shell = settings.shell;
  if (shell !== 'posix' && shell !== 'powershell' && shell !== 'cmd') {
    return refuse(said(`unknown shell "${String(shell)}"`, tx('cmdUnknownShell', String(shell))));
  }
  const parsed = parseConnection(command);
  if (!parsed.ok) return parsed;
  const c = parsed.connection;
  const key = quoteKeyPath(settings.keyPath, shell);
  if (!key.ok) return key;
  const inner = c.program === 'rsync' ? rsyncInnerKeyPath(settings.keyPath, shell) : { ok: true as const, path: '' };
  if (!inner.ok) return inner;
  return emitCommand(c, emitSettingsFor(c, settings), key.text, inner.path);
}

/** How a connection is emitted for these settings: the proxy gets `-tt` when a remote command needs a terminal. */
export function emitSettingsFor(c: Connection, settings: CommandSettings): EmitSettings {
  const tCount = c.options.filter((o) => o.letter === 't').length;
  const wantTty = settings.tty === true || (settings.tty === undefined && c.remoteCommand.length > 0);
  const tty = c.program === 'ssh' && c.kind === 'proxy' && wantTty && tCount < 2;
  return { shell: settings.shell, identitiesOnly: settings.identitiesOnly === true, tty };
}
