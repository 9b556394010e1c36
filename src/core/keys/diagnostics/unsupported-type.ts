/**
 * `unsupported-type`: ssh-dss (disabled by default since OpenSSH 7.0, removed in 10.1) and type
 * words OpenSSH does not know at all.
 */
import { issue, type Issue, type KeyOcc } from './model.ts';

export function unsupportedIssue(line: number, k: KeyOcc): Issue | null {
  if (!k.parsed || k.parsed.supported) return null;
  return unsupportedTypeIssue(line, k.parsed.type, true);
}

/** `known`: a type OpenSSH knows but no longer accepts (ssh-dss); else a type it does not know. */
export function unsupportedTypeIssue(line: number, type: string, known: boolean): Issue {
  return issue('unsupported-type', 'error', known ? 'findingUnsupportedDsa' : 'findingUnsupportedUnknown', line, type);
}
