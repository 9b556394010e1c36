/**
 * An entry of the field: a line, a wrapped range or a block, with what the diagnostics found on it
 * and its one canonical rewrite. Every fixable finding of an entry applies that rewrite; fixAll
 * applies all of them.
 */
import type { I18nText } from '../../types.ts';
import { tx, type Issue, type KeyOcc } from '../diagnostics/model.ts';

/** Fix labels as `_locales` references; addType/useType name the key type. */
export const FIXES = {
  replaceWithPublicKey: () => tx('fixReplaceWithPublicKey'),
  emptyLine: () => tx('fixEmptyLine'),
  removeTextBefore: () => tx('fixRemoveTextBefore'),
  joinLines: () => tx('fixJoinLines'),
  splitKeys: () => tx('fixSplitKeys'),
  addType: (type: string) => tx('fixAddType', type),
  useType: (type: string) => tx('fixUseType', type),
  removeCopy: () => tx('fixRemoveCopy'),
  normaliseSpaces: () => tx('fixNormaliseSpaces'),
  removeLine: () => tx('fixRemoveLine'),
  replaceWithKey: () => tx('fixReplaceWithKey'),
} satisfies Record<string, (type: string) => I18nText>;
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

export const fixLabel = (is: EntryIssue): I18nText => FIXES[is.fix!](is.fixArg ?? '');

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
