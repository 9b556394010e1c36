/**
 * The one formatter of catalogue text in core: a `_locales` reference (I18nText) formatted from
 * the English catalogue with Chrome's getMessage rules (`$name$` → its placeholder's content, names
 * case-insensitive; then `$1`…`$9` and `$$` in one pass, substituted text not re-read), so core's
 * English is exactly what the English UI shows. Imports the catalogue: only core's English APIs
 * (analyzeKeys, the doctor) use it, never the content script, which formats with browser.i18n.
 */
import en from '../../public/_locales/en/messages.json';
import type { I18nText } from './types.ts';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const CATALOGUE = en as unknown as Readonly<Record<string, Entry | undefined>>;

/** The English sentence of `text`; an unknown key formats as the key itself. */
export function formatEn(text: I18nText): string {
  const entry = CATALOGUE[text.key];
  if (!entry) return text.key;
  const subs = text.subs.map((s) => (typeof s === 'string' ? s : formatEn(s)));
  const holders = entry.placeholders ?? {};
  const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
    // Names are case-insensitive; the catalogue writes them as declared, so look that up first.
    const holder = holders[name] ?? Object.entries(holders).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    return holder ? holder.content : m;
  });
  return expanded.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}
