/**
 * Analysis of the whole SSH key field (shared/CONTRACT.md "Key field validator" and "Core API"),
 * as passes over the LF-normalised lines (lines.ts):
 * 1. classify each entry: an armored block or PuTTY file (formats/findBlocks), a blank line, a line
 *    with complete key blobs (diagnostics/scan), continued over the following lines when its key is
 *    wrapped (diagnostics/wrapped), or a line without a key;
 * 2. run the diagnostics on it (analysis/key-entry.ts, analysis/other-entry.ts; each diagnostic in
 *    its own module under diagnostics/);
 * 3. resolve what needs every key of the field (analysis/resolve.ts);
 * 4. assemble the result. Each entry knows its one canonical rewrite (analysis/entry.ts); each
 *    fixable finding applies its entry's rewrite lazily, and fixAll applies all of them, repeating
 *    until nothing fixable is left.
 * Findings are data (catalogue key + params): the content script formats them in the UI language
 * and never bundles the catalogue; analyze.ts gives the contract's English sentences.
 */
import type { AnalyzeOptions, FieldState, FindingData, I18nText, KeyInfo } from '../types.ts';
import { SshParseError } from '../errors.ts';
import { fingerprintMd5 } from './fingerprint.ts';
import { randomart } from './randomart.ts';
import { findBlocks, type Block } from './formats/index.ts';
import { applyEdits, splitLines, type FieldLines, type LineEdit, type Lines } from './lines.ts';
import { cleanLineText, crIssue, whitespaceOnlyIssue } from './diagnostics/whitespace.ts';
import { findBlobs } from './diagnostics/scan.ts';
import { tx, type Issue, type KeyOcc } from './diagnostics/model.ts';
import { blockIssue } from './diagnostics/blocks.ts';
import { mayWrap, tryUnwrap } from './diagnostics/wrapped.ts';
import { fixLabel, lineEntry, rewrite, type Entry, type EntryIssue } from './analysis/entry.ts';
import { keysEntry, type KeyContext } from './analysis/key-entry.ts';
import { otherEntry, type FingerprintEntry } from './analysis/other-entry.ts';
import { resolveBroken, resolveFingerprints, sha256Of } from './analysis/resolve.ts';

export interface DetailedKey extends KeyInfo {
  md5: string;
  randomart: string;
  /** 1-based, inclusive (> line for a wrapped key). */
  endLine: number;
  options?: string;
  certificate: boolean;
  label: string;
}

export interface DetailedFinding extends FindingData {
  /** Stable within one analysis: `${code}:${line}:${n}`. */
  id: string;
  /** 1-based, inclusive. */
  endLine: number;
  fix?: FieldFix;
}

/** A finding's fix: its label (a `_locales` reference) and, computed on demand, the whole field after it. */
export class FieldFix {
  constructor(
    readonly label: I18nText,
    private readonly field: FieldLines,
    private readonly edit: { start: number; end: number; entry: Entry } | null,
  ) {}
  apply(): string {
    if (!this.edit) return applyEdits(this.field, [], true);
    const { start, end, entry } = this.edit;
    const lines = rewrite(entry);
    return lines ? applyEdits(this.field, [{ start, end, lines }]) : this.field.text;
  }
}

export interface DetailedAnalysis {
  state: FieldState;
  keys: DetailedKey[];
  findings: DetailedFinding[];
}

export interface Internal {
  field: FieldLines;
  entries: Entry[];
  occs: KeyOcc[];
}

/** The field's blocks; a block that cannot be told apart is left to the line passes. */
function blocksByLine(lines: Lines, opts: AnalyzeOptions): Map<number, Block> {
  const at = new Map<number, Block>();
  try {
    for (const b of findBlocks(lines, opts.foreign)) at.set(b.startLine, b);
  } catch (e) {
    if (!(e instanceof SshParseError)) throw e;
  }
  return at;
}

const blockEntry = (i: number, b: Block): Entry => ({
  ...lineEntry(
    i,
    blockIssue(i + 1, b),
    b.publicLine !== undefined ? 'replaceWithPublicKey' : null,
    b.publicLine !== undefined ? [b.publicLine] : null,
  ),
  end: b.endLine,
});

/** True when no line has anything but whitespace and invisible characters. */
function blank(lines: Lines, cleanAt: (i: number) => string): boolean {
  for (let i = 0; i < lines.length; i++) if (cleanAt(i).trim() !== '') return false;
  return true;
}

