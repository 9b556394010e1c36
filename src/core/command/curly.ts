/** Curly quotes pasted from rich text, read as the straight quotes they stand for. */

/** Curly opening quote → the closers accepted for it and the straight quote it stands for. */
const CURLY: Record<string, { close: string; straight: string }> = {
  '\u201c': { close: '\u201d\u201c', straight: '"' }, // “ … ” (or “ … “)
  '\u201e': { close: '\u201d\u201c', straight: '"' }, // „ … “ (German)
  '\u201d': { close: '\u201d', straight: '"' }, // ” … ” (some fonts / autocorrect)
  '\u2018': { close: '\u2019\u2018', straight: "'" }, // ‘ … ’
  '\u201a': { close: '\u2019\u2018', straight: "'" }, // ‚ … ‘
};

/**
 * Rich text (docs, chat, word processors) turns `"…"` and `'…'` into “…” and ‘…’. bash takes
 * those as literal characters, so `-e “ssh -p 2”` would run a program named `“ssh`. A curly
 * opening quote at the start of a word (or after `=`, as in `--rsh=“…”`) paired with a closing
 * one at the end of a word becomes the straight quote it stands for; the closer is the first one
 * followed by a space or the end, so an apostrophe inside (‘it’s’) stays literal. Text inside real
 * quotes is left alone, and a pair whose content holds the same straight quote is not touched.
 * Replacements are 1:1, so offsets stay valid. Returns null when nothing was repaired.
 */
export function repairCurlyQuotes(text: string): { text: string; at: number[] } | null {
  const out = text.split('');
  const at: number[] = [];
  const n = text.length;
  let wordStart = true;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      wordStart = true;
      i++;
      continue;
    }
    const opener = CURLY[c];
    if (opener && (wordStart || text[i - 1] === '=')) {
      let j = i + 1;
      while (j < n && !(opener.close.includes(text[j]!) && (j + 1 === n || ' \t\n'.includes(text[j + 1]!)))) j++;
      if (j < n && !text.slice(i + 1, j).includes(opener.straight)) {
        out[i] = out[j] = opener.straight;
        at.push(i, j);
        i = j + 1;
        wordStart = false;
        continue;
      }
    }
    wordStart = false;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? n : close + 1;
    } else if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '\\') i += 2;
    else i++;
  }
  return at.length ? { text: out.join(''), at } : null;
}
