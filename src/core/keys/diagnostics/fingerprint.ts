/**
 * `fingerprint`: a key fingerprint pasted instead of the key: `SHA256:` + 43 base64 characters,
 * `MD5:` colon hex, bare 16-byte colon hex (pre-6.8 `ssh-keygen -l`), or a whole `ssh-keygen -l`
 * line (`256 SHA256:… comment (ED25519)`), as sshkey_fingerprint() prints them.
 */
import { issue, tx, type Issue } from './model.ts';

// Anchored with bounded counts and one trailing `.*`: linear on any input.
const SHA = /^(?:\d{1,5}\s+)?SHA256:([A-Za-z0-9+/]{43})=?(?:\s.*)?$/;
const MD5 = /^(?:\d{1,5}\s+)?(?:MD5:)?((?:[0-9a-fA-F]{2}:){15}[0-9a-fA-F]{2})(?:\s.*)?$/;

/** The normalised fingerprint on this (trimmed) line: `SHA256:…` or `MD5:aa:…`, else null. */
export function detectFingerprint(text: string): string | null {
  if (text.length > 4096) return null;
  const s = SHA.exec(text);
  if (s) return `SHA256:${s[1]}`;
  const m = MD5.exec(text);
  return m ? `MD5:${(m[1] as string).toLowerCase()}` : null;
}

export type FingerprintMatch = { kind: 'known' } | { kind: 'in-field'; line: number } | null;

export function fingerprintIssue(line: number, fp: string, match: FingerprintMatch): Issue {
  const next =
    match?.kind === 'known'
      ? tx('fingerprintNextKnown')
      : match?.kind === 'in-field'
        ? tx('fingerprintNextInField', match.line)
        : tx('fingerprintNextHow');
  const shown = fp.length > 30 ? `${fp.slice(0, 30)}…` : fp;
  return issue('fingerprint', 'error', 'findingFingerprint', line, shown, next);
}
