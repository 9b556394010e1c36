/**
 * `not-a-key`: text that is no part of any key — a shell prompt (`$ cat ~/.ssh/id_ed25519.pub`),
 * a label, a note. sshd skips such authorized_keys lines, but they usually mean the real key is
 * missing or mangled; the fix removes just that text.
 */
import { excerpt, tx, type Issue } from './model.ts';

/** The finding's English text (alone: analyzeKeys reports it without the `_locales` reference). */
export function notAKeyMessage(line: number, text: string, beforeKey: boolean): string {
  return beforeKey
    ? `Line ${line} has "${excerpt(text)}" before the key, which is not part of it. Fix removes that text and keeps the key.`
    : `Line ${line} ("${excerpt(text)}") is not an SSH public key. Only public key lines (ssh-ed25519 AAAA… comment) belong here: fix removes it.`;
}

export function notAKeyIssue(line: number, text: string, beforeKey: boolean): Issue {
  return {
    code: 'not-a-key',
    severity: 'error',
    message: notAKeyMessage(line, text, beforeKey),
    i18n: tx(beforeKey ? 'findingNotAKeyBefore' : 'findingNotAKeyLine', line, excerpt(text)),
  };
}
