/**
 * `type-mismatch`: the type word differs from the type inside the blob; OpenSSH's sshkey_read
 * rejects such a line ("key type mismatch"), so the key silently never works.
 */
import { issue, type Issue, type KeyOcc } from './model.ts';

export function typeMismatchIssue(line: number, k: KeyOcc): Issue | null {
  if (k.typeWord === null || k.typeWord === k.innerType) return null;
  return issue('type-mismatch', 'error', 'findingTypeMismatch', line, k.typeWord, k.innerType);
}
