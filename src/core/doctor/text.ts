/**
 * The doctor's sentences live in `_locales` (`doctor*` keys, en + de). Core's one formatter
 * (i18n-format.ts) makes `message` exactly what the English UI shows, and `i18n` lets the UI show
 * the same sentence in its language.
 */
import type en from '../../../public/_locales/en/messages.json';
import { formatEn } from '../i18n-format.ts';
import { withI18n, tx } from '../i18n-text.ts';
import type { I18nText } from '../types.ts';
import type { Cause, DoctorCode } from './types.ts';

export type DoctorKey = Extract<keyof typeof en, `doctor${string}`>;

/** A catalogue reference and its English text. */
export const doctorText = (key: DoctorKey, ...subs: (string | number | I18nText)[]): { text: string; i18n: I18nText } => {
  const i18n = tx(key, ...subs);
  return { text: formatEn(i18n), i18n };
};

/** A cause with its English message (from the en catalogue) and a non-enumerable `i18n`. */
export function cause(code: DoctorCode, key: DoctorKey, subs: (string | number | I18nText)[], fix?: string): Cause {
  const { text, i18n } = doctorText(key, ...subs);
  const c: Cause = fix === undefined ? { code, message: text } : { code, message: text, fix };
  return withI18n(c, i18n);
}
