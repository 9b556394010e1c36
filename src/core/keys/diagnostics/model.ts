/** The analysis model the diagnostics read: keys found in the field and the lines they came from. */
import type { ParsedKey } from '../blob.ts';
import type { CatalogueKey, FindingCode, I18nParam, I18nText, Severity } from '../../types.ts';
import { tx } from '../../i18n-text.ts';

export interface KeyOcc {
  /** 0-based first and last line of the field. */
  line: number;
  endLine: number;
  /** The type word as written before the blob, or null when there is none. */
  typeWord: string | null;
  /** The base64 as written (padding completed when it was missing). */
  b64: string;
  bytes: Uint8Array;
  /** Type name inside the blob. */
  innerType: string;
  parsed: ParsedKey | null;
  /** SshParseError message when the blob is complete but not a valid key (e.g. a point off the curve). */
  error: string | null;
  comment: string;
  /** authorized_keys options written before this key. */
  options: string | null;
  /** The earlier occurrence of the same key, when this one is a copy. */
  dupOf: KeyOcc | null;
  /** The `=` padding the key was written without (OpenSSH rejects it), when it was. */
  unpadded?: string;
  /** `SHA256:…`, once computed. */
  fingerprint?: string;
}

/** A finding before it has its line and fix: the catalogue message `key` and its `params`. */
export interface Issue {
  code: FindingCode;
  severity: Severity;
  key: string;
  params: I18nParam[];
}

/** A diagnostic's issue: catalogue `key` with its substitutions (numbers as decimal text). */
export function issue(code: FindingCode, severity: Severity, key: CatalogueKey, ...params: (string | number | I18nText)[]): Issue {
  const t = tx(key, ...params);
  return { code, severity, key, params: t.subs };
}

export { tx };

const UNPRINTABLE_ALL = /[^\x20-\x7e\u00a1-\uffff]/g;

/** A short, printable excerpt of user text for messages: cut with "…", control characters as `\xNN`. */
export function excerpt(text: string, max = 40): string {
  const t = text.trim();
  const cut = t.length > max ? `${t.slice(0, max - 1)}…` : t;
  return cut.replace(UNPRINTABLE_ALL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Words that start a key type: OpenSSH's (ssh-, ecdsa-, sk-) and the ones people confuse with them. */
const TYPE_LIKE_PREFIXES = ['ssh', 'ecdsa', 'sk', 'rsa', 'dsa', 'x509v3', 'spki', 'pgp'] as const;
/** How every type-like word that is not a known type starts (TYPE_LIKE below). */
export const TYPE_LIKE_STARTS: readonly string[] = TYPE_LIKE_PREFIXES.map((p) => `${p}-`);
const TYPE_LIKE = new RegExp(`^(?:${TYPE_LIKE_PREFIXES.join('|')})-[\\x21-\\x7e]+$`);
export function isTypeLike(word: string, known: ReadonlySet<string>): boolean {
  return known.has(word) || (word.length <= 80 && TYPE_LIKE.test(word));
}
