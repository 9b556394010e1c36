/**
 * Flat, compact strings for text that a 1 MB junk paste makes once per line and keeps in its
 * result (finding messages) or copies right away (cleaned lines). A template or `+` makes a tree
 * of concatenations (and keeps every piece alive); `join` copies, but keeps a two-byte piece
 * two-byte and needs its number turned into a string first. These write character codes into a
 * reused array and make the string in one String.fromCharCode call: flat, and one byte per
 * character whenever the text is Latin-1 (for the young-generation GC, which copies what the
 * analysis still holds, half the bytes).
 */

/** Longest string made through CODES (longer ones are joined: rare, and fromCharCode.apply has an argument limit). */
export const FLAT_MAX = 256;
/** Reused code arrays, one per length: resizing one array would reallocate it for each string. */
const CODES: number[][] = [];

/** The reused array of `length` codes (0 < length ≤ FLAT_MAX); fill it, then call flatFrom. */
export const codes = (length: number): number[] => (CODES[length] ??= new Array<number>(length).fill(0));

/** The string of `c` (an array from codes()), as one flat string. */
export const flatFrom = (c: number[]): string => String.fromCharCode.apply(null, c);

/** Decimal digits of a non-negative integer. */
function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** `${a}${n}${b}${c}` (n a non-negative integer) as one flat string. */
export function flatConcat(a: string, n: number, b: string, c: string): string {
  const nd = digits(n);
  const len = a.length + nd + b.length + c.length;
  if (len > FLAT_MAX || len === 0) return `${a}${n}${b}${c}`;
  const out = codes(len);
  let k = 0;
  for (let i = 0; i < a.length; i++) out[k++] = a.charCodeAt(i);
  k += nd;
  for (let i = k - 1, m = n; i >= k - nd; i--, m = Math.floor(m / 10)) out[i] = 48 + (m % 10);
  for (let i = 0; i < b.length; i++) out[k++] = b.charCodeAt(i);
  for (let i = 0; i < c.length; i++) out[k++] = c.charCodeAt(i);
  return flatFrom(out);
}

