/**
 * Core text as `_locales` references (I18nText, src/core/types.ts): core writes its English text
 * and, next to it, the catalogue key and substitutions that format to exactly that text in
 * English (test/unit/i18n.test.ts, test/unit/command/i18n.test.ts); the UI formats the
 * reference in its language with `tText` (src/shared/i18n.ts).
 */
import type { I18nText } from './types.ts';

/** A `_locales` reference; numbers become their decimal text. */
export const tx = (key: string, ...subs: (string | number | I18nText)[]): I18nText => {
  // In place: the rest array is ours, and one reference is made per finding of a 1 MB paste.
  for (let i = 0; i < subs.length; i++) if (typeof subs[i] === 'number') subs[i] = String(subs[i]);
  return { key, subs: subs as (string | I18nText)[] };
};

/** English text and the same text as a catalogue reference. */
export interface Said {
  text: string;
  i18n: I18nText;
}
export const said = (text: string, i18n: I18nText): Said => ({ text, i18n });

/** A refused result: the contract's `{ ok: false, reason }`, plus `i18n` when core knows it. */
export type Refusal = { ok: false; reason: string; i18n?: I18nText };

/**
 * Sets `i18n` as a NON-enumerable property, so results keep the contract's exact shape
 * (`deepEqual`, JSON, structured clone see only `ok`/`reason`) while the UI can still read it.
 */
export function withI18n<T extends object>(value: T, i18n: I18nText): T & { i18n?: I18nText } {
  Object.defineProperty(value, 'i18n', { value: i18n, enumerable: false, configurable: true, writable: true });
  return value;
}

export const refuse = (s: Said): Refusal => withI18n({ ok: false as const, reason: s.text }, s.i18n);
