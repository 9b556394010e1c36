/**
 * The extension's _locales catalogues read from disk, and Chrome's getMessage substitution rules
 * re-implemented for tests: `$name$` becomes its placeholder's content (names are
 * case-insensitive), then `$1`…`$9` the substitutions and `$$` a dollar, in one pass
 * (substituted text is not re-read).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { I18nText } from '../../src/core/types.ts';

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

const ROOT = resolve(import.meta.dirname, '../..');

export function loadCatalogue(lang: string): Catalogue {
  return JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Catalogue;
}

export function getMessage(cat: Catalogue, key: string, subs: readonly string[]): string {
  const entry = cat[key];
  if (!entry) throw new Error(`no catalogue entry ${key}`);
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => placeholders.get(name.toLowerCase()) ?? m);
  return expanded.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** A formatter for nested I18nText that records every key it formats into `seen`. */
export function formatter(seen: Set<string>): (cat: Catalogue, text: I18nText) => string {
  const format = (cat: Catalogue, text: I18nText): string => {
    seen.add(text.key);
    return getMessage(
      cat,
      text.key,
      text.subs.map((s) => (typeof s === 'string' ? s : format(cat, s))),
    );
  };
  return format;
}
