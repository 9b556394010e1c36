/**
 * The line model of the key field. Analysis works on LF-normalised lines (CRLF and lone CR count as
 * one line break each, as a textarea shows them); each line remembers its original terminator so a
 * single fix can rewrite a few lines and leave every other byte of the field exactly as it was.
 */

export interface FieldLines {
  /** Line contents without their terminators. */
  readonly lines: readonly string[];
  /** The terminator that followed each line: '\n', '\r\n', '\r' or '' (last line). */
  readonly eols: readonly string[];
  /** 0-based index of the first line that ends in CR or CRLF, or -1. */
  readonly firstCrLine: number;
}

/** Occurrences of `ch` in `text`. */
function count(text: string, ch: string): number {
  let k = 0;
  for (let p = text.indexOf(ch); p >= 0; p = text.indexOf(ch, p + 1)) k++;
  return k;
}

export function splitLines(text: string): FieldLines {
  // Sized once (CR LF counts twice, then the extra length is cut): growing by push would copy a
  // 1 MB paste's tens of thousands of lines several times over, every analysis.
  const max = count(text, '\n') + count(text, '\r') + 1;
  const lines = new Array<string>(max);
  const eols = new Array<string>(max);
  let k = 0;
  let firstCrLine = -1;
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines[k] = text.slice(start, i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        eols[k] = '\r\n';
        i++;
      } else eols[k] = c === 13 ? '\r' : '\n';
      if (c === 13 && firstCrLine < 0) firstCrLine = k;
      k++;
      start = i + 1;
    }
  }
  lines[k] = text.slice(start);
  eols[k] = '';
  lines.length = eols.length = k + 1;
  return { lines, eols, firstCrLine };
}

/** A replacement of lines `start..end` (0-based, inclusive) by `lines` (none = delete them). */
export interface LineEdit {
  start: number;
  end: number;
  lines: readonly string[];
}

/**
 * Applies non-overlapping edits (sorted or not) and returns the whole new text. Untouched lines keep
 * their own terminators unless `normaliseEols`; replaced lines end with the terminator of the last
 * line they replace. Deleting the final lines also drops the terminator before them, so no stray
 * trailing newline appears.
 */
export function applyEdits(field: FieldLines, edits: readonly LineEdit[], normaliseEols = false): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const { lines, eols } = field;
  const eol = (i: number): string => (normaliseEols && eols[i] ? '\n' : (eols[i] as string));
  let i = 0;
  for (const e of sorted) {
    if (e.start < i) continue; // overlapping: the caller's next round handles it
    for (; i < e.start; i++) parts.push(lines[i] as string, eol(i));
    if (e.lines.length > 0) {
      parts.push(e.lines.join('\n'), eol(e.end));
    } else if (e.end === lines.length - 1 && parts.length > 0) {
      parts[parts.length - 1] = ''; // deleting the tail: drop the break before it
    }
    i = e.end + 1;
  }
  for (; i < lines.length; i++) parts.push(lines[i] as string, eol(i));
  return parts.join('');
}
