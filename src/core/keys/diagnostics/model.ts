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

import { tx as i18nRef } from '../../i18n-text.ts';

/** Off while analyzeKeys runs (withoutI18n): its findings carry no `_locales` reference. */
let refs = true;
const NO_REF: I18nText = { key: '', subs: [] };

/**
 * A `_locales` reference (i18n-text.ts), or a shared empty one while references are off: a junk
 * paste has a finding, hence a reference nobody reads, on nearly every line.
 */
export const tx = (key: string, ...subs: (string | number | I18nText)[]): I18nText => (refs ? i18nRef(key, ...subs) : NO_REF);

/** Runs `fn` with tx references off (for analyzeKeys, whose findings have none). */
export function withoutI18n<T>(fn: () => T): T {
  refs = false;
  try {
    return fn();
  } finally {
    refs = true;
  }
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const UNPRINTABLE_ALL = /[^\x20-\x7e\u00a1-\uffff]/g;
// The last call: every message is written twice (English text and its i18n reference).
let lastText = '';
let lastMax = 0;
let lastExcerpt = '';

/** A short, printable excerpt of user text for messages. */
export function excerpt(text: string, max = 40): string {
  if (text === lastText && max === lastMax) return lastExcerpt;
  const body = excerptBody(text, max);
  const out = bodyCut ? `${body}…` : body;
  lastText = text;
  lastMax = max;
  lastExcerpt = out;
  return out;
}

let bodyCut = false;
/** Whether the last excerptBody call cut its text (the excerpt then ends in "…"). */
export const excerptWasCut = (): boolean => bodyCut;

/**
 * excerpt(text, max) without the "…" that ends a cut excerpt (see excerptWasCut): for a message
 * built as one flat string, which that one non-Latin-1 character would make twice as large.
 */
export function excerptBody(text: string, max = 40): string {
  const t = text.trim();
  bodyCut = t.length > max;
  const body = bodyCut ? t.slice(0, max - 1) : t;
  // Checked with charCodeAt: a regex would first copy a cut (an unflattened string).
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (!((c >= 0x20 && c <= 0x7e) || c >= 0xa1)) return body.replace(UNPRINTABLE_ALL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  }
  return body;
}

/** Words that start a key type: OpenSSH's (ssh-, ecdsa-, sk-) and the ones people confuse with them. */
const TYPE_LIKE_PREFIXES = ['ssh', 'ecdsa', 'sk', 'rsa', 'dsa', 'x509v3', 'spki', 'pgp'] as const;
/** How every type-like word that is not a known type starts (TYPE_LIKE below). */
export const TYPE_LIKE_STARTS: readonly string[] = TYPE_LIKE_PREFIXES.map((p) => `${p}-`);
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
