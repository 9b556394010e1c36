/** Passes that need every key of the field: broken earlier copies, and fingerprint lines. */
import { fingerprintMd5, fingerprintSha256 } from '../fingerprint.ts';
import { parseKeyBlob } from '../blob.ts';
import type { KeyOcc } from '../diagnostics/model.ts';
import { findBlobs } from '../diagnostics/scan.ts';
import { cleanLine } from '../diagnostics/whitespace.ts';
import { duplicateIssue } from '../diagnostics/duplicate.ts';
import { fingerprintIssue, type FingerprintMatch } from '../diagnostics/fingerprint.ts';
import { entryIssue } from './entry.ts';
import type { KeyContext } from './key-entry.ts';
import type { FingerprintEntry } from './other-entry.ts';

/** A parsed key's SHA256 fingerprint, computed once; a copy has the fingerprint of the key it copies. */
export const sha256Of = (k: KeyOcc): string => (k.fingerprint ??= k.dupOf ? sha256Of(k.dupOf) : fingerprintSha256(k.bytes));

/**
 * A key that does not work where it is, with a working copy further down: that copy is the one
 * kept, and this one is the duplicate the fix removes.
 */
export function resolveBroken(ctx: KeyContext): void {
  for (const b of ctx.broken) {
    const kept = ctx.seen.get(b.occ.b64);
    if (!kept) continue;
    b.occ.dupOf = kept;
    const issue = duplicateIssue(b.line, b.occ);
    if (issue) b.entry.issues.push(entryIssue(issue, b.line, 'removeCopy'));
  }
}

/** `knownKeys` lines by their SHA256 (and, when asked, MD5) fingerprint. */
function knownByFingerprint(knownKeys: readonly string[], md5: boolean): Map<string, string> {
  const known = new Map<string, string>();
  for (const kl of knownKeys) {
    const h = findBlobs(cleanLine(kl.trim()).text)[0];
    if (!h) continue;
    try {
      parseKeyBlob(h.bytes);
    } catch {
      continue;
    }
    known.set(fingerprintSha256(h.bytes), kl.trim());
    if (md5) known.set(fingerprintMd5(h.bytes), kl.trim());
  }
  return known;
}

/** Fingerprint lines: fixable when they match a key in the field (remove) or a known key (replace). */
export function resolveFingerprints(pending: readonly FingerprintEntry[], occs: readonly KeyOcc[], knownKeys: readonly string[]): void {
  if (pending.length === 0) return;
  const needMd5 = pending.some((f) => f.fp.startsWith('MD5:'));
  const bySha = new Map<string, KeyOcc>();
  const byMd5 = new Map<string, KeyOcc>();
  for (const k of occs) {
    bySha.set(sha256Of(k), k);
    if (needMd5) byMd5.set(fingerprintMd5(k.bytes), k);
  }
  const known = knownByFingerprint(knownKeys, needMd5);
  for (const { entry, line, fp } of pending) {
    const inField = (fp.startsWith('MD5:') ? byMd5 : bySha).get(fp);
    const knownLine = known.get(fp);
    const match: FingerprintMatch = inField ? { kind: 'in-field', line: inField.line + 1 } : knownLine ? { kind: 'known' } : null;
    entry.issues.push(
      entryIssue(fingerprintIssue(line, fp, match), line, match === null ? null : match.kind === 'known' ? 'replaceWithKey' : 'removeLine'),
    );
    entry.lines = inField ? [] : knownLine ? [knownLine] : null;
  }
}
