/**
 * Analysis of the whole SSH key field (shared/CONTRACT.md "Key field validator" and "Core API").
 *
 * One pass over the LF-normalised lines: multi-line blocks (formats/findBlocks) first; every line is cleaned of
 * invisible characters (diagnostics/whitespace), scanned for complete key blobs
 * (diagnostics/scan — exact, linear splitting of joined keys), continued over following lines when
 * its key is wrapped (diagnostics/wrapped), or classified (fingerprint, damaged key, not a key).
 * Each diagnostic lives in its own module under diagnostics/. Every "entry" (a line, a wrapped
 * range or a block) knows its one canonical rewrite; each fixable finding applies its entry's
 * rewrite lazily, and fixAll applies all of them, repeating until nothing fixable is left.
 */
import type { Analysis, AnalyzeOptions, FieldState, Finding, I18nText, KeyInfo } from '../types.ts';
import { parseKeyBlob } from './blob.ts';
import { SshParseError } from '../errors.ts';
import { fingerprintMd5, fingerprintSha256 } from './fingerprint.ts';
import { randomart } from './randomart.ts';
import { findBlocks, type Block } from './formats/index.ts';
import { applyEdits, splitLines, type FieldLines, type LineEdit } from './lines.ts';
import { cleanLine, cleanLineText, whitespaceI18n, whitespaceMessage, type CleanLine } from './diagnostics/whitespace.ts';
import { findBlobs, KNOWN_TYPES, MAX_TYPE, type BlobHit } from './diagnostics/scan.ts';
import { base64RunEnd, paddingFor } from '../wire/base64.ts';
import { isTypeLike, tx, type Issue, type KeyOcc } from './diagnostics/model.ts';
import { parseOptions, optionsI18n, optionsMessage } from './diagnostics/options-prefix.ts';
import { joinedIssue } from './diagnostics/joined.ts';
import { missingTypeIssue } from './diagnostics/missing-type.ts';
import { typeMismatchIssue } from './diagnostics/type-mismatch.ts';
import { duplicateIssue } from './diagnostics/duplicate.ts';
import { weakKeyIssue } from './diagnostics/weak-key.ts';
import { unsupportedIssue } from './diagnostics/unsupported-type.ts';
import { certificateIssue } from './diagnostics/certificate.ts';
import { detectFingerprint, fingerprintIssue, type FingerprintMatch } from './diagnostics/fingerprint.ts';
import { notAKeyIssue, notAKeyMessage } from './diagnostics/not-a-key.ts';
import { damagedPrefixIssue, explainKeyData, invalidBlobIssue, missingPaddingIssue } from './diagnostics/invalid-key.ts';
import { blockIssue } from './diagnostics/blocks.ts';
import { mayWrap, tryUnwrap, wrappedIssue } from './diagnostics/wrapped.ts';

export interface DetailedKey extends KeyInfo {
  md5: string;
  randomart: string;
  /** 1-based, inclusive (> line for a wrapped key). */
  endLine: number;
  options?: string;
  certificate: boolean;
  label: string;
}

export interface DetailedFinding extends Finding {
  /** Stable within one analysis: `${code}:${line}:${n}`. */
  id: string;
  /** 1-based, inclusive. */
  endLine: number;
  /** Lazily computes the whole field text after this one fix. */
  fix?: { label: string; apply(): string; /** `label` as a `_locales` reference. */ i18n?: I18nText };
}

export interface DetailedAnalysis {
  state: FieldState;
  keys: DetailedKey[];
  findings: DetailedFinding[];
}

/** Fix labels (English and as a `_locales` reference); addType/useType name the key type. */
const FIXES = {
  replaceWithPublicKey: () => ({ label: 'Replace with the public key', i18n: tx('fixReplaceWithPublicKey') }),
  emptyLine: () => ({ label: 'Empty the line', i18n: tx('fixEmptyLine') }),
  removeTextBefore: () => ({ label: 'Remove the text before the key', i18n: tx('fixRemoveTextBefore') }),
  joinLines: () => ({ label: 'Join the lines', i18n: tx('fixJoinLines') }),
  splitKeys: () => ({ label: 'Put each key on its own line', i18n: tx('fixSplitKeys') }),
  addType: (type: string) => ({ label: `Add "${type}"`, i18n: tx('fixAddType', type) }),
  useType: (type: string) => ({ label: `Use "${type}"`, i18n: tx('fixUseType', type) }),
  removeCopy: () => ({ label: 'Remove the copy', i18n: tx('fixRemoveCopy') }),
  normaliseSpaces: () => ({ label: 'Normalise spaces', i18n: tx('fixNormaliseSpaces') }),
  removeLine: () => ({ label: 'Remove the line', i18n: tx('fixRemoveLine') }),
  replaceWithKey: () => ({ label: 'Replace with the key', i18n: tx('fixReplaceWithKey') }),
} satisfies Record<string, (type: string) => { label: string; i18n: I18nText }>;
type FixKind = keyof typeof FIXES;

