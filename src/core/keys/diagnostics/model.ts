/** The analysis model the diagnostics read: keys found in the field and the lines they came from. */
import type { ParsedKey } from '../blob.ts';
import type { FindingCode, I18nText, Severity } from '../../types.ts';

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
  /** `SHA256:…`, when already computed (the clean-line fast path computes it while reading). */
  fingerprint?: string;
}

/** A finding before it gets its id, text edit and public shape. */
export interface Issue {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** The same message as a `_locales` key and substitutions (kept identical by test/unit/i18n.test.ts). */
  i18n?: I18nText;
}

export { tx } from '../../i18n-text.ts';

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const UNPRINTABLE = /[^\x20-\x7e\u00a1-\uffff]/;
const UNPRINTABLE_ALL = /[^\x20-\x7e\u00a1-\uffff]/g;
// The last call: every message is written twice (English text and its i18n reference).
let lastText = '';
let lastMax = 0;
let lastExcerpt = '';

/** A short, printable excerpt of user text for messages. */
export function excerpt(text: string, max = 40): string {
  if (text === lastText && max === lastMax) return lastExcerpt;
  const t = text.trim();
  const cut = t.length > max ? `${t.slice(0, max - 1)}…` : t;
  const out = UNPRINTABLE.test(cut) ? cut.replace(UNPRINTABLE_ALL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`) : cut;
  lastText = text;
  lastMax = max;
  lastExcerpt = out;
  return out;
}

/** Words that start a key type: OpenSSH's (ssh-, ecdsa-, sk-) and the ones people confuse with them. */
const TYPE_LIKE_PREFIXES = ['ssh', 'ecdsa', 'sk', 'rsa', 'dsa', 'x509v3', 'spki', 'pgp'] as const;
const TYPE_LIKE = new RegExp(`^(?:${TYPE_LIKE_PREFIXES.join('|')})-[\\x21-\\x7e]+$`);
export function isTypeLike(word: string, known: ReadonlySet<string>): boolean {
  return known.has(word) || (word.length <= 80 && TYPE_LIKE.test(word));
}

/**
 * A table by character code: can a word starting with this character be isTypeLike(word, known)?
 * Lets a scan over many words skip building the ones that cannot.
 */
export function typeLikeFirstChars(known: ReadonlySet<string>): Uint8Array {
  const words = [...known, ...TYPE_LIKE_PREFIXES].filter((w) => w.length > 0);
  const table = new Uint8Array(Math.max(...words.map((w) => w.charCodeAt(0))) + 1);
  for (const w of words) table[w.charCodeAt(0)] = 1;
  return table; // a code past its end reads as undefined (falsy)
}
