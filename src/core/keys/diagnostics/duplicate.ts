/**
 * `duplicate`: the same key blob twice (comments may differ). Harmless to sshd, but clutter. The
 * copy kept is the first that works where it is; a broken earlier copy is the duplicate.
 */
import { issue, type Issue, type KeyOcc } from './model.ts';

export function duplicateIssue(line: number, k: KeyOcc): Issue | null {
  return k.dupOf ? issue('duplicate', 'warning', 'findingDuplicate', line, k.dupOf.line + 1) : null;
}
