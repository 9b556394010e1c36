/**
 * `unsupported-type`: ssh-dss (disabled by default since OpenSSH 7.0, removed in 10.1) and type
 * words OpenSSH does not know at all.
 */
import { tx, type Issue, type KeyOcc } from './model.ts';

const FRESH = 'Create a new key with `ssh-keygen -t ed25519` and paste its .pub file instead.';

export function unsupportedIssue(line: number, k: KeyOcc): Issue | null {
  if (!k.parsed || k.parsed.supported) return null;
  return unsupportedTypeIssue(line, k.parsed.type, true);
}

export function unsupportedTypeIssue(line: number, type: string, known: boolean): Issue {
  return {
    code: 'unsupported-type',
    severity: 'error',
    message: known
      ? `The key on line ${line} is a ${type} (DSA) key, which current SSH servers no longer accept. ${FRESH}`
      : `Line ${line} is a key of type "${type}", which OpenSSH does not know. ${FRESH}`,
    i18n: tx(known ? 'findingUnsupportedDsa' : 'findingUnsupportedUnknown', line, type),
  };
}
