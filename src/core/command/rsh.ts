/** rsync's own splitting of its `-e` / `--rsh` value. */
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';

/** Splits the `-e` / `--rsh` value the way rsync does (main.c do_cmd): on spaces only; `'` and `"`
 * quote, a doubled quote character inside quotes is one literal quote; no backslash escapes. */
export function splitRsyncRsh(cmd: string): { ok: true; argv: string[] } | Refusal {
  const argv: string[] = [];
  let i = 0;
  while (i < cmd.length) {
    if (cmd[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    let quote = '';
    while (i < cmd.length && (cmd[i] !== ' ' || quote)) {
      const c = cmd[i]!;
      if (c === "'" || c === '"') {
        if (!quote) {
          quote = c;
          i++;
          continue;
        }
        if (c === quote) {
          if (cmd[i + 1] !== quote) {
            quote = '';
            i++;
            continue;
          }
          i++; // doubled quote: one literal
        }
      }
      arg += cmd[i];
      i++;
    }
    if (quote) return refuse(said(`rsync -e: missing trailing ${quote} in the remote-shell command`, tx('cmdRshMissingQuote', quote)));
    argv.push(arg);
  }
  return { ok: true, argv };
}
