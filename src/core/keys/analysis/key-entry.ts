/**
 * The entry of a line (or a wrapped range, joined) holding complete key blobs: where each key's type
 * word, comment and authorized_keys options are (sshd(8) AUTHORIZED_KEYS FILE FORMAT), then the
 * diagnostics that look at a key line, each in its own module under diagnostics/.
 */
import { parseKeyBlob } from '../blob.ts';
import { SshParseError } from '../../errors.ts';
import { paddingFor } from '../../wire/base64.ts';
import { isTypeLike, type Issue, type KeyOcc } from '../diagnostics/model.ts';
import { KNOWN_TYPES, MAX_TYPE, type BlobHit } from '../diagnostics/scan.ts';
import { cleanLine, whitespaceIssue as whitespaceFinding, type CleanLine } from '../diagnostics/whitespace.ts';
import { parseOptions, optionsIssue } from '../diagnostics/options-prefix.ts';
import { joinedIssue } from '../diagnostics/joined.ts';
import { missingTypeIssue } from '../diagnostics/missing-type.ts';
import { typeMismatchIssue } from '../diagnostics/type-mismatch.ts';
import { duplicateIssue } from '../diagnostics/duplicate.ts';
import { weakKeyIssue } from '../diagnostics/weak-key.ts';
import { unsupportedIssue } from '../diagnostics/unsupported-type.ts';
import { certificateIssue } from '../diagnostics/certificate.ts';
import { damagedCommentIssue, damagedPrefixIssue, invalidBlobIssue, missingPaddingIssue } from '../diagnostics/invalid-key.ts';
import { notAKeyIssue } from '../diagnostics/not-a-key.ts';
import { wrappedIssue } from '../diagnostics/wrapped.ts';
import { entryIssue, type Entry, type EntryIssue, type FixKind } from './entry.ts';
import type { Lines } from '../lines.ts';

/** What the key passes share within one analysis (made per call, never kept). */
export interface KeyContext {
  /** The field's lines as typed. */
  raw: Lines;
  /** The first working occurrence of each key, by its base64. */
  seen: Map<string, KeyOcc>;
  /** Every parsed key, in field order. */
  occs: KeyOcc[];
  /** Keys that do not work where they are (after damage, or unpadded) and were not seen before. */
  broken: { occ: KeyOcc; line: number; entry: Entry }[];
}

/** Per-key diagnostics: each finds at most one issue on a key; `fix` names the entry's rewrite. */
const KEY_DIAGNOSTICS: { detect: (line: number, k: KeyOcc) => Issue | null; fix: FixKind | null; namesType?: true }[] = [
  { detect: missingTypeIssue, fix: 'addType', namesType: true },
  { detect: typeMismatchIssue, fix: 'useType', namesType: true },
  { detect: (line, k) => (k.parsed ? null : invalidBlobIssue(line, k.innerType, k.error ?? 'unreadable')), fix: null },
  { detect: (line, k) => (k.parsed && k.unpadded ? missingPaddingIssue(line, k.innerType, k.unpadded) : null), fix: null },
  { detect: unsupportedIssue, fix: null },
  { detect: certificateIssue, fix: null },
  { detect: weakKeyIssue, fix: null },
  { detect: duplicateIssue, fix: 'removeCopy' },
];

interface Found {
  hit: BlobHit;
  typeWord: string | null;
  /** Column where the key (its type word, or its blob) starts. */
  keyStart: number;
  /** Spaces between the type word and the blob. */
  spaces: number;
}

/** Known types, longest first, for matching a type word glued to the end of a comment. */
const KNOWN_BY_LENGTH = [...KNOWN_TYPES].sort((a, b) => b.length - a.length);

/** The type word written before each blob (the token before it, or a known type it ends in). */
function locate(t: string, hits: readonly BlobHit[]): Found[] {
  const found: Found[] = [];
  let bound = 0;
  for (const hit of hits) {
    let q = hit.start;
    while (q > bound && t.charCodeAt(q - 1) === 32) q--;
    let r = q;
    const lim = Math.max(bound, q - 100);
    while (r > lim && t.charCodeAt(r - 1) !== 32) r--;
    const token = t.slice(r, q);
    let typeWord: string | null = token.endsWith(hit.type) ? hit.type : (KNOWN_BY_LENGTH.find((k) => token.endsWith(k)) ?? null);
    const whole = r === bound || t.charCodeAt(r - 1) === 32;
    if (typeWord === null && whole && isTypeLike(token, KNOWN_TYPES)) typeWord = token;
    found.push({ hit, typeWord, keyStart: typeWord ? q - typeWord.length : hit.start, spaces: hit.start - q });
    bound = hit.end;
  }
  return found;
}

/**
 * A type word broken by stray spaces ("ecdsa- sha2-nistp256 AAAA…"): the words before the first
 * blob, put together, are exactly the type inside it. Marks it found; the whitespace fix writes it whole.
 */
function spacedType(t: string, first: Found): boolean {
  const lead = t.length - t.trimStart().length;
  const head = t.slice(lead, first.hit.start).trimEnd();
  if (head.length > 2 * MAX_TYPE || !head.includes(' ') || head.replace(/ /g, '') !== first.hit.type) return false;
  Object.assign(first, { typeWord: first.hit.type, keyStart: lead, spaces: 1 });
  return true;
}

const SEP = (c: number): boolean => c === 32 || c === 44 || c === 59 || c === 124; // space , ; |

