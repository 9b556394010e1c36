/**
 * `joined`: several keys on one line. sshd reads one key per authorized_keys line (sshd(8)), and
 * images that run `echo $PUBLIC_KEY` unquoted collapse all keys onto one line, so only the first
 * works. The split itself is exact: scan.ts finds each blob's end from its own length fields.
 */
import { tx, type Issue, type KeyOcc } from './model.ts';

export function joinedIssue(line: number, keys: readonly KeyOcc[]): Issue | null {
  if (keys.length < 2) return null;
  const types = keys.map((k) => k.parsed?.type ?? k.innerType);
  return {
    code: 'joined',
    severity: 'error',
    message: `Line ${line} holds ${keys.length} keys (${types.join(', ')}) run together; SSH reads only the first. Put each key on its own line: fix splits them.`,
    i18n: tx('findingJoined', line, keys.length, types.join(', ')),
  };
}
