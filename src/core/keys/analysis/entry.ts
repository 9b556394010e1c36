/**
 * An entry of the field: a line, a wrapped range or a block, with what the diagnostics found on it
 * and its one canonical rewrite. Every fixable finding of an entry applies that rewrite; fixAll
 * applies all of them.
 */
import type { I18nText } from '../../types.ts';
import { tx, type Issue, type KeyOcc } from '../diagnostics/model.ts';

/** Fix labels as `_locales` references with their English text; addType/useType name the key type. */
export const FIXES = {
  replaceWithPublicKey: () => ({ label: 'Replace with the public key', i18n: tx('fixReplaceWithPublicKey') }),
  emptyLine: () => ({ label: 'Empty the line', i18n: tx('fixEmptyLine') }),
  removeTextBefore: () => ({ label: 'Remove the text before the key', i18n: tx('fixRemoveTextBefore') }),
  joinLines: () => ({ label: 'Join the lines', i18n: tx('fixJoinLines') }),
  splitKeys: () => ({ label: 'Put each key on its own line', i18n: tx('fixSplitKeys') }),
  addType: (type: string) => ({ label: `Add "${type}"`, i18n: tx('fixAddType', type) }),
  useType: (type: string) => ({ label: `Use "${type}"`, i18n: tx('fixUseType', type) }),
  removeCopy: () => ({ label: 'Remove the copy', i18n: tx('fixRemoveCopy') }),
  normaliseSpaces: () => ({ label: 'Normalise spaces', i18n: tx('fixNormaliseSpaces') }),
  removeLine: () => ({ label: 'Remove the line', i18n: tx('fixRemoveLine') }),
  replaceWithKey: () => ({ label: 'Replace with the key', i18n: tx('fixReplaceWithKey') }),
} satisfies Record<string, (type: string) => { label: string; i18n: I18nText }>;
export type FixKind = keyof typeof FIXES;

/** A diagnostic's issue on an entry (`fix` null: not fixable). */
export interface EntryIssue {
  issue: Issue;
  line: number;
  fix: FixKind | null;
  /** The key type the addType/useType labels name. */
  fixArg?: string;
}

export const entryIssue = (issue: Issue, line: number, fix: FixKind | null = null, fixArg?: string): EntryIssue =>
  fixArg === undefined ? { issue, line, fix } : { issue, line, fix, fixArg };

export const fixLabel = (is: EntryIssue): { label: string; i18n: I18nText } => FIXES[is.fix!](is.fixArg ?? '');

/**
 * 0-based lines start..end; the rewrite is `lines` (null: leave as is), or, for an entry with keys,
 * the keys written canonically.
 */
export interface Entry {
  start: number;
  end: number;
  issues: EntryIssue[];
  lines: readonly string[] | null;
  keys?: KeyOcc[];
  /** Text before the first key that looks like a damaged key (kept by the rewrite). */
  damaged?: string | null;
}

/** A one-line entry with one issue. */
export const lineEntry = (i: number, issue: Issue, fix: FixKind | null, lines: readonly string[] | null): Entry => ({
  start: i,
  end: i,
  issues: [entryIssue(issue, i + 1, fix)],
  lines,
});

/** The entry's canonical rewrite (sshd(8) AUTHORIZED_KEYS FILE FORMAT: `[options] type base64 [comment]`), or null. */
export function rewrite(e: Entry): readonly string[] | null {
  if (!e.keys) return e.lines;
  const out: string[] = [];
  if (e.damaged != null) out.push(e.damaged);
  for (const k of e.keys) {
    if (k.dupOf) continue;
    out.push(`${k.options ? `${k.options} ` : ''}${k.innerType} ${k.b64}${k.comment ? ` ${k.comment}` : ''}`);
  }
  return out;
}
