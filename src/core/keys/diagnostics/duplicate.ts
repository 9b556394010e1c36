/**
 * `duplicate`: the same key blob twice (comments may differ). Harmless to sshd, but clutter. The
 * copy kept is the first that works where it is; a broken earlier copy is the duplicate.
 */
import { tx, type Issue, type KeyOcc } from './model.ts';

export function duplicateIssue(line: number, k: KeyOcc): Issue | null {
  if (!k.dupOf) return null;
  return {
    code: 'duplicate',
    severity: 'warning',
    message: `The key on line ${line} is the same key as on line ${k.dupOf.line + 1}. Fix removes this copy.`,
    i18n: tx('findingDuplicate', line, k.dupOf.line + 1),
  };
}
