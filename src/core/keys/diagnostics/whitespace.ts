/**
 * `whitespace`: characters a person cannot see that change how OpenSSH reads a line.
 * sshd's authorized_keys parser (auth2-pubkeyfile.c, sshkey_read) separates fields with ASCII space
 * and tab only, so a no-break space, a BOM or a zero-width character between or inside the type word
 * and the base64 makes the key unreadable (error); tabs, extra, leading or trailing spaces and CR
 * line endings are tolerated by OpenSSH but not by Runpod's own key check (warning).
 */

export type WsKind = 'tab' | 'nbsp' | 'invisible' | 'control';

export interface CleanLine {
  /** The line with tabs and Unicode spaces turned into ' ' and invisible/control characters removed. */
  text: string;
  /** Each change, by column in `text` (where the character was, or what it became). */
  changes: { kind: WsKind; at: number }[];
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

/** Cleans one line; the fast path (plain printable ASCII) returns it untouched. */
export function cleanLine(line: string): CleanLine {
  if (!/[^\x20-\x7e]/.test(line)) return { text: line, changes: [] };
  let out = '';
  const changes: CleanLine['changes'] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    const c = ch.charCodeAt(0);
    if (c === 9) {
      changes.push({ kind: 'tab', at: out.length });
      out += ' ';
    } else if (c >= 0x80 && SPACES.test(ch)) {
      changes.push({ kind: 'nbsp', at: out.length });
      out += ' ';
    } else if (c >= 0x80 && INVISIBLE.test(ch)) {
      changes.push({ kind: 'invisible', at: out.length });
    } else if (c < 0x20 || c === 0x7f) {
      changes.push({ kind: 'control', at: out.length });
    } else out += ch;
  }
  return { text: out, changes };
}

const NAMES: Record<WsKind, string> = {
  tab: 'a tab',
  nbsp: 'a no-break or other Unicode space',
  invisible: 'an invisible character (zero-width space or byte-order mark)',
  control: 'a control character',
};

/**
 * The whitespace finding's message for a key line, or null when there is nothing to say.
 * `breaking` = a character OpenSSH does not treat as a separator sits in the type word or base64.
 */
export function whitespaceMessage(
  line: number,
  changes: CleanLine['changes'],
  extras: { leading: boolean; trailing: boolean; multiple: boolean; glued: boolean; cr: boolean },
  breaking: boolean,
): string | null {
  // The common case (a clean key line) allocates nothing.
  if (changes.length === 0 && !extras.leading && !extras.trailing && !extras.multiple && !extras.glued && !extras.cr) return null;
  const what: string[] = [];
  const kinds = new Set(changes.map((c) => c.kind));
  for (const k of ['invisible', 'nbsp', 'control', 'tab'] as const) if (kinds.has(k)) what.push(NAMES[k]);
  if (extras.glued) what.push('no space between the key and its comment');
  if (extras.multiple) what.push('several spaces between fields');
  if (extras.leading) what.push('spaces before the key');
  if (extras.trailing) what.push('spaces after the key');
  if (extras.cr) what.push('Windows (CR) line endings');
  if (what.length === 0) return null;
  const list = what.length === 1 ? what[0] : `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}`;
  return breaking
    ? `Line ${line} has ${list}, which breaks the key: SSH cannot read it. Fix rewrites the line with plain spaces.`
    : `Line ${line} has ${list}. SSH tolerates it, but Runpod's key check may not: fix normalises the line.`;
}
