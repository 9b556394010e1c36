/**
 * `type-mismatch`: the type word differs from the type inside the blob; OpenSSH's sshkey_read
 * rejects such a line ("key type mismatch"), so the key silently never works.
 */
import { tx, type Issue, type KeyOcc } from './model.ts';

export function typeMismatchIssue(line: number, k: KeyOcc): Issue | null {
  if (k.typeWord === null || k.typeWord === k.innerType) return null;
  return {
    code: 'type-mismatch',
    severity: 'error',
    message: `Line ${line} says "${k.typeWord}" but the key data is a ${k.innerType} key, so SSH rejects it. Fix changes the type word to "${k.innerType}".`,
    i18n: tx('findingTypeMismatch', line, k.typeWord, k.innerType),
  };
}
