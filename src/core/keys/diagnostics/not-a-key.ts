/**
 * `not-a-key`: text that is no part of any key — a shell prompt (`$ cat ~/.ssh/id_ed25519.pub`),
 * a label, a note. sshd skips such authorized_keys lines, but they usually mean the real key is
 * missing or mangled; the fix removes just that text.
 */
import { excerpt, tx, type Issue } from './model.ts';

export function notAKeyIssue(line: number, text: string, beforeKey: boolean): Issue {
  return beforeKey
    ? {
        code: 'not-a-key',
        severity: 'error',
        message: `Line ${line} has "${excerpt(text)}" before the key, which is not part of it. Fix removes that text and keeps the key.`,
        i18n: tx('findingNotAKeyBefore', line, excerpt(text)),
      }
    : {
        code: 'not-a-key',
        severity: 'error',
        message: `Line ${line} ("${excerpt(text)}") is not an SSH public key. Only public key lines (ssh-ed25519 AAAA… comment) belong here: fix removes it.`,
        i18n: tx('findingNotAKeyLine', line, excerpt(text)),
      };
}