/**
 * A diagnostic's issue as found on an entry (`fix` null: not fixable). The issue is kept as the
 * diagnostic returned it and the fix label built only when asked: hostile input yields a finding
 * per line, and analyzeKeys never shows labels.
 */
interface EntryIssue {
  issue: Issue;
  line: number;
  fix: FixKind | null;
  /** The key type the addType/useType labels name. */
  fixArg?: string;
}

const entryIssue = (issue: Issue, line: number, fix: FixKind | null = null, fixArg?: string): EntryIssue =>
  fixArg === undefined ? { issue, line, fix } : { issue, line, fix, fixArg };

const fixLabel = (is: EntryIssue): { label: string; i18n: I18nText } => FIXES[is.fix!](is.fixArg ?? '');

/**
 * A line, a wrapped range or a block, with its canonical rewrite: `lines` (null: leave as is), or,
 * for an entry with keys, the keys written canonically (built only when a fix asks). Data, not a
 * closure per entry: a 1 MB paste can make tens of thousands of entries.
 */
interface Entry {
  start: number;
  end: number;
  issues: EntryIssue[];
  lines: readonly string[] | null;
  keys?: KeyOcc[];
  /** Text before the first key that looks like a damaged key (kept by the rewrite). */
  damaged?: string | null;
}

const NO_LINES: readonly string[] = [];
const NO_CHANGES: CleanLine['changes'] = [];
/** whitespace.ts's cleanLine leaves a line without such characters as it is, with no changes. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const ONE_EMPTY_LINE: readonly string[] = [''];

function rewrite(e: Entry): readonly string[] | null {
  if (!e.keys) return e.lines;
  const out: string[] = [];
  if (e.damaged != null) out.push(e.damaged);
  for (const k of e.keys) {
    if (k.dupOf) continue;
    out.push(`${k.options ? `${k.options} ` : ''}${k.innerType} ${k.b64}${k.comment ? ` ${k.comment}` : ''}`);
  }
  return out;
}

/** Known types, longest first, for matching a type word glued to the end of a comment. */
const KNOWN_BY_LENGTH = [...KNOWN_TYPES].sort((a, b) => b.length - a.length);

const SEP = (c: number): boolean => c === 32 || c === 44 || c === 59 || c === 124; // space , ; |

