/**
 * Finding commands in text: the clipboard filter (only ssh/scp/sftp/rsync invocations are ever
 * touched) and the scan of an element's text for commands the console shows (`$ ssh …`).
 */
import { parseCommand } from './parse.ts';
import { normalize, promptLength } from './tokenize.ts';

/**
 * True for exactly one ssh/scp/sftp/rsync invocation (optional prompt, odd spaces, trailing
 * newlines) with a plausible destination (destination.ts): "ssh is great" is valid syntax but
 * not a command. rewriteCommand refuses every text this refuses (it parses the same way).
 */
export function looksLikeSshCommand(text: string): boolean {
  if (typeof text !== 'string' || text.length > 8192) return false;
  try {
    return parseCommand(text).ok;
  } catch {
    return false;
  }
}

const START = /(?:^|(?<=[^A-Za-z0-9_./\\-]))(?:ssh|scp|sftp|rsync)(?:\.exe)?(?= )/g;

/**
 * Commands inside `text`, one per line at most, with offsets into the ORIGINAL text (end exclusive,
 * trailing spaces excluded). The command runs from the program name to the end of its line; words
 * are dropped from the end while it does not parse (e.g. a trailing "Copy" label after an operator).
 */
export function findSshCommands(text: string): { start: number; end: number; command: string }[] {
  if (typeof text !== 'string') return [];
  const found: { start: number; end: number; command: string }[] = [];
  try {
    const { text: norm, map } = normalize(text.length > 100_000 ? text.slice(0, 100_000) : text);
    let lineStart = 0;
    for (const line of norm.split('\n')) {
      const offset = lineStart;
      lineStart += line.length + 1;
      if (line.length > 8192) continue;
      START.lastIndex = 0;
      const skip = promptLength(line);
      for (let m = START.exec(line); m; m = START.exec(line)) {
        if (m.index < skip && skip > 0 && m.index !== skip) continue;
        let candidate = line.slice(m.index).trimEnd();
        let ok = false;
        for (let tries = 0; tries < 12 && candidate.length > 0; tries++) {
          if (parseCommand(candidate).ok) {
            ok = true;
            break;
          }
          const cut = candidate.lastIndexOf(' ');
          if (cut < 0) break;
          candidate = candidate.slice(0, cut).trimEnd();
        }
        if (!ok) continue;
        const s = offset + m.index;
        const e = s + candidate.length;
        found.push({ start: map[s]!, end: map[e]!, command: text.slice(map[s]!, map[e]!) });
        break; // one command per line
      }
    }
  } catch {
    return found;
  }
  return found;
}