/** Passes 1-3: every entry of the field, and its keys; null for a field without content. */
export function analyzeInternal(text: string, opts: AnalyzeOptions): Internal | null {
  const lines = splitLines(text);
  // Lines are made when read (lines.ts); cleaning one again is cheaper than keeping them all.
  const cleanAt = (i: number): string => cleanLineText(lines.at(i) as string);
  if (blank(lines, cleanAt)) return null;
  const blockAt = blocksByLine(lines, opts);
  const ctx: KeyContext = { raw: lines, seen: new Map(), occs: [], broken: [] };
  const entries: Entry[] = [];
  const fingerprints: FingerprintEntry[] = [];
  // tryUnwrap gathers each line at most once: after a failed attempt, lines up to here are not retried.
  let noWrapThrough = -1;
  for (let i = 0; i < lines.length; i++) {
    const block = blockAt.get(i);
    if (block) {
      entries.push(blockEntry(i, block));
      i = block.endLine;
      continue;
    }
    const t = cleanAt(i);
    const trimmed = t.trim();
    if (trimmed === '') {
      if (lines.at(i) !== '') entries.push(lineEntry(i, whitespaceOnlyIssue(i + 1), 'emptyLine', ['']));
      continue;
    }
    const hits = findBlobs(t);
    if (i > noWrapThrough && i + 1 < lines.length && mayWrap(t, hits)) {
      const r = tryUnwrap(cleanAt, lines, i, t, hits);
      const e = r.ok ? keysEntry(ctx, r.text, r.hits ?? findBlobs(r.text), i, r.endLine) : null;
      if (r.ok && e) {
        entries.push(e);
        i = r.endLine;
        continue;
      }
      if (!r.ok) noWrapThrough = r.gatheredThrough;
    }
    const e = hits.length ? keysEntry(ctx, t, hits, i, i) : null;
    if (e) entries.push(e);
    else {
      const o = otherEntry(trimmed, i);
      entries.push(o.entry);
      if (o.fingerprint) fingerprints.push(o.fingerprint);
    }
  }
  resolveBroken(ctx);
  resolveFingerprints(fingerprints, ctx.occs, opts.knownKeys ?? []);
  return { field: lines, entries, occs: ctx.occs };
}

export function worst(findings: readonly { severity: string }[]): FieldState {
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
    if (this.#md5 === undefined) this.#md5 = fingerprintMd5(this.#occ.bytes);
    return this.#md5;
  }
  get randomart(): string {
    if (this.#art === undefined) this.#art = randomart(this.#occ.bytes, this.#occ.parsed!);
    return this.#art;
  }
  toJSON(): object {
    return { ...this, md5: this.md5, randomart: this.randomart };
  }
}
/** A finding without its id: an issue where it is, with its fix. */
const finding = (is: Issue, line: number, endLine: number, fix: FieldFix | undefined): Omit<DetailedFinding, 'id'> => ({
  code: is.code,
  severity: is.severity,
  line,
  key: is.key,
  params: is.params,
  fixable: fix !== undefined,
  endLine,
  fix,
});

/** The CR-line-endings finding (whole field). */
function crFinding(field: FieldLines): Omit<DetailedFinding, 'id'> {
  const line = field.firstCrLine + 1;
  return finding(crIssue(line), line, line, new FieldFix(tx('fixPlainNewlines'), field, null));
}

/** Findings in line order (stable: field order within a line; almost always already sorted). */
export function byLine<T extends { line: number }>(items: T[]): T[] {
  for (let k = 1; k < items.length; k++) if (items[k]!.line < items[k - 1]!.line) return items.sort((x, y) => x.line - y.line);
  return items;
}

/** An issue as a detailed finding, its fix applied lazily to the whole field. */
function detailedFinding(field: FieldLines, e: Entry, is: EntryIssue): Omit<DetailedFinding, 'id'> {
  const fix = is.fix === null ? undefined : new FieldFix(fixLabel(is), field, { start: e.start, end: e.end, entry: e });
  return finding(is.issue, is.line, e.end + 1, fix);
}

/** Findings with ids, `${code}:${line}:${n}`. */
function withIds(fs: readonly Omit<DetailedFinding, 'id'>[]): DetailedFinding[] {
  const counts = new Map<string, number>();
  return fs.map((f) => {
    const base = `${f.code}:${f.line}`;
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    return { id: `${base}:${n}`, ...f };
  });
}

/** The analysis with everything the UI shows: findings as data with their fixes, md5 and randomart. */
export function analyzeDetailed(text: string, opts: AnalyzeOptions = {}): DetailedAnalysis {
  const a = analyzeInternal(text, opts);
  if (!a) return { state: 'empty', keys: [], findings: [] };
  const found: Omit<DetailedFinding, 'id'>[] = [];
  for (const e of a.entries) for (const is of e.issues) found.push(detailedFinding(a.field, e, is));
  byLine(found);
  // The CR-endings finding is about the whole field: it comes first.
  if (a.field.firstCrLine >= 0) found.unshift(crFinding(a.field));
  const findings = withIds(found);
  const keys: DetailedKey[] = a.occs.filter((k) => k.parsed?.supported).map((k) => new Key(k));
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
    const cr = a.field.firstCrLine >= 0;
    if (edits.length === 0 && !cr) return cur;
    const next = applyEdits(a.field, edits, cr);
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}
