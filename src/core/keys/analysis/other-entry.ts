/**
 * The entry of a line without a complete key: a fingerprint (resolved once every key of the field
 * is known: resolve.ts), damaged key data, or text that is not a key.
 */
import { base64RunEnd } from '../../wire/base64.ts';
import { isTypeLike, type Issue } from '../diagnostics/model.ts';
import { KNOWN_TYPES } from '../diagnostics/scan.ts';
import { detectFingerprint } from '../diagnostics/fingerprint.ts';
import { explainKeyData } from '../diagnostics/invalid-key.ts';
import { notAKeyIssue } from '../diagnostics/not-a-key.ts';
import { lineEntry, type Entry } from './entry.ts';

/** A line that holds only a fingerprint; its issue comes in resolveFingerprints. */
export interface FingerprintEntry {
  entry: Entry;
  line: number;
  fp: string;
}

/** Damaged key data on the line: a type-like word (and what follows it), or a bare "AAAA…" first word. */
function damagedKey(line: number, t: string): Issue | null {
  const words = t.split(' ', 16).filter((w) => w !== '');
  const ti = words.slice(0, 8).findIndex((w) => isTypeLike(w, KNOWN_TYPES));
  if (ti >= 0) return explainKeyData(line, words[ti] as string, words[ti + 1], KNOWN_TYPES);
  const w = words[0];
  if (w === undefined || w.length < 12 || !w.startsWith('AAAA')) return null;
  const data = w.replace(/=+$/, '');
  return base64RunEnd(data, 0) === data.length ? explainKeyData(line, null, w, KNOWN_TYPES) : null;
}

/** The entry of line `i` (0-based), whose cleaned, trimmed text `t` holds no complete key. */
export function otherEntry(t: string, i: number): { entry: Entry; fingerprint?: FingerprintEntry } {
  const line = i + 1;
  const fp = detectFingerprint(t);
  if (fp) {
    const entry: Entry = { start: i, end: i, issues: [], lines: null };
    return { entry, fingerprint: { entry, line, fp } };
  }
  const issue = damagedKey(line, t);
  return { entry: issue ? lineEntry(i, issue, null, null) : lineEntry(i, notAKeyIssue(line, t, false), 'removeLine', []) };
}
