/**
 * All user-facing strings of the extension's own UI come from _locales (browser.i18n), keyed by
 * the English catalogue, so a missing key is a type error. `$1`… placeholders are positional.
 */
import browser from './browser.ts';
import type { I18nText } from '../core/types.ts';

type Catalogue = typeof import('../../public/_locales/en/messages.json');
export type MessageKey = keyof Catalogue;

export function t(key: MessageKey, ...substitutions: string[]): string {
  const text = browser.i18n.getMessage(key, substitutions);
  // getMessage returns '' for unknown keys; show the key rather than nothing.
  return text || key;
}

/**
 * A core text reference (a finding's key and params, a fix label, a refusal's `i18n`) in the UI
 * language, or `fallback` when any key in it is unknown to the catalogue.
 */
export function tText(text: I18nText | undefined, fallback: string): string {
  if (!text) return fallback;
  const resolve = (m: I18nText): string | null => {
    const subs: string[] = [];
    for (const s of m.subs) {
      const r = typeof s === 'string' ? s : resolve(s);
      if (r === null) return null;
      subs.push(r);
    }
    // Chrome accepts at most 9 substitutions; core never uses more.
    return browser.i18n.getMessage(m.key, subs) || null;
  };
  return resolve(text) ?? fallback;
}

/**
 * Localises static markup: a message name in `data-i18n` sets the text, `data-i18n-title`, `data-i18n-aria-label`
 * and `data-i18n-placeholder` the attributes. The markup keeps the English text as a fallback; a
 * unit test checks that every key it names exists.
 */
export function localize(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const attr of ['title', 'aria-label', 'placeholder'] as const) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`) as MessageKey));
    }
  }
  if (root === document) document.documentElement.lang = t('langCode');
}
