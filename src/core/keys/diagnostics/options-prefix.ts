/**
 * `options-prefix`: authorized_keys options before the key type (sshd(8) "AUTHORIZED_KEYS FILE
 * FORMAT"; parsed as OpenSSH's auth-options.c sshauthopt_parse does): comma-separated names, some
 * with `="value"`, where a value may hold spaces and commas and escapes `"` as `\"`.
 * Runpod injects the field into authorized_keys as is, so options work, but they are easy to
 * paste by mistake: report them as information.
 */
import { issue, type Issue } from './model.ts';

const FLAGS = [
  'agent-forwarding',
  'cert-authority',
  'no-agent-forwarding',
  'no-port-forwarding',
  'no-pty',
  'no-user-rc',
  'no-x11-forwarding',
  'port-forwarding',
  'pty',
  'restrict',
  'user-rc',
  'x11-forwarding',
  'no-touch-required',
  'touch-required',
  'verify-required',
];
const VALUED = ['command', 'environment', 'expiry-time', 'from', 'permitlisten', 'permitopen', 'principals', 'tunnel'];
const FLAG_SET = new Set(FLAGS);
const VALUED_SET = new Set(VALUED);

export type OptionsResult = { ok: true; names: string[] } | { ok: false; reason: string };

/** Parses `text` (the whole prefix before the type word, trailing spaces allowed) as options. */
export function parseOptions(text: string): OptionsResult {
  const s = text.trimEnd();
  const names: string[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && /[A-Za-z0-9-]/.test(s[j] as string)) j++;
    const name = s.slice(i, j).toLowerCase();
    if (!name) return { ok: false, reason: `unexpected "${s[i]}" at column ${i + 1}` };
    if (s[j] === '=') {
      if (!VALUED_SET.has(name)) return { ok: false, reason: `"${name}" is not an option that takes a value` };
      if (s[j + 1] !== '"') return { ok: false, reason: `the value of ${name} must be in double quotes` };
      let k = j + 2;
      for (; k < s.length; k++) {
        if (s[k] === '\\' && s[k + 1] === '"') k++;
        else if (s[k] === '"') break;
      }
      if (k >= s.length) return { ok: false, reason: `the value of ${name} has no closing quote` };
      j = k + 1;
    } else if (!FLAG_SET.has(name)) {
      return { ok: false, reason: VALUED_SET.has(name) ? `${name} needs a ="value"` : `"${name}" is not an authorized_keys option` };
    }
    names.push(name);
    if (j >= s.length) break;
    if (s[j] !== ',') return { ok: false, reason: `expected "," after ${name}` };
    i = j + 1;
  }
  return names.length ? { ok: true, names } : { ok: false, reason: 'empty' };
}

/** Options before a key: information, since they restrict the key on purpose or by mistake. */
export const optionsIssue = (line: number, names: readonly string[]): Issue =>
  issue('options-prefix', 'info', 'findingOptions', line, names.join(', '));
