/**
 * The line model of the key field. Analysis works on LF-normalised lines (CRLF and lone CR count as
 * one line break each, as a textarea shows them); each line remembers its original terminator so a
 * single fix can rewrite a few lines and leave every other byte of the field exactly as it was.
 * Lines are offsets into the text, sliced out when read: a string per line kept for the whole
 * analysis is what made a 1 MB paste of short lines cost more than ten times a 100 KB one.
 */

/** Read-only lines: an array, or a view that makes each line when it is read. */
export interface Lines extends Iterable<string> {
  readonly length: number;
  at(i: number): string | undefined;
}

/** Occurrences of `ch` in `text`. */
function count(text: string, ch: string): number {
  let k = 0;
  for (let p = text.indexOf(ch); p >= 0; p = text.indexOf(ch, p + 1)) k++;
  return k;
}

export class FieldLines implements Lines {
  readonly length: number;
  /** 0-based index of the first line that ends in CR or CRLF, or -1. */
  readonly firstCrLine: number;
  /** Line i is text[starts[i], ends[i]); its terminator runs to starts[i + 1]. */
  readonly #starts: Uint32Array;
  readonly #ends: Uint32Array;

  constructor(readonly text: string) {
    const max = count(text, '\n') + count(text, '\r') + 1;
    const starts = new Uint32Array(max + 1);
    const ends = new Uint32Array(max);
    let k = 0;
    let firstCr = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      ends[k] = i;
      if (c === 13 && firstCr < 0) firstCr = k;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts[++k] = i + 1;
    }
    ends[k] = text.length;
    starts[k + 1] = text.length;
    this.length = k + 1;
    this.firstCrLine = firstCr;
    this.#starts = starts;
    this.#ends = ends;
  }

  /** Line i (0 ≤ i < length) without its terminator. */
  at(i: number): string | undefined {
    return i >= 0 && i < this.length ? this.text.slice(this.#starts[i], this.#ends[i]) : undefined;
  }

  /** The terminator after line i: '\n', '\r\n', '\r' or '' (last line). */
  eol(i: number): string {
    return this.text.slice(this.#ends[i], this.#starts[i + 1]);
  }

  /** Lines from..to-1 with their terminators, as typed or (`lf`) with LF terminators. */
  span(from: number, to: number, lf = false): string {
    const s = this.text.slice(this.#starts[from], this.#starts[to]);
    return lf ? s.replace(/\r\n?/g, '\n') : s;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i) as string;
  }
}

export const splitLines = (text: string): FieldLines => new FieldLines(text);

/** Lines from..from+length-1 of `lines`, each passed through `map`, made when read. */
export function lineView(lines: Lines, from: number, length: number, map: (line: string) => string = (l) => l): Lines {
  const at = (i: number): string | undefined => (i >= 0 && i < length ? map(lines.at(from + i) as string) : undefined);
  return {
    length,
    at,
    *[Symbol.iterator]() {
      for (let i = 0; i < length; i++) yield at(i) as string;
    },
  };
}

/** A replacement of lines `start..end` (0-based, inclusive) by `lines` (none = delete them). */
export interface LineEdit {
  start: number;
  end: number;
  lines: readonly string[];
}

/**
 * Applies non-overlapping edits (sorted or not) and returns the whole new text. Untouched lines keep
 * their own terminators unless `lf`; replaced lines end with the terminator of the last line they
 * replace. Deleting the final lines also drops the terminator before them, so no stray trailing
 * newline appears.
 */
export function applyEdits(field: FieldLines, edits: readonly LineEdit[], lf = false): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let i = 0;
  for (const e of sorted) {
    if (e.start < i) continue; // overlapping: the caller's next round handles it
    out += field.span(i, e.start, lf);
    if (e.lines.length > 0) out += e.lines.join('\n') + (lf && e.end < field.length - 1 ? '\n' : field.eol(e.end));
    else if (e.end === field.length - 1) out = out.replace(/(?:\r\n|\r|\n)$/, ''); // deleting the tail
    i = e.end + 1;
  }
  return out + field.span(i, field.length, lf);
}