function trimSeparators(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SEP(s.charCodeAt(a))) a++;
  while (b > a && SEP(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** The non-empty words among the first 16 space-separated pieces of `t`. */
const wordsOf = (t: string): string[] => t.split(' ', 16).filter((w) => w !== '');

/** A change other than a tab before column `end` (inside the type word or the base64). */
function breaksKey(changes: CleanLine['changes'], end: number): boolean {
  for (const ch of changes) if (ch.kind !== 'tab' && ch.at < end) return true;
  return false;
}

/** A parsed key's SHA256 fingerprint, computed once; a copy has the fingerprint of the key it copies. */
const sha256Of = (k: KeyOcc): string => (k.fingerprint ??= k.dupOf ? sha256Of(k.dupOf) : fingerprintSha256(k.bytes));

interface Internal {
  field: FieldLines;
  entries: Entry[];
  occs: KeyOcc[];
  crLine: number;
  /** The contract findings (analyzeKeys), in the order found; empty unless asked for. */
  findings: Finding[];
}

/** An issue in the contract's Finding shape. */
const toFinding = (is: EntryIssue): Finding => ({ code: is.issue.code, severity: is.issue.severity, line: is.line, message: is.issue.message, fixable: is.fix !== null });

/**
 * With `collect` (analyzeKeys), each entry's issues go to `findings` as contract findings as soon as the
 * entry is made, and the entry is not kept (`entries` stays empty): a 1 MB paste of junk then holds
 * one small object per line instead of five while it is analysed.
 */
function analyzeInternal(text: string, opts: AnalyzeOptions, collect = false): Internal | null {
  const field = splitLines(text);
  const { lines } = field;
  const n = lines.length;
  // Sized for one finding a line (a junk paste's), so that it is not copied as it grows; cut to
  // its length at the end.
  const findings: Finding[] | null = collect ? new Array<Finding>(n) : null;
  let nf = 0;
  const emit = (f: Finding): void => {
    (findings as Finding[])[nf++] = f;
  };
  // Printable-ASCII lines (whitespace.ts's own fast path) are their own cleaned text. Others are
  // cleaned once: cached when read ahead (content check, tryUnwrap), dropped when the main loop
  // takes them, so the cache holds only lines not yet reached. What was changed is worked out
  // only for a line with a key (keysEntry): the whitespace finding is the only reader.
  const ahead = new Map<number, string>();
  const cleanText = (i: number): string => {
    const raw = lines[i] as string;
    if (!NOT_PRINTABLE_ASCII.test(raw)) return raw;
    let c = ahead.get(i);
    if (c === undefined) ahead.set(i, (c = cleanLineText(raw)));
    return c;
  };

  let content = false;
  for (let i = 0; i < n && !content; i++) content = cleanText(i).trim() !== '';
  if (!content) return null;

  let blocks: Block[] = [];
  try {
    blocks = findBlocks(lines, opts.foreign);
  } catch (e) {
    if (!(e instanceof SshParseError)) throw e;
  }
  const blockAt = new Map<number, Block>();
  for (const b of blocks) blockAt.set(b.startLine, b);

  const entries: Entry[] = [];
  const add = (e: Entry): void => {
    if (findings) for (const is of e.issues) emit(toFinding(is));
    else entries.push(e);
  };
  /** add() of a one-line entry with one issue, building the entry only when it is kept. */
  const addOne = (i: number, issue: Issue, fix: FixKind | null, rewrite: readonly string[] | null): void => {
    if (findings) emit({ code: issue.code, severity: issue.severity, line: i + 1, message: issue.message, fixable: fix !== null });
    else entries.push({ start: i, end: i, issues: [entryIssue(issue, i + 1, fix)], lines: rewrite });
  };
  const occs: KeyOcc[] = [];
  const seen = new Map<string, KeyOcc>();
  /** Keys that do not work where they are (after damage, or without padding) and were not seen before. */
  const broken: { occ: KeyOcc; line: number; entry: Entry }[] = [];
  const fingerprintEntries: { entry: Entry; line: number; fp: string }[] = [];
  let noWrapThrough = -1;

  for (let i = 0; i < n; i++) {
    const block = blockAt.get(i);
    if (block && block.endLine >= i) {
      const b = block;
      const publicLine = b.publicLine;
      add({
        start: i,
        end: b.endLine,
        issues: [entryIssue(blockIssue(i + 1, b), i + 1, publicLine !== undefined ? 'replaceWithPublicKey' : null)],
        lines: publicLine !== undefined ? [publicLine] : null,
      });
      i = b.endLine;
      continue;
    }
    let t = lines[i] as string;
    if (NOT_PRINTABLE_ASCII.test(t)) {
      const c = ahead.get(i);
      if (c === undefined) t = cleanLineText(t);
      else {
        t = c;
        ahead.delete(i);
      }
    }
    const trimmed = t.trim();
    if (trimmed === '') {
      if (lines[i] !== '') {
        const issue: Issue = { code: 'whitespace', severity: 'warning', message: `Line ${i + 1} holds only spaces or invisible characters. Fix empties it.`, i18n: tx('findingWhitespaceOnly', i + 1) };
        addOne(i, issue, 'emptyLine', ONE_EMPTY_LINE);
      }
      continue;
    }
    const hits = findBlobs(t);
    if (i > noWrapThrough && i + 1 < n && mayWrap(t, hits)) {
      const r = tryUnwrap(cleanText, lines, i, t, hits);
      if (r.ok) {
        const e = keysEntry(r.text, r.hits ?? findBlobs(r.text), i, r.endLine);
        if (e) {
          add(e);
          for (let m = i + 1; m <= r.endLine; m++) ahead.delete(m);
          i = r.endLine;
          continue;
        }
      } else noWrapThrough = r.gatheredThrough;
    }
    const e = hits.length ? keysEntry(t, hits, i, i) : null;
    if (e) add(e);
    else noKeyEntry(trimmed, i);
  }

  /** The entry for keys found in `t` (lines start..end, cleaned and joined). */
  function keysEntry(t: string, hits: readonly BlobHit[], start: number, end: number): Entry | null {
    const found: { hit: BlobHit; typeWord: string | null; keyStart: number; spaces: number }[] = [];
    let bound = 0;
    for (const hit of hits) {
      let q = hit.start;
      while (q > bound && t.charCodeAt(q - 1) === 32) q--;
      let r = q;
      const lim = Math.max(bound, q - 100);
      while (r > lim && t.charCodeAt(r - 1) !== 32) r--;
      const token = t.slice(r, q);
      let typeWord: string | null = null;
      if (token.endsWith(hit.type)) typeWord = hit.type;
      else {
        for (const k of KNOWN_BY_LENGTH) {
          if (token.endsWith(k)) {
            typeWord = k;
            break;
          }
        }
        const whole = r === bound || t.charCodeAt(r - 1) === 32;
        if (typeWord === null && whole && isTypeLike(token, KNOWN_TYPES)) typeWord = token;
      }
      found.push({ hit, typeWord, keyStart: typeWord ? q - typeWord.length : hit.start, spaces: hit.start - q });
      bound = hit.end;
    }
    const first = found[0];
    if (!first) return null;
    const line = start + 1;
    // A type word broken by stray spaces ("ecdsa- sha2-nistp256 AAAA…"): the words before the
    // blob, put together, are exactly the type inside it. The whitespace fix writes it whole.
    let spacedType = false;
    const lead = t.length - t.trimStart().length;
    const head = t.slice(lead, first.hit.start).trimEnd();
    if (head.length <= 2 * MAX_TYPE && head.includes(' ') && head.replace(/ /g, '') === first.hit.type) {
      first.typeWord = first.hit.type;
      first.keyStart = lead;
      first.spaces = 1;
      spacedType = true;
    }
    // Text before the first key: authorized_keys options, a damaged key, or something else.
    const prefix = t.slice(0, first.keyStart).trim();
    const options = prefix ? parseOptions(prefix) : null;
    const damaged = prefix && !options!.ok && /AAAA|(?:^|\s)(?:ssh|ecdsa|sk)-/.test(prefix) ? prefix : null;
    const issues: EntryIssue[] = [];
    const keys: KeyOcc[] = [];
    const unpadded: [KeyOcc, string][] = [];
    let glued = false;
    let multiple = false;
    for (let k = 0; k < found.length; k++) {
      const f = found[k]!;
      const next = found[k + 1];
      const raw = t.slice(f.hit.end, next ? next.keyStart : t.length);
      if (f.typeWord !== null && f.spaces === 0) glued = true;
      if (f.spaces > 1) multiple = true;
      let comment: string;
      if (next) comment = trimSeparators(raw);
      else {
        comment = raw.trim();
        if (raw.length > 0 && raw.charCodeAt(0) !== 32) glued = true;
        else if (comment && raw.startsWith('  ')) multiple = true;
      }
      const written = t.slice(f.hit.start, f.hit.end);
      const pad = paddingFor(f.hit.dataEnd - f.hit.start);
      const b64 = written + '='.repeat(pad - (f.hit.end - f.hit.dataEnd));
      let parsed = f.hit.parsed ?? null;
      let error: string | null = null;
      if (!parsed) try {
        parsed = parseKeyBlob(f.hit.bytes);
      } catch (e) {
        if (!(e instanceof SshParseError)) throw e;
        error = e.message;
      }
      const occ: KeyOcc = { line: start, endLine: end, typeWord: f.typeWord, b64, bytes: f.hit.bytes, innerType: f.hit.type, parsed, error, comment, options: null, dupOf: null };
      const short = pad - (f.hit.end - f.hit.dataEnd);
      if (short > 0) unpadded.push([occ, '='.repeat(short)]);
      if (parsed) {
        const prev = seen.get(b64);
        if (prev) occ.dupOf = prev;
        // A key after a damaged one, or without its padding, does not work where it is (sshd stops
        // there), so it is not the copy a later one duplicates: removing that one would leave none.
        else if (damaged === null && short <= 0) seen.set(b64, occ);
      }
      keys.push(occ);
    }
    if (options) {
      if (options.ok) {
        (keys[0] as KeyOcc).options = prefix;
        issues.push(entryIssue({ code: 'options-prefix', severity: 'info', message: optionsMessage(line, options.names), i18n: optionsI18n(line, options.names) }, line));
        if (t.slice(0, first.keyStart).endsWith('  ')) multiple = true;
      } else if (damaged !== null) {
        issues.push(entryIssue(damagedPrefixIssue(line, prefix), line));
      } else {
        issues.push(entryIssue(notAKeyIssue(line, prefix, true), line, 'removeTextBefore'));
      }
    }
    if (end > start) issues.push(entryIssue(wrappedIssue(line, end + 1), line, 'joinLines'));
    const j = joinedIssue(line, keys);
    if (j) issues.push(entryIssue(j, line, 'splitKeys'));
    /** Keys here that do not work where they are and were not seen before (see `broken`). */
    let brokenHere: KeyOcc[] | null = null;
    for (const k of keys) {
      const m = missingTypeIssue(line, k);
      if (m) issues.push(entryIssue(m, line, 'addType', k.innerType));
      const tm = typeMismatchIssue(line, k);
      if (tm) issues.push(entryIssue(tm, line, 'useType', k.innerType));
      if (!k.parsed) issues.push(entryIssue(invalidBlobIssue(line, k.innerType, k.error ?? 'unreadable'), line));
      else for (const [u, pad] of unpadded) if (u === k) issues.push(entryIssue(missingPaddingIssue(line, k.innerType, pad), line));
      const u = unsupportedIssue(line, k);
      if (u) issues.push(entryIssue(u, line));
      const c = certificateIssue(line, k);
      if (c) issues.push(entryIssue(c, line));
      const w = weakKeyIssue(line, k);
      if (w) issues.push(entryIssue(w, line));
      const d = duplicateIssue(line, k);
      if (d) issues.push(entryIssue(d, line, 'removeCopy'));
      if (k.parsed) occs.push(k);
      if (k.parsed && !k.dupOf && seen.get(k.b64) !== k) (brokenHere ??= []).push(k);
    }
    const lastComment = (keys[keys.length - 1] as KeyOcc).comment;
    if (/(?:^|\s)AAAA[A-Za-z0-9+/]{12,}|(?:^|\s)AAAA[A-Za-z0-9+/]{4,}=*$/.test(lastComment)) {
      const shown = lastComment.length > 40 ? lastComment.slice(0, 39) + '…' : lastComment;
      const message = `The comment on line ${line} ("${shown}") holds what looks like another, damaged key. Copy each key again from its .pub file, one per line.`;
      issues.push(entryIssue({ ...damagedPrefixIssue(line, lastComment), message, i18n: tx('invalidDamagedComment', line, shown) }, line));
    }
    const lastEnd = (found[found.length - 1] as (typeof found)[number]).hit.end;
    const startLine = lines[start] as string;
    const changes = NOT_PRINTABLE_ASCII.test(startLine) ? cleanLine(startLine).changes : NO_CHANGES;
    const breaking = glued || spacedType || breaksKey(changes, lastEnd);
    const extras = { leading: t.charCodeAt(0) === 32, trailing: t.charCodeAt(t.length - 1) === 32, multiple, glued, cr: false, spacedType };
    const ws = whitespaceMessage(line, changes, extras, breaking);
    if (ws) {
      const i18n = findings ? undefined : (whitespaceI18n(line, changes, extras, breaking) ?? undefined);
      issues.push(entryIssue({ code: 'whitespace', severity: breaking ? 'error' : 'warning', message: ws, ...(i18n && { i18n }) }, line, 'normaliseSpaces'));
    }
    const entry: Entry = { start, end, issues, lines: null, keys, damaged };
    if (brokenHere) for (const occ of brokenHere) broken.push({ occ, line, entry });
    return entry;
  }

  /** Adds the entry of a line without a key. */
  function noKeyEntry(t: string, i: number): void {
    const line = i + 1;
    const fp = detectFingerprint(t);
    if (fp) {
      // Its issue comes once every key of the field is known (below).
      const entry: Entry = { start: i, end: i, issues: [], lines: null };
      add(entry);
      fingerprintEntries.push({ entry, line, fp });
      return;
    }
    const words = wordsOf(t);
    const ti = words.slice(0, 8).findIndex((w) => isTypeLike(w, KNOWN_TYPES));
    let issue: Issue | null = null;
    if (ti >= 0) issue = explainKeyData(line, words[ti] as string, words[ti + 1], KNOWN_TYPES);
    else if (words.length > 0) {
      // A first word of key data without its type word ("AAAA…", padding allowed at its end).
      const w = words[0] as string;
      const data = w.replace(/=+$/, '');
      if (w.length >= 12 && w.startsWith('AAAA') && base64RunEnd(data, 0) === data.length) issue = explainKeyData(line, null, w, KNOWN_TYPES);
    }
    if (issue) addOne(i, issue, null, null);
    // The most common finding of a junk paste: for analyzeKeys, only its text (no Issue, no i18n).
    else if (findings) emit({ code: 'not-a-key', severity: 'error', line, message: notAKeyMessage(line, t, false), fixable: true });
    else addOne(i, notAKeyIssue(line, t, false), 'removeLine', NO_LINES);
  }

  // A key that does not work where it is, with a working copy further down: that copy is the one
  // kept, and this one is the duplicate the fix removes.
  for (const b of broken) {
    const kept = seen.get(b.occ.b64);
    if (!kept) continue;
    b.occ.dupOf = kept;
    const is = entryIssue(duplicateIssue(b.line, b.occ) as Issue, b.line, 'removeCopy');
    if (findings) emit(toFinding(is));
    else b.entry.issues.push(is);
  }

  // Fingerprint lines: fixable when they match a key in the field (remove) or a known key (replace).
  if (fingerprintEntries.length) {
    const bySha = new Map<string, KeyOcc>();
    const byMd5 = new Map<string, KeyOcc>();
    const needMd5 = fingerprintEntries.some((f) => f.fp.startsWith('MD5:'));
    for (const k of occs) {
      bySha.set(sha256Of(k), k);
      if (needMd5) byMd5.set(fingerprintMd5(k.bytes), k);
    }
    const known = new Map<string, string>();
    for (const kl of opts.knownKeys ?? []) {
      const h = findBlobs(cleanLine(kl.trim()).text)[0];
      if (!h) continue;
      try {
        parseKeyBlob(h.bytes);
      } catch {
        continue;
      }
      known.set(fingerprintSha256(h.bytes), kl.trim());
      if (needMd5) known.set(fingerprintMd5(h.bytes), kl.trim());
    }
    for (const { entry, line, fp } of fingerprintEntries) {
      const inField = (fp.startsWith('MD5:') ? byMd5 : bySha).get(fp);
      const knownLine = known.get(fp);
      const match: FingerprintMatch = inField ? { kind: 'in-field', line: inField.line + 1 } : knownLine ? { kind: 'known' } : null;
      const is = entryIssue(fingerprintIssue(line, fp, match), line, match === null ? null : match.kind === 'known' ? 'replaceWithKey' : 'removeLine');
      entry.issues.push(is);
      if (findings) emit(toFinding(is));
      entry.lines = inField ? NO_LINES : knownLine ? [knownLine] : null;
    }
  }
  if (findings) findings.length = nf;
  return { field, entries, occs, crLine: field.firstCrLine, findings: findings ?? [] };
}

const crMessage = (line: number): string =>
  `The field uses Windows (CR) line endings from line ${line} on. SSH tolerates them, but Runpod's key check does not: fix converts them to plain newlines.`;

function worst(findings: readonly Finding[]): FieldState {
  let s: FieldState = 'ok';
  for (const f of findings) {
    if (f.severity === 'error') return 'error';
    if (f.severity === 'warning') s = 'warning';
  }
  return s;
}

/** A valid key; md5 and randomart are computed on first read (most keystrokes never draw them). */
class Key implements DetailedKey {
  line: number;
  type: string;
  bits: number;
  comment: string;
  fingerprint: string;
  endLine: number;
  certificate: boolean;
  label: string;
  options?: string;
  #occ: KeyOcc;
  #md5: string | undefined;
  #art: string | undefined;
  constructor(k: KeyOcc) {
    const p = k.parsed!;
    this.#occ = k;
    this.line = k.line + 1;
    this.type = p.type;
    this.bits = p.bits;
    this.comment = k.comment;
    this.fingerprint = sha256Of(k);
    this.endLine = k.endLine + 1;
    this.certificate = p.certificate;
    this.label = p.label;
    if (k.options) this.options = k.options;
  }
  get md5(): string {
    return (this.#md5 ??= fingerprintMd5(this.#occ.bytes));
  }
  get randomart(): string {
    return (this.#art ??= randomart(this.#occ.bytes, this.#occ.parsed!));
  }
  toJSON(): object {
    return { ...this, md5: this.md5, randomart: this.randomart };
  }
}
const detailedKey = (k: KeyOcc): DetailedKey => new Key(k);

export function analyzeDetailed(text: string, opts: AnalyzeOptions = {}): DetailedAnalysis {
  const a = analyzeInternal(text, opts);
  if (!a) return { state: 'empty', keys: [], findings: [] };
  const { field } = a;
  const findings: DetailedFinding[] = [];
  const counts = new Map<string, number>();
  const push = (f: Omit<DetailedFinding, 'id'>): void => {
    const base = `${f.code}:${f.line}`;
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    findings.push({ id: `${base}:${n}`, ...f });
  };
  if (a.crLine >= 0) {
    push({
      code: 'whitespace',
      severity: 'warning',
      line: a.crLine + 1,
      endLine: a.crLine + 1,
      message: crMessage(a.crLine + 1),
      i18n: tx('findingCrLineEndings', a.crLine + 1),
      fixable: true,
      fix: { label: 'Use plain newlines', apply: () => applyEdits(field, [], true), i18n: tx('fixPlainNewlines') },
    });
  }
  for (const e of a.entries) {
    for (const is of e.issues) {
      const { issue } = is;
      const f: Omit<DetailedFinding, 'id'> = { code: issue.code, severity: issue.severity, line: is.line, endLine: e.end + 1, message: issue.message, fixable: is.fix !== null };
      if (issue.i18n) f.i18n = issue.i18n;
      if (is.fix !== null) {
        const entry = e;
        f.fix = {
          ...fixLabel(is),
          apply: () => {
            const lines = rewrite(entry);
            return lines ? applyEdits(field, [{ start: entry.start, end: entry.end, lines }]) : field.lines.map((l, i) => l + field.eols[i]).join('');
          },
        };
      }
      push(f);
    }
  }
  findings.sort((x, y) => x.line - y.line);
  const keys: DetailedKey[] = [];
  for (const k of a.occs) if (k.parsed?.supported) keys.push(detailedKey(k));
  return { state: worst(findings), keys, findings };
}

/** True when `fs` is already sorted by line (the stable sort would leave it as it is). */
function byLine(fs: readonly Finding[]): boolean {
  for (let k = 1; k < fs.length; k++) if ((fs[k] as Finding).line < (fs[k - 1] as Finding).line) return false;
  return true;
}

/** Contract API: exactly the shapes of shared/CONTRACT.md (no fix closures, no lazy extras). */
export function analyzeKeys(text: string, opts: AnalyzeOptions = {}): Analysis {
  const a = analyzeInternal(text, opts, true);
  if (!a) return { state: 'empty', keys: [], findings: [] };
  const { findings } = a;
  // First, as analyzeDetailed has it: the sort below is stable.
  if (a.crLine >= 0) findings.unshift({ code: 'whitespace', severity: 'warning', line: a.crLine + 1, message: crMessage(a.crLine + 1), fixable: true });
  // Usually in order already (entries come line by line); a sort would copy the whole array.
  if (!byLine(findings)) findings.sort((x, y) => x.line - y.line);
  const keys: KeyInfo[] = [];
  for (const k of a.occs) {
    const p = k.parsed;
    if (p?.supported) keys.push({ line: k.line + 1, type: p.type, bits: p.bits, comment: k.comment, fingerprint: sha256Of(k) });
  }
  return { state: worst(findings), keys, findings };
}

/** Applies every fix; repeats (at most a few rounds) until no fixable finding is left. */
export function fixAll(text: string, opts: AnalyzeOptions = {}): string {
  let cur = text;
  for (let round = 0; round < 6; round++) {
    const a = analyzeInternal(cur, opts);
    if (!a) return cur;
    const edits: LineEdit[] = [];
    for (const e of a.entries) {
      if (!e.issues.some((is) => is.fix !== null)) continue;
      const lines = rewrite(e);
      if (lines) edits.push({ start: e.start, end: e.end, lines });
    }
    if (edits.length === 0 && a.crLine < 0) return cur;
    const next = applyEdits(a.field, edits, a.crLine >= 0);
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}
