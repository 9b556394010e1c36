/**
 * All user-facing strings of the extension's own UI come from _locales (browser.i18n), keyed by
 * the English catalogue, so a missing key is a type error. `$1`… placeholders are positional.
 */
import browser from './browser.ts';

type Catalogue = typeof import('../../public/_locales/en/messages.json');
export type MessageKey = keyof Catalogue;

export function t(key: MessageKey, ...substitutions: string[]): string {
  const text = browser.i18n.getMessage(key, substitutions);
  // getMessage returns '' for unknown keys; show the key rather than nothing.
  return text || key;
}
