/**
 * `wrapped`: one key broken over several lines by a terminal, an editor or an e-mail client. The
 * continuation lines are pure base64; we append them one by one (decoding incrementally) until the
 * blob's own length fields say it is complete (blobLength), so the join is exact and the work is
 * linear: every line is gathered by at most one attempt.
 */
import { blobLength } from '../blob.ts';
import { tx, type Issue } from './model.ts';
import { decodeRun, runEnd } from './scan.ts';

/** Longest base64 we gather for one key: far above any real key or certificate. */
const MAX_CHARS = 65536;

class Base64Accumulator {
  private s = '';
  // Grown on demand: most attempts (hostile input: every line) gather only one short run.
  private buf = new Uint8Array(0);
  private n = 0;
  private done = 0;
  get length(): number {
    return this.s.length;
  }
  push(chunk: string): void {
    this.s += chunk;
    const full = this.s.length & ~3;
    if (full <= this.done) return;
    const d = decodeRun(this.s, this.done, full);
    this.reserve(this.n + d.length + 3);
    this.buf.set(d, this.n);
    this.n += d.length;
    this.done = full;
  }
  /** Everything decoded so far, including the bytes of a trailing partial quad. */
  bytes(): Uint8Array {
    const tail = decodeRun(this.s, this.done, this.s.length);
    this.reserve(this.n + tail.length);
    this.buf.set(tail, this.n);
    return this.buf.subarray(0, this.n + tail.length);
  }
  private reserve(size: number): void {
    if (size <= this.buf.length) return;
    const b = new Uint8Array(Math.max(size, this.buf.length * 2, 256));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
}

export type UnwrapResult = { ok: true; endLine: number; text: string } | { ok: false; gatheredThrough: number };

/**
 * Tries to continue the key that starts at the end of line `start`.
 * `first` is that line (cleaned); `tail` the column where its incomplete base64 starts, or -1 when
 * the line ends with a lone type word and the base64 should start on the next line.
 */
export function tryUnwrap(clean: (i: number) => string, lineCount: number, start: number, first: string, tail: number): UnwrapResult {
  const acc = new Base64Accumulator();
  const typeOnly = tail < 0;
  if (!typeOnly) acc.push(first.slice(tail).trimEnd());
  let gathered = start;
  for (let j = start + 1; j < lineCount && acc.length < MAX_CHARS; j++) {
    const t = clean(j).trim();
    if (t === '' || (typeOnly && j === start + 1 && !t.startsWith('AAAA'))) break;
    const r = runEnd(t, 0);
    let pure = r === t.length;
    if (!pure && t.charCodeAt(r) === 61) pure = /^=+$/.test(t.slice(r));
    const continues = pure || (r > 0 && t.charCodeAt(r) === 32);
    if (!continues) break;
    acc.push(t.slice(0, r));
    if (pure) gathered = j;
    if (blobLength(acc.bytes()) !== null) {
      const parts = [first.trimEnd(), typeOnly ? ' ' : ''];
      for (let m = start + 1; m < j; m++) parts.push(clean(m).trim());
      parts.push(clean(j).trimStart());
      return { ok: true, endLine: j, text: parts.join('') };
    }
    if (!pure) break;
  }
  return { ok: false, gatheredThrough: gathered };
}

export function wrappedIssue(line: number, endLine: number): Issue {
  return {
    code: 'wrapped',
    severity: 'error',
    message: `The key on lines ${line}–${endLine} is broken across ${endLine - line + 1} lines; SSH needs each key on one line. Fix joins them back together.`,
    i18n: tx('findingWrapped', line, endLine, endLine - line + 1),
  };
}
