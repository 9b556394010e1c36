/** `missing-type`: a bare base64 blob. The type word is the blob's own first string (RFC 4253 §6.6). */
import { issue, type Issue, type KeyOcc } from './model.ts';

export function missingTypeIssue(line: number, k: KeyOcc): Issue | null {
  return k.typeWord === null ? issue('missing-type', 'error', 'findingMissingType', line, k.innerType) : null;
}
