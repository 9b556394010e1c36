/**
 * The doctor's sentences live in `_locales` (`doctor*` keys, en + de). Core formats the English
 * catalogue entry itself, with Chrome's getMessage rules (`$name$` → placeholder content, then
 * `$1`…`$9` and `$$` in one pass), so `message` is exactly what the English UI shows, and
 * `i18n` lets the UI show the same sentence in its language.
 */
import en from '../../../public/_locales/en/messages.json';
import { withI18n, tx } from '../i18n-text.ts';
import type { I18nText } from '../types.ts';
import type { Cause, DoctorCode } from './types.ts';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export type DoctorKey = Extract<keyof typeof en, `doctor${string}`>;

function format(text: I18nText): string {
  const entry = (en as unknown as Record<string, Entry | undefined>)[text.key];
  if (!entry) return text.key;
  const subs = text.subs.map((s) => (typeof s === 'string' ? s : format(s)));
  const holders = entry.placeholders ?? {};
  const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
    const found = Object.entries(holders).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return found ? found[1].content : m;
  });
  return expanded.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** A catalogue reference and its English text. */
export const doctorText = (key: DoctorKey, ...subs: (string | number | I18nText)[]): { text: string; i18n: I18nText } => {
  const i18n = tx(key, ...subs);
  return { text: format(i18n), i18n };
};

/** A cause with its English message (from the en catalogue) and a non-enumerable `i18n`. */
export function cause(code: DoctorCode, key: DoctorKey, subs: (string | number | I18nText)[], fix?: string): Cause {
  const { text, i18n } = doctorText(key, ...subs);
  const c: Cause = fix === undefined ? { code, message: text } : { code, message: text, fix };
  return withI18n(c, i18n);
}
