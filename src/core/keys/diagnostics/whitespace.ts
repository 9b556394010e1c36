/**
 * `whitespace`: characters a person cannot see that change how OpenSSH reads a line.
 * sshd's authorized_keys parser (auth2-pubkeyfile.c, sshkey_read) separates fields with ASCII space
 * and tab only, so a no-break space, a BOM or a zero-width character between or inside the type word
 * and the base64 makes the key unreadable (error); tabs, extra, leading or trailing spaces and CR
 * line endings are tolerated by OpenSSH but not by Runpod's own key check (warning).
 */
import type { I18nText } from '../../types.ts';
import { issue, tx, type Issue } from './model.ts';

export type WsKind = 'tab' | 'nbsp' | 'invisible' | 'control';

export interface CleanLine {
  /** The line with tabs and Unicode spaces turned into ' ' and invisible/control characters removed. */
  text: string;
  /** Each change, by column in `text` (where the character was, or what it became). */
  changes: { kind: WsKind; at: number }[];
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

const NOT_PLAIN = /[^\x20-\x7e]/;

/** Cleans one line; the fast path (plain printable ASCII) returns it untouched. */
export function cleanLine(line: string): CleanLine {
  if (!NOT_PLAIN.test(line)) return { text: line, changes: [] };
  const changes: CleanLine['changes'] = [];
  return { text: clean(line, changes), changes };
}

const SPACES_ALL = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const REMOVED_ALL = /[\x00-\x08\x0a-\x1f\x7f\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** cleanLine(line).text, without recording the changes (most lines never report them). */
export function cleanLineText(line: string): string {
  return NOT_PLAIN.test(line) ? line.replace(SPACES_ALL, ' ').replace(REMOVED_ALL, '') : line;
}

function clean(line: string, changes: CleanLine['changes']): string {
  // Unchanged stretches are copied as slices (not character by character: hostile input).
  let out = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    const ch = line[i] as string;
    const kind: WsKind | null =
      c === 9
        ? 'tab'
        : c >= 0x80 && SPACES.test(ch)
          ? 'nbsp'
          : c >= 0x80 && INVISIBLE.test(ch)
            ? 'invisible'
            : c < 0x20 || c === 0x7f
              ? 'control'
              : null;
    if (kind === null) continue;
    out += line.slice(from, i);
    changes.push({ kind, at: out.length });
    if (kind === 'tab' || kind === 'nbsp') out += ' ';
    from = i + 1;
  }
  return out + line.slice(from);
}

/** `_locales` keys of what a line can have, in the order the finding lists them. */
const NAME_KEYS: Record<WsKind, string> = { tab: 'wsTab', nbsp: 'wsNbsp', invisible: 'wsInvisible', control: 'wsControl' };

export interface WsExtras {
  leading: boolean;
  trailing: boolean;
  multiple: boolean;
  glued: boolean;
  cr: boolean;
  spacedType?: boolean;
}

/** What the line has, as `_locales` keys; null when nothing (the common case allocates nothing). */
function whatKeys(changes: CleanLine['changes'], extras: WsExtras): string[] | null {
  if (changes.length === 0 && !extras.leading && !extras.trailing && !extras.multiple && !extras.glued && !extras.cr && !extras.spacedType)
    return null;
  const what: string[] = [];
  if (extras.spacedType) what.push('wsSpacedType');
  if (changes.length) {
    const kinds = new Set(changes.map((c) => c.kind));
    for (const k of ['invisible', 'nbsp', 'control', 'tab'] as const) if (kinds.has(k)) what.push(NAME_KEYS[k]);
  }
  if (extras.glued) what.push('wsGlued');
  if (extras.multiple) what.push('wsMultiple');
  if (extras.leading) what.push('wsLeading');
  if (extras.trailing) what.push('wsTrailing');
  if (extras.cr) what.push('wsCr');
  return what.length ? what : null;
}

/**
 * The whitespace finding of a key line, or null when there is nothing to say. `breaking` = a
 * character OpenSSH does not treat as a separator sits in the type word or base64. The items are
 * listed "a, b and c" (nested listComma/listAnd).
 */
export function whitespaceIssue(line: number, changes: CleanLine['changes'], extras: WsExtras, breaking: boolean): Issue | null {
  const what = whatKeys(changes, extras);
  if (what === null) return null;
  const items = what.map((key) => tx(key));
  let head = items[0] as I18nText;
  for (let i = 1; i < items.length - 1; i++) head = tx('listComma', head, items[i] as I18nText);
  const list = items.length === 1 ? head : tx('listAnd', head, items[items.length - 1] as I18nText);
  return breaking
    ? issue('whitespace', 'error', 'findingWhitespaceBreaking', line, list)
    : issue('whitespace', 'warning', 'findingWhitespaceTolerated', line, list);
}

/** A line of nothing but spaces or invisible characters: harmless, but a key may have been lost there. */
export const whitespaceOnlyIssue = (line: number): Issue => issue('whitespace', 'warning', 'findingWhitespaceOnly', line);

/** CR line endings: sshd reads them, Runpod's key check (its REST API's pattern) does not. */
export const crIssue = (line: number): Issue => issue('whitespace', 'warning', 'findingCrLineEndings', line);