function trimSeparators(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SEP(s.charCodeAt(a))) a++;
  while (b > a && SEP(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** The key occurrences of the line, with how their separators look and which lack padding. */
function readKeys(t: string, found: readonly Found[], start: number, end: number, damaged: string | null, seen: Map<string, KeyOcc>) {
  const keys: KeyOcc[] = [];
  let glued = false;
  let multiple = false;
  found.forEach((f, k) => {
    const next = found[k + 1];
    const raw = t.slice(f.hit.end, next ? next.keyStart : t.length);
    if (f.typeWord !== null && f.spaces === 0) glued = true;
    if (f.spaces > 1) multiple = true;
    const comment = next ? trimSeparators(raw) : raw.trim();
    if (!next && raw.length > 0 && raw.charCodeAt(0) !== 32) glued = true;
    else if (!next && comment && raw.startsWith('  ')) multiple = true;
    const short = paddingFor(f.hit.dataEnd - f.hit.start) - (f.hit.end - f.hit.dataEnd);
    const b64 = t.slice(f.hit.start, f.hit.end) + '='.repeat(short);
    let error: string | null = null;
    let parsed = f.hit.parsed ?? null;
    if (!parsed) {
      try {
        parsed = parseKeyBlob(f.hit.bytes);
      } catch (e) {
        if (!(e instanceof SshParseError)) throw e;
        error = e.message;
      }
    }
    const occ: KeyOcc = {
      line: start,
      endLine: end,
      typeWord: f.typeWord,
      b64,
      bytes: f.hit.bytes,
      innerType: f.hit.type,
      parsed,
      error,
      comment,
      options: null,
      dupOf: null,
    };
    if (short > 0) occ.unpadded = '='.repeat(short);
    if (parsed) {
      const prev = seen.get(b64);
      if (prev) occ.dupOf = prev;
      // A key after a damaged one, or without its padding, does not work where it is (sshd stops
      // there), so it is not the copy a later one duplicates: removing that one would leave none.
      else if (damaged === null && short <= 0) seen.set(b64, occ);
    }
    keys.push(occ);
  });
  return { keys, glued, multiple };
}

/** The issue of the text before the first key: options (info), a damaged key, or text to remove. */
function prefixIssue(line: number, prefix: string): { issue: EntryIssue; options: boolean; damaged: string | null } | null {
  if (!prefix) return null;
  const options = parseOptions(prefix);
  if (options.ok) {
    return { issue: entryIssue(optionsIssue(line, options.names), line), options: true, damaged: null };
  }
  if (/AAAA|(?:^|\s)(?:ssh|ecdsa|sk)-/.test(prefix))
    return { issue: entryIssue(damagedPrefixIssue(line, prefix), line), options: false, damaged: prefix };
  return { issue: entryIssue(notAKeyIssue(line, prefix, true), line, 'removeTextBefore'), options: false, damaged: null };
}

/** A change other than a tab before column `end` (inside the type word or the base64). */
function breaksKey(changes: CleanLine['changes'], end: number): boolean {
  return changes.some((ch) => ch.kind !== 'tab' && ch.at < end);
}

/** The entry for keys found in `t` (lines start..end, cleaned and joined), or null when `hits` is empty. */
export function keysEntry(ctx: KeyContext, t: string, hits: readonly BlobHit[], start: number, end: number): Entry | null {
  const found = locate(t, hits);
  const first = found[0];
  if (!first) return null;
  const line = start + 1;
  const spaced = spacedType(t, first);
  const prefix = prefixIssue(line, t.slice(0, first.keyStart).trim());
  const damaged = prefix?.damaged ?? null;
  const r = readKeys(t, found, start, end, damaged, ctx.seen);
  const issues: EntryIssue[] = [];
  if (prefix) {
    issues.push(prefix.issue);
    if (prefix.options) {
      (r.keys[0] as KeyOcc).options = t.slice(0, first.keyStart).trim();
      if (t.slice(0, first.keyStart).endsWith('  ')) r.multiple = true;
    }
  }
  if (end > start) issues.push(entryIssue(wrappedIssue(line, end + 1), line, 'joinLines'));
  const j = joinedIssue(line, r.keys);
  if (j) issues.push(entryIssue(j, line, 'splitKeys'));
  const entry: Entry = { start, end, issues, lines: null, keys: r.keys, damaged };
  for (const k of r.keys) {
    for (const d of KEY_DIAGNOSTICS) {
      const issue = d.detect(line, k);
      if (issue) issues.push(entryIssue(issue, line, d.fix, d.namesType && k.innerType));
    }
    if (!k.parsed) continue;
    ctx.occs.push(k);
    if (!k.dupOf && ctx.seen.get(k.b64) !== k) ctx.broken.push({ occ: k, line, entry });
  }
  const dc = damagedCommentIssue(line, (r.keys[r.keys.length - 1] as KeyOcc).comment);
  if (dc) issues.push(entryIssue(dc, line));
  const ws = whitespaceIssue(ctx.raw.at(start) as string, t, line, (found[found.length - 1] as Found).hit.end, {
    glued: r.glued,
    multiple: r.multiple,
    spaced,
  });
  if (ws) issues.push(ws);
  return entry;
}

/** The whitespace finding of a key line: invisible characters, stray or missing spaces. */
function whitespaceIssue(
  raw: string,
  t: string,
  line: number,
  lastEnd: number,
  f: { glued: boolean; multiple: boolean; spaced: boolean },
): EntryIssue | null {
  const { changes } = cleanLine(raw);
  const breaking = f.glued || f.spaced || breaksKey(changes, lastEnd);
  const extras = {
    leading: t.charCodeAt(0) === 32,
    trailing: t.charCodeAt(t.length - 1) === 32,
    multiple: f.multiple,
    glued: f.glued,
    cr: false,
    spacedType: f.spaced,
  };
  const issue = whitespaceFinding(line, changes, extras, breaking);
  return issue ? entryIssue(issue, line, 'normaliseSpaces') : null;
}
