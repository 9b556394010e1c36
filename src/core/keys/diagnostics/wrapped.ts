/**
 * `wrapped`: one key broken over several lines by a terminal (hard wrap at a fixed column), an
 * editor or an e-mail client. A join is made only when the pieces, put back together, form one
 * valid key whose pieces are not valid on their own; the rules, tried from the line a key starts on:
 *
 * 1. Type word. A line ending in a proper prefix of a known type word ("ssh-ed",
 *    "sk-ecdsa-sha2-nistp2") goes on when the next line starts with the rest of that word
 *    ("25519 AAAA…"): the lines are concatenated as they are.
 * 2. Base64 (RFC 4253 §6.6 blob). A line ending in a type word alone, a type word and the start of
 *    its base64 (any length, when it can start a blob: "A"…"AAAA…"), or a bare base64 run of at
 *    least 8 characters starting "AAAA" goes on with the following pure base64 lines (the last may
 *    carry the comment) until the blob's own length fields say it is complete (blobLength), so the
 *    join is exact and linear: every line is gathered by at most one attempt. Padding ("=") broken
 *    onto the next line is taken too.
 * 3. Comment. Once the blob is complete, the next line is the rest of the comment only if it is a
 *    fragment (not blank; no key, type word, key data, fingerprint, armor or shell prompt; not the
 *    start of a broken type word; no longer than the line above, as a wrap's last piece never is)
 *    and the break shows how it was made:
 *    (a) fixed column: the key's lines so far all have the same length (a fragment exactly that
 *        long may be followed by another one the same way), or
 *    (b) on the separator: the line above ends exactly at the blob and the fragment starts with
 *        one space, or
 *    (c) one word: the fragment is one word of what comments are made of (letters, digits,
 *        "@._+-"; after at most one space) and the line above has begun the comment (it ends
 *        inside a word of it, or with the one space before one).
 *    The pieces are concatenated as they are, so a terminal's wrap at any width comes back exactly.
 *    Never joined: a blank line, a key, a note with spaces under a one-line key ("my note"), a
 *    prompt ("user@host:~$"). Accepted ambiguity: a lone word directly under a one-line key whose
 *    one-word comment reaches the line end reads as that comment's tail (rule c); the key is valid
 *    either way, the finding names both lines, and the fix can be undone.
 */
import { readKeyPrefix } from '../blob.ts';
import { isTypeLike, issue, TYPE_LIKE_STARTS, type Issue } from './model.ts';
import { detectFingerprint } from './fingerprint.ts';
import { findBlobs, KNOWN_TYPES, MAX_TYPE, type BlobHit } from './scan.ts';
import { base64RunEnd as runEnd, decodeBase64RunInto, paddingFor, sextet } from '../../wire/base64.ts';
import type { Lines } from '../lines.ts';

/** Longest base64 we gather for one key: far above any real key or certificate. */
const MAX_CHARS = 65536;
const KNOWN = [...KNOWN_TYPES];

/** True when `word` is a proper prefix of a known type word (the start of a type broken by a wrap). */
function isTypePrefix(word: string): boolean {
  if (word.length === 0 || word.length >= MAX_TYPE) return false;
  for (const k of KNOWN) if (k.length > word.length && k.startsWith(word)) return true;
  return false;
}

/**
 * The bytes of base64 gathered line by line, decoded as it comes (whole quads; a partial last
 * quad only when asked), so that asking after each line whether the blob is complete stays linear.
 */
