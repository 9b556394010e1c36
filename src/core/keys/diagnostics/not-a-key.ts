/**
 * `not-a-key`: text that is no part of any key — a shell prompt (`$ cat ~/.ssh/id_ed25519.pub`),
 * a label, a note. sshd skips such authorized_keys lines, but they usually mean the real key is
 * missing or mangled; the fix removes just that text.
 */
import { excerpt, issue, type Issue } from './model.ts';

export function notAKeyIssue(line: number, text: string, beforeKey: boolean): Issue {
  return issue('not-a-key', 'error', beforeKey ? 'findingNotAKeyBefore' : 'findingNotAKeyLine', line, excerpt(text));
}
