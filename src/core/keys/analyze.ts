/**
 * Analysis of the whole SSH key field (shared/CONTRACT.md "Key field validator" and "Core API").
 *
 * One pass over the LF-normalised lines: multi-line blocks (formats/findBlocks) first; a clean
 * `type base64 comment` line with a valid key is read directly (diagnostics/clean-line, which
 * yields exactly what the pipeline would: one key, no finding); every other line is cleaned of
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
import { cleanLine, whitespaceI18n, whitespaceMessage, type CleanLine } from './diagnostics/whitespace.ts';
import { findBlobs, KNOWN_TYPES, runEnd, charsFor, type BlobHit } from './diagnostics/scan.ts';
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
import { notAKeyIssue } from './diagnostics/not-a-key.ts';
import { damagedPrefixIssue, explainKeyData, invalidBlobIssue } from './diagnostics/invalid-key.ts';
import { blockIssue } from './diagnostics/blocks.ts';
import { tryUnwrap, wrappedIssue } from './diagnostics/wrapped.ts';
import { readCleanKeyLine, sha256Fingerprint } from './diagnostics/clean-line.ts';

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

interface EntryIssue extends Issue {
  fixable: boolean;
  line: number;
  label?: string;
  labelI18n?: I18nText;
}

/** A line, a wrapped range or a block, with its canonical rewrite (null: leave as is). */
interface Entry {
  start: number;
  end: number;
  issues: EntryIssue[];
  rewrite: () => readonly string[] | null;
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

/** Off only inside withoutFastPath (tests compare both paths). */
let fastPath = true;

/** Runs `fn` with every line going through the full diagnostic pipeline (for tests). */
export function withoutFastPath<T>(fn: () => T): T {
  fastPath = false;
  try {
    return fn();
  } finally {
    fastPath = true;
  }
}

/** A parsed key's SHA256 fingerprint, computed once; plain keys through the reused hasher. */
const sha256Of = (k: KeyOcc): string => (k.fingerprint ??= k.parsed && !k.parsed.certificate ? sha256Fingerprint(k.bytes) : fingerprintSha256(k.bytes));

interface Internal {
  field: FieldLines;
  entries: Entry[];
  occs: KeyOcc[];
  crLine: number;
}

function analyzeInternal(text: string, opts: AnalyzeOptions): Internal | null {
  const field = splitLines(text);
  const { lines } = field;
  const n = lines.length;
  const cleaned: (CleanLine | undefined)[] = new Array(n);
  const clean = (i: number): CleanLine => (cleaned[i] ??= cleanLine(lines[i] as string));
  const cleanText = (i: number): string => clean(i).text;

  let content = false;
  for (let i = 0; i < n && !content; i++) content = cleanText(i).trim() !== '';
  if (!content) return null;

  let blocks: Block[] = [];
  try {
    blocks = findBlocks(lines);
  } catch (e) {
    if (!(e instanceof SshParseError)) throw e;
  }
  const blockAt = new Map<number, Block>();
  for (const b of blocks) blockAt.set(b.startLine, b);

  const entries: Entry[] = [];
  const occs: KeyOcc[] = [];
  const seen = new Map<string, KeyOcc>();
  const fingerprintEntries: { entry: Entry; line: number; fp: string }[] = [];
  let noWrapThrough = -1;

  for (let i = 0; i < n; i++) {
    const block = blockAt.get(i);
    if (block && block.endLine >= i) {
      const b = block;
      const publicLine = b.publicLine;
      entries.push({
        start: i,
        end: b.endLine,
        issues: [{ ...blockIssue(i + 1, b), fixable: publicLine !== undefined, line: i + 1, label: 'Replace with the public key', labelI18n: tx('fixReplaceWithPublicKey') }],
        rewrite: () => (publicLine !== undefined ? [publicLine] : null),
      });
      i = b.endLine;
      continue;
    }
    // The common case (a clean `type base64 comment` line with a valid key) skips the pipeline.
    const quick = fastPath ? readCleanKeyLine(lines[i] as string) : null;
    if (quick !== null && !seen.has(quick.b64)) {
      const occ: KeyOcc = { line: i, endLine: i, typeWord: quick.type, b64: quick.b64, bytes: quick.bytes, innerType: quick.type, parsed: quick.parsed, error: null, comment: quick.comment, options: null, dupOf: null, fingerprint: quick.fingerprint };
      seen.set(quick.b64, occ);
      occs.push(occ);
      continue;
    }
    const c = clean(i);
    const t = c.text;
    if (t.trim() === '') {
      if (lines[i] !== '') {
        entries.push({
          start: i,
          end: i,
          issues: [{ code: 'whitespace', severity: 'warning', message: `Line ${i + 1} holds only spaces or invisible characters. Fix empties it.`, i18n: tx('findingWhitespaceOnly', i + 1), fixable: true, line: i + 1, label: 'Empty the line', labelI18n: tx('fixEmptyLine') }],
          rewrite: () => [''],
        });
      }
      continue;
    }
    const hits = findBlobs(t);
    if (i > noWrapThrough) {
      const tail = wrapTail(t, hits);
      if (tail !== null && i + 1 < n) {
        const r = tryUnwrap(cleanText, n, i, t, tail);
        if (r.ok) {
          const e = keysEntry(r.text, findBlobs(r.text), i, r.endLine, c.changes);
          if (e) {
            entries.push(e);
            i = r.endLine;
            continue;
          }
        } else noWrapThrough = r.gatheredThrough;
      }
    }
    const e = hits.length ? keysEntry(t, hits, i, i, c.changes) : null;
    entries.push(e ?? noKeyEntry(t.trim(), i));
  }

  function wrapTail(t: string, hits: BlobHit[]): number | null {
    const te = t.trimEnd();
    const lastEnd = hits.length ? (hits[hits.length - 1] as BlobHit).end : 0;
    if (te.length <= lastEnd) return null;
    const ls = te.lastIndexOf(' ') + 1;
    if (ls < lastEnd) return null;
    if (te.startsWith('AAAA', ls) && te.length - ls >= 8 && runEnd(te, ls) === te.length) return ls;
    if (te.length - ls <= 80 && isTypeLike(te.slice(ls), KNOWN_TYPES)) return -1;
    return null;
  }

  function keysEntry(t: string, hits: BlobHit[], start: number, end: number, changes: CleanLine['changes']): Entry | null {
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
    const issues: EntryIssue[] = [];
    const keys: KeyOcc[] = [];
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
      const pad = (4 - (charsFor(f.hit.bytes.length) % 4)) % 4;
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
      if (parsed) {
        const prev = seen.get(b64);
        if (prev) occ.dupOf = prev;
        else seen.set(b64, occ);
      }
      keys.push(occ);
    }
    // Text before the first key: authorized_keys options, a damaged key, or something else.
    const prefix = t.slice(0, first.keyStart).trim();
    let damaged: string | null = null;
    if (prefix) {
      const o = parseOptions(prefix);
      if (o.ok) {
        (keys[0] as KeyOcc).options = prefix;
        issues.push({ code: 'options-prefix', severity: 'info', message: optionsMessage(line, o.names), i18n: optionsI18n(line, o.names), fixable: false, line });
        if (t.slice(0, first.keyStart).endsWith('  ')) multiple = true;
      } else if (/AAAA|(?:^|\s)(?:ssh|ecdsa|sk)-/.test(prefix)) {
        damaged = prefix;
        issues.push({ ...damagedPrefixIssue(line, prefix), fixable: false, line });
      } else {
        issues.push({ ...notAKeyIssue(line, prefix, true), fixable: true, line, label: 'Remove the text before the key', labelI18n: tx('fixRemoveTextBefore') });
      }
    }
    if (end > start) issues.push({ ...wrappedIssue(line, end + 1), fixable: true, line, label: 'Join the lines', labelI18n: tx('fixJoinLines') });
    const j = joinedIssue(line, keys);
    if (j) issues.push({ ...j, fixable: true, line, label: 'Put each key on its own line', labelI18n: tx('fixSplitKeys') });
    for (const k of keys) {
      const m = missingTypeIssue(line, k);
      if (m) issues.push({ ...m, fixable: true, line, label: `Add "${k.innerType}"`, labelI18n: tx('fixAddType', k.innerType) });
      const tm = typeMismatchIssue(line, k);
      if (tm) issues.push({ ...tm, fixable: true, line, label: `Use "${k.innerType}"`, labelI18n: tx('fixUseType', k.innerType) });
      if (!k.parsed) issues.push({ ...invalidBlobIssue(line, k.innerType, k.error ?? 'unreadable'), fixable: false, line });
      for (const x of [unsupportedIssue(line, k), certificateIssue(line, k), weakKeyIssue(line, k)]) if (x) issues.push({ ...x, fixable: false, line });
      const d = duplicateIssue(line, k);
      if (d) issues.push({ ...d, fixable: true, line, label: 'Remove the copy', labelI18n: tx('fixRemoveCopy') });
      if (k.parsed) occs.push(k);
    }
    const lastComment = (keys[keys.length - 1] as KeyOcc).comment;
    if (/(?:^|\s)AAAA[A-Za-z0-9+/]{12,}|(?:^|\s)AAAA[A-Za-z0-9+/]{4,}=*$/.test(lastComment)) {
      const shown = lastComment.length > 40 ? lastComment.slice(0, 39) + '…' : lastComment;
      issues.push({
        ...damagedPrefixIssue(line, lastComment),
        message: `The comment on line ${line} ("${shown}") holds what looks like another, damaged key. Copy each key again from its .pub file, one per line.`,
        i18n: tx('invalidDamagedComment', line, shown),
        fixable: false,
        line,
      });
    }
    const lastEnd = (found[found.length - 1] as (typeof found)[number]).hit.end;
    const breaking = glued || (changes.length > 0 && changes.some((ch) => ch.kind !== 'tab' && ch.at < lastEnd));
    const extras = { leading: t.charCodeAt(0) === 32, trailing: t.charCodeAt(t.length - 1) === 32, multiple, glued, cr: false };
    const ws = whitespaceMessage(line, changes, extras, breaking);
    if (ws) {
      const i18n = whitespaceI18n(line, changes, extras, breaking) ?? undefined;
      issues.push({ code: 'whitespace', severity: breaking ? 'error' : 'warning', message: ws, ...(i18n && { i18n }), fixable: true, line, label: 'Normalise spaces', labelI18n: tx('fixNormaliseSpaces') });
    }
    return {
      start,
      end,
      issues,
      rewrite: () => {
        const out: string[] = [];
        if (damaged !== null) out.push(damaged);
        for (const k of keys) {
          if (k.dupOf) continue;
          out.push(`${k.options ? `${k.options} ` : ''}${k.innerType} ${k.b64}${k.comment ? ` ${k.comment}` : ''}`);
        }
        return out;
      },
    };
  }

