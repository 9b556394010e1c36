/** `missing-type`: a bare base64 blob. The type word is the blob's own first string (RFC 4253 §6.6). */
import { tx, type Issue, type KeyOcc } from './model.ts';

export function missingTypeIssue(line: number, k: KeyOcc): Issue | null {
  if (k.typeWord !== null) return null;
  return {
    code: 'missing-type',
    severity: 'error',
    message: `The key on line ${line} has no type word before its data. It is a ${k.innerType} key: fix adds "${k.innerType}" in front.`,
    i18n: tx('findingMissingType', line, k.innerType),
  };
}
