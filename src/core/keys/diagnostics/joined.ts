/**
 * `joined`: several keys on one line. sshd reads one key per authorized_keys line (sshd(8)), and
 * images that run `echo $PUBLIC_KEY` unquoted collapse all keys onto one line, so only the first
 * works. The split itself is exact: scan.ts finds each blob's end from its own length fields.
 */
import { issue, type Issue, type KeyOcc } from './model.ts';

export function joinedIssue(line: number, keys: readonly KeyOcc[]): Issue | null {
  if (keys.length < 2) return null;
  return issue('joined', 'error', 'findingJoined', line, keys.length, keys.map((k) => k.parsed?.type ?? k.innerType).join(', '));
}
