/**
 * `whitespace`: characters a person cannot see that change how OpenSSH reads a line.
 * sshd's authorized_keys parser (auth2-pubkeyfile.c, sshkey_read) separates fields with ASCII space
 * and tab only, so a no-break space, a BOM or a zero-width character between or inside the type word
 * and the base64 makes the key unreadable (error); tabs, extra, leading or trailing spaces and CR
 * line endings are tolerated by OpenSSH but not by Runpod's own key check (warning).
 */
import type { I18nText } from '../../types.ts';
import { tx, type Issue } from './model.ts';

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
      c === 9 ? 'tab' : c >= 0x80 && SPACES.test(ch) ? 'nbsp' : c >= 0x80 && INVISIBLE.test(ch) ? 'invisible' : c < 0x20 || c === 0x7f ? 'control' : null;
    if (kind === null) continue;
    out += line.slice(from, i);
    changes.push({ kind, at: out.length });
    if (kind === 'tab' || kind === 'nbsp') out += ' ';
    from = i + 1;
  }
  return out + line.slice(from);
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
  extras: { leading: boolean; trailing: boolean; multiple: boolean; glued: boolean; cr: boolean; spacedType?: boolean },
  breaking: boolean,
): string | null {
  const what = whatItems(changes, extras);
  if (what === null) return null;
  const names = what.map((w) => w[0]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return breaking
    ? `Line ${line} has ${list}, which breaks the key: SSH cannot read it. Fix rewrites the line with plain spaces.`
    : `Line ${line} has ${list}. SSH tolerates it, but Runpod's key check may not: fix normalises the line.`;
}

/** `_locales` keys of NAMES. */
const NAME_KEYS: Record<WsKind, string> = { tab: 'wsTab', nbsp: 'wsNbsp', invisible: 'wsInvisible', control: 'wsControl' };

type Extras = Parameters<typeof whitespaceMessage>[2];

/** What the line has, as [English phrase, _locales key]; null when nothing (the common case allocates nothing). */
function whatItems(changes: CleanLine['changes'], extras: Extras): [string, string][] | null {
  if (changes.length === 0 && !extras.leading && !extras.trailing && !extras.multiple && !extras.glued && !extras.cr && !extras.spacedType) return null;
  const what: [string, string][] = [];
  if (extras.spacedType) what.push(['a space inside the key type word', 'wsSpacedType']);
  if (changes.length) {
    const kinds = new Set(changes.map((c) => c.kind));
    for (const k of ['invisible', 'nbsp', 'control', 'tab'] as const) if (kinds.has(k)) what.push([NAMES[k], NAME_KEYS[k]]);
  }
  if (extras.glued) what.push(['no space between the key and its comment', 'wsGlued']);
  if (extras.multiple) what.push(['several spaces between fields', 'wsMultiple']);
  if (extras.leading) what.push(['spaces before the key', 'wsLeading']);
  if (extras.trailing) what.push(['spaces after the key', 'wsTrailing']);
  if (extras.cr) what.push(['Windows (CR) line endings', 'wsCr']);
  return what.length ? what : null;
}

/** whitespaceMessage as a `_locales` reference ("a, b and c" as nested listComma/listAnd). */
export function whitespaceI18n(line: number, changes: CleanLine['changes'], extras: Extras, breaking: boolean): I18nText | null {
  const what = whatItems(changes, extras);
  if (what === null) return null;
  const items = what.map(([, key]) => tx(key));
  let head = items[0] as I18nText;
  for (let i = 1; i < items.length - 1; i++) head = tx('listComma', head, items[i] as I18nText);
  const list = items.length === 1 ? head : tx('listAnd', head, items[items.length - 1] as I18nText);
  return tx(breaking ? 'findingWhitespaceBreaking' : 'findingWhitespaceTolerated', line, list);
}

/** A line of nothing but spaces or invisible characters: harmless, but a key may have been lost there. */
export function whitespaceOnlyIssue(line: number): Issue {
  return {
    code: 'whitespace',
    severity: 'warning',
    message: `Line ${line} holds only spaces or invisible characters. Fix empties it.`,
    i18n: tx('findingWhitespaceOnly', line),
  };
}

/** CR line endings: sshd reads them, Runpod's key check (its REST API's pattern) does not. */
export function crIssue(line: number): Issue {
  return {
    code: 'whitespace',
    severity: 'warning',
    message: `The field uses Windows (CR) line endings from line ${line} on. SSH tolerates them, but Runpod's key check does not: fix converts them to plain newlines.`,
    i18n: tx('findingCrLineEndings', line),
  };
}