  function noKeyEntry(t: string, i: number): Entry {
    const line = i + 1;
    const fp = detectFingerprint(t);
    if (fp) {
      const entry: Entry = { start: i, end: i, issues: [], rewrite: () => null };
      fingerprintEntries.push({ entry, line, fp });
      return entry;
    }
    const words = t.split(' ', 16).filter(Boolean);
    let ti = -1;
    for (let w = 0; w < Math.min(words.length, 8); w++) {
      if (isTypeLike(words[w] as string, KNOWN_TYPES)) {
        ti = w;
        break;
      }
    }
    let issue: Issue | null = null;
    if (ti >= 0) issue = explainKeyData(line, words[ti] as string, words[ti + 1], KNOWN_TYPES);
    else if (words[0] && words[0].startsWith('AAAA') && words[0].length >= 12 && runEnd(words[0], 0) >= words[0].replace(/=+$/, '').length) {
      issue = explainKeyData(line, null, words[0], KNOWN_TYPES);
    }
    if (issue) return { start: i, end: i, issues: [{ ...issue, fixable: false, line }], rewrite: () => null };
    return { start: i, end: i, issues: [{ ...notAKeyIssue(line, t, false), fixable: true, line, label: 'Remove the line', labelI18n: tx('fixRemoveLine') }], rewrite: () => [] };
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
      entry.issues.push({
        ...fingerprintIssue(line, fp, match),
        fixable: match !== null,
        line,
        label: match?.kind === 'known' ? 'Replace with the key' : 'Remove the line',
        labelI18n: tx(match?.kind === 'known' ? 'fixReplaceWithKey' : 'fixRemoveLine'),
      });
      entry.rewrite = () => (inField ? [] : knownLine ? [knownLine] : null);
    }
  }
  return { field, entries, occs, crLine: field.firstCrLine };
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
      const f: Omit<DetailedFinding, 'id'> = { code: is.code, severity: is.severity, line: is.line, endLine: e.end + 1, message: is.message, fixable: is.fixable };
      if (is.i18n) f.i18n = is.i18n;
      if (is.fixable) {
        const entry = e;
        f.fix = {
          label: is.label ?? 'Fix',
          ...(is.labelI18n && { i18n: is.labelI18n }),
          apply: () => {
            const lines = entry.rewrite();
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

/** Contract API: exactly the shapes of shared/CONTRACT.md (no fix closures, no lazy extras). */
export function analyzeKeys(text: string, opts: AnalyzeOptions = {}): Analysis {
  const a = analyzeInternal(text, opts);
  if (!a) return { state: 'empty', keys: [], findings: [] };
  const findings: Finding[] = [];
  if (a.crLine >= 0) findings.push({ code: 'whitespace', severity: 'warning', line: a.crLine + 1, message: crMessage(a.crLine + 1), fixable: true });
  for (const e of a.entries) for (const is of e.issues) findings.push({ code: is.code, severity: is.severity, line: is.line, message: is.message, fixable: is.fixable });
  findings.sort((x, y) => x.line - y.line);
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
      if (!e.issues.some((is) => is.fixable)) continue;
      const lines = e.rewrite();
      if (lines) edits.push({ start: e.start, end: e.end, lines });
    }
    if (edits.length === 0 && a.crLine < 0) return cur;
    const next = applyEdits(a.field, edits, a.crLine >= 0);
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}