class Base64Accumulator {
  private buf = new Uint8Array(256);
  private n = 0;
  private chars = 0;
  /** The sextets of a quad not yet complete (`pending` of them, 0 to 3), high first. */
  private bits = 0;
  private pending = 0;
  get length(): number {
    return this.chars;
  }
  /** Appends s[from, to) (base64-alphabet characters only). */
  push(s: string, from: number, to: number): void {
    this.chars += to - from;
    while (this.pending > 0 && from < to) this.sextet(s.charCodeAt(from++));
    const full = from + ((to - from) & ~3);
    this.reserve(this.n + (((full - from) * 3) >> 2));
    this.n = decodeBase64RunInto(s, from, full, this.buf, this.n);
    for (let i = full; i < to; i++) this.sextet(s.charCodeAt(i)); // fewer than 4: no quad completes
  }
  /** blobLength of everything decoded so far, including the bytes of a trailing partial quad. */
  blobLength(): number | null {
    // As decodeBase64Run does: 2 or 3 leftover characters give 1 or 2 whole bytes.
    const v = this.bits << (6 * (4 - this.pending));
    this.reserve(this.n + 2);
    this.buf[this.n] = v >> 16;
    this.buf[this.n + 1] = (v >> 8) & 255;
    const r = readKeyPrefix(this.buf, 0, this.n + (this.pending >= 2 ? this.pending - 1 : 0));
    return r ? r.length : null;
  }
  private sextet(c: number): void {
    this.bits = (this.bits << 6) | sextet(c);
    if (++this.pending < 4) return;
    this.reserve(this.n + 3);
    this.buf[this.n++] = this.bits >> 16;
    this.buf[this.n++] = (this.bits >> 8) & 255;
    this.buf[this.n++] = this.bits & 255;
    this.bits = this.pending = 0;
  }
  private reserve(size: number): void {
    if (size <= this.buf.length) return;
    const b = new Uint8Array(Math.max(size, this.buf.length * 2));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
}

/** `hits`, when given, are findBlobs(text) (the last scan, when the comment added nothing after it). */
export type UnwrapResult = { ok: true; endLine: number; text: string; hits?: readonly BlobHit[] } | { ok: false; gatheredThrough: number };

/** Where the key at the end of `te` (trimmed) goes on: the column of its incomplete base64, -1 for a lone type word, or null. */
function tailOf(te: string, hits: readonly BlobHit[]): number | null {
  const lastEnd = hits.length ? (hits[hits.length - 1] as BlobHit).end : 0;
  if (te.length <= lastEnd) return null;
  const ls = te.lastIndexOf(' ') + 1;
  if (ls < lastEnd) return null;
  const tok = te.slice(ls);
  if (runEnd(te, ls) === te.length) {
    if (tok.startsWith('AAAA') && tok.length >= 8) return ls;
    // After a type word, any start a blob can have ("AAAA…" or a prefix of it, e.g. a 7-character "AAAAE2V").
    if ((tok.startsWith('AAAA') || 'AAAA'.startsWith(tok)) && ls >= 2) {
      const ps = te.lastIndexOf(' ', ls - 2) + 1;
      if (ps >= lastEnd && isTypeLike(te.slice(ps, ls - 1), KNOWN_TYPES)) return ls;
    }
  }
  if (tok.length <= 80 && isTypeLike(tok, KNOWN_TYPES)) return -1;
  return null;
}

const PROMPT = /^(?:[$#%>]|PS )|[$#%>]$/;
const KEY_START = /^(?:ssh-|ecdsa-|sk-|AAAA)/;
const NOT_COMMENT = /SHA256:|MD5:|-{3}|BEGIN |END |PuTTY-User-Key-File|AAAA[A-Za-z0-9+/]{4}/;

/** A line that can be the rest of a comment (rule 3), before the break evidence is looked at. */
function isFragment(t: string): boolean {
  const s = t.trim();
  // A line that starts like a key ("sk-", "AAAA") is a key's remnant, not a comment's tail.
  if (s === '' || s.length > 4096 || KEY_START.test(s) || PROMPT.test(s) || NOT_COMMENT.test(s) || detectFingerprint(s) !== null)
    return false;
  const sp = s.indexOf(' ');
  return !isTypeLike(sp < 0 ? s : s.slice(0, sp), KNOWN_TYPES);
}

/** True when line `i` ends in the start of a type word that line i + 1 completes (rule 1, not a comment). */
function startsTypeSplit(clean: (i: number) => string, n: number, i: number): boolean {
  const t = clean(i).trim();
  if (i + 1 >= n || t.includes(' ') || !isTypePrefix(t)) return false;
  const next = clean(i + 1);
  const sp = next.indexOf(' ');
  const word = t + (sp < 0 ? next : next.slice(0, sp));
  return KNOWN_TYPES.has(word) || (sp < 0 && isTypePrefix(word));
}

/**
 * Whether tryUnwrap(…, first, hits) can do anything but fail at once (gathering no line): only a
 * line with a blob, or whose last word can be a type word or the start of one (rules 1 and 2) or
 * the start of a blob ("A"…"AAAA", "AAAA…" in base64). Allocation-free: most lines of a junk paste
 * end in none of these, and analysing them must not cost a failed attempt each. Conservative:
 * a last word with characters past ASCII (which trimEnd might drop) always says yes.
 */
export function mayWrap(first: string, hits: readonly BlobHit[]): boolean {
  if (hits.length) return true;
  let e = first.length;
  while (e > 0 && first.charCodeAt(e - 1) === 32) e--;
  if (e === 0) return false;
  const ls = first.lastIndexOf(' ', e - 1) + 1;
  for (let i = ls; i < e; i++) if (first.charCodeAt(i) > 0x7e) return true;
  if (first.charCodeAt(ls) === 65) {
    // tailOf: "AAAA…" (at least 8), or a start of "AAAA" after a type word; base64 only.
    if (runEnd(first, ls) < e) return false;
    if (first.startsWith('AAAA', ls)) return true;
    for (let i = ls; i < e; i++) if (first.charCodeAt(i) !== 65) return false;
    return e - ls <= 4;
  }
  for (const p of TYPE_LIKE_STARTS) if (first.startsWith(p, ls)) return true;
  // A known type or a start of one (isTypeLike, isTypePrefix).
  const len = e - ls;
  for (const k of KNOWN) {
    if (k.length < len) continue;
    let m = 0;
    while (m < len && k.charCodeAt(m) === first.charCodeAt(ls + m)) m++;
    if (m === len) return true;
  }
  return false;
}

/**
 * Tries to continue a key that starts on line `start` (rules 1–3 of the module comment).
 * `clean(i)` is line i without invisible characters, `raw` the field's lines as typed (their
 * lengths are the wrap evidence), `first` = clean(start) and `hits` its complete blobs.
 */
export function tryUnwrap(clean: (i: number) => string, raw: Lines, start: number, first: string, hits: readonly BlobHit[]): UnwrapResult {
  const n = raw.length;
  let text = first;
  let end = start;
  let blobs = hits;
  // 1. A type word broken by the wrap.
  for (let guard = 0; guard < 4 && end + 1 < n; guard++) {
    if (text.trimEnd() !== text) break;
    const ls = text.lastIndexOf(' ') + 1;
    const lastEnd = blobs.length ? (blobs[blobs.length - 1] as BlobHit).end : 0;
    const tok = text.slice(ls);
    if (ls < lastEnd || !isTypePrefix(tok)) break;
    const next = clean(end + 1);
    const sp = next.indexOf(' ');
    const head = sp < 0 ? next : next.slice(0, sp);
    const word = tok + head;
    if (head === '' || !(KNOWN_TYPES.has(word) || (sp < 0 && isTypePrefix(word)))) break;
    text += next;
    end++;
    blobs = findBlobs(text);
  }
  const typeSplit = end > start;
  // 2. The base64 goes on over the next lines.
  const te = text.trimEnd();
  const tail = tailOf(te, blobs);
  if (tail !== null) {
    const r = gatherBase64(clean, n, end, text, tail);
    if (!r.ok) return typeSplit ? { ok: false, gatheredThrough: Math.max(r.gatheredThrough, end) } : r;
    text = r.text;
    end = r.endLine;
    blobs = findBlobs(text);
  } else if (typeSplit) {
    // The completed type word must be followed by its (complete) blob on the joined line.
    if (!blobs.some((h) => h.start > first.length)) return { ok: false, gatheredThrough: end };
  } else if (blobs.length === 0) return { ok: false, gatheredThrough: start };
  // 3. The comment goes on.
  const last = blobs[blobs.length - 1];
  const scanned = text;
  if (last) {
    const c = continueComment(clean, raw, start, end, text, last);
    text = c.text;
    end = c.end;
  }
  if (end <= start) return { ok: false, gatheredThrough: start };
  return text === scanned ? { ok: true, endLine: end, text, hits: blobs } : { ok: true, endLine: end, text };
}

/** Rule 2: appends pure base64 lines after line `start` until the blob is complete. */
function gatherBase64(clean: (i: number) => string, lineCount: number, start: number, first: string, tail: number): UnwrapResult {
  const acc = new Base64Accumulator();
  const typeOnly = tail < 0;
  if (!typeOnly) acc.push(first, tail, runEnd(first, tail));
  let gathered = start;
  for (let j = start + 1; j < lineCount && acc.length < MAX_CHARS; j++) {
    const t = clean(j).trim();
    if (t === '' || (typeOnly && j === start + 1 && !t.startsWith('AAAA'))) break;
    const r = runEnd(t, 0);
    let q = r;
    while (q < t.length && t.charCodeAt(q) === 61) q++;
    // Pure base64 (padding allowed at its end), or the blob's last piece then the comment.
    const pure = q === t.length;
    const continues = pure || (r > 0 && t.charCodeAt(q) === 32);
    if (!continues) break;
    acc.push(t, 0, r);
    if (pure) gathered = j;
    if (acc.blobLength() !== null) {
      let text = typeOnly ? `${first.trimEnd()} ` : first.trimEnd();
      for (let m = start + 1; m < j; m++) text += clean(m).trim();
      return { ok: true, endLine: j, text: text + clean(j).trimStart() };
    }
    if (!pure) break;
  }
  return { ok: false, gatheredThrough: gathered };
}

/** Rule 3 (and padding broken onto the next line): extends `text` (lines start..end) while the comment goes on. */
function continueComment(
  clean: (i: number) => string,
  raw: Lines,
  start: number,
  end: number,
  text: string,
  blob: BlobHit,
): { text: string; end: number } {
  let blobEnd = blob.end;
  // Padding the wrap put on the next line: "…xyz" + "= comment".
  const pad = paddingFor(blob.dataEnd - blob.start);
  const missing = pad - (blob.end - blob.dataEnd);
  if (missing > 0 && text.length === blob.end && end + 1 < raw.length) {
    const next = clean(end + 1);
    if (next.startsWith('='.repeat(missing)) && (next.length === missing || next.charCodeAt(missing) === 32)) {
      text += next;
      end++;
      blobEnd += missing;
    }
  }
  const blobLine = end;
  for (; end + 1 < raw.length; end++) {
    const width = (raw.at(end) as string).length;
    const next = clean(end + 1);
    if ((raw.at(end + 1) as string).length > width || !isFragment(next) || startsTypeSplit(clean, raw.length, end + 1)) break;
    let sameWidth = end > start;
    for (let m = start; m < end && sameWidth; m++) sameWidth = (raw.at(m) as string).length === width;
    // (b) and (c) only for the first fragment; after it, a fragment follows only a full line (a).
    const after = end === blobLine ? text.slice(blobEnd) : null;
    const onSeparator = after === '' && /^ \S/.test(next);
    const oneWord =
      after !== null &&
      after.charCodeAt(0) === 32 &&
      !after.endsWith('  ') &&
      /^ ?[\w@.+-]+$/.test(next) &&
      !(after.endsWith(' ') && next.startsWith(' '));
    if (!(sameWidth || onSeparator || oneWord)) break;
    text += next;
  }
  return { text, end };
}

export function wrappedIssue(line: number, endLine: number): Issue {
  return issue('wrapped', 'error', 'findingWrapped', line, endLine, endLine - line + 1);
}
