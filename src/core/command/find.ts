/**
 * Finding commands in text: the clipboard filter (only Runpod ssh/scp/sftp/rsync invocations we can
 * rewrite are ever touched) and the scan of an element's text for commands the console shows.
 */
import { connectionOfWords, parseConnection } from './connection.ts';
import { programOf } from './grammar.ts';
import { normalize, promptLength, scanWords, type Word } from './tokenize.ts';

/**
 * True for exactly one ssh/scp/sftp/rsync invocation (optional prompt, odd spaces, trailing
 * newlines) that is a Runpod connection we rewrite (connection.ts). rewriteCommand refuses every
 * text this refuses (it parses the same way).
 */
export function looksLikeSshCommand(text: string): boolean {
  if (typeof text !== 'string' || text.length > 8192) return false;
  try {
    return parseConnection(text).ok;
  } catch {
    return false;
  }
}

/** A program name as a word of its own; `g` regexes carry lastIndex, so each line gets a fresh one (startRe). */
const START = /(?:^|(?<=[^A-Za-z0-9_./\\-]))(?:ssh|scp|sftp|rsync)(?:\.exe)?(?= )/;
const startRe = (): RegExp => new RegExp(START.source, 'g');
/** A console command has about a dozen words; longer runs are not tried (keeps the scan linear). */
const MAX_WORDS = 64;
/** Shortenings tried from the end (a trailing label such as "Copy" after the command). */
const MAX_TRIES = 12;

/** Refusals about the program or destination: dropping trailing words cannot cure them. */
const FINAL = new Set([
  'cmdNotSsh',
  'cmdUri',
  'cmdNotRunpodHost',
  'cmdNotProxyUser',
  'cmdBadUser',
  'cmdSingleWordHost',
  'cmdNotHostName',
  'cmdEmptyUser',
  'cmdUserSpace',
]);

type Found = { start: number; end: number; command: string };

/** The longest prefix (≤ MAX_WORDS, at most MAX_TRIES shortenings) of words[from…] that is a connection. */
function commandAt(words: readonly Word[], from: number): Word[] | null {
  const end = Math.min(words.length, from + MAX_WORDS);
  for (let e = end, tries = 0; e > from && tries < MAX_TRIES; e--, tries++) {
    const cand = words.slice(from, e);
    const r = connectionOfWords(cand);
    if (r.ok) return cand;
    if (FINAL.has(r.i18n?.key ?? '')) return null;
  }
  return null;
}

/** A Runpod destination needs a `user@…` word or an IP literal (`-l root 1.2.3.4`); `ssh ssh …` has neither. */
const DESTINATION_LIKE = /@|^\d{1,3}(?:\.\d{1,3}){3}$|^[0-9A-Fa-f]*:[0-9A-Fa-f:.%]*$/;

/** counts[i] = how many of words[0…i) look like a destination: a window is checked in O(1). */
function destinationCounts(words: readonly Word[]): Int32Array {
  const counts = new Int32Array(words.length + 1);
  for (let i = 0; i < words.length; i++) counts[i + 1] = counts[i]! + (DESTINATION_LIKE.test(words[i]!.value) ? 1 : 0);
  return counts;
}

/**
 * One line: read words once from the first program name; try each word that names a program as a
 * command start. A stop (operator, comment, refused text) ends the words; reading resumes at the
 * next program name after it. Each character is read at most a few times (see scanWords).
 */
function findInLine(line: string): { start: number; end: number } | null {
  const re = startRe();
  re.lastIndex = promptLength(line);
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const { words, stop } = scanWords(line, m.index);
    const dests = destinationCounts(words);
    // Text we refuse (`"$(…)"`, an open quote) belongs to the command before it: no shorter one is offered.
    const tainted = stop !== null && (stop.kind === 'unsafe' || stop.kind === 'unterminated');
    for (let k = 0; k < words.length; k++) {
      if (programOf(words[k]!.value) === null || words[k]!.raw !== words[k]!.value) continue;
      if (tainted && k + MAX_WORDS >= words.length) break;
      if (dests[Math.min(words.length, k + MAX_WORDS)]! === dests[k + 1]!) continue; // no user@ or IP word ahead
      const found = commandAt(words, k);
      if (found) return { start: found[0]!.start, end: found[found.length - 1]!.end };
    }
    if (!stop) return null;
    re.lastIndex = Math.max(stop.at + 1, m.index + 1);
  }
  return null;
}

/** Curly quotes (“ssh -p 2”) are read as straight ones by parseCommand: one try per line, from its first program name. */
function curlyFallback(line: string): { start: number; end: number } | null {
  if (!/[\u2018\u201a\u201c-\u201e]/.test(line)) return null;
  const re = startRe();
  re.lastIndex = promptLength(line);
  const m = re.exec(line);
  if (!m) return null;
  const candidate = line.slice(m.index).trimEnd();
  return parseConnection(candidate).ok ? { start: m.index, end: m.index + candidate.length } : null;
}

/**
 * Commands inside `text`, one per line at most, with offsets into the ORIGINAL text (end exclusive,
 * trailing spaces excluded). Linear in the text: a line is read once, and each command start tries
 * a bounded number of words.
 */
export function findSshCommands(text: string): Found[] {
  if (typeof text !== 'string') return [];
  const found: Found[] = [];
  try {
    const { text: norm, map } = normalize(text.length > 100_000 ? text.slice(0, 100_000) : text);
    let lineStart = 0;
    for (const line of norm.split('\n')) {
      const offset = lineStart;
      lineStart += line.length + 1;
      if (line.length > 8192) continue;
      const span = findInLine(line) ?? curlyFallback(line);
      if (!span) continue;
      const s = offset + span.start;
      const e = offset + span.end;
      found.push({ start: map[s]!, end: map[e]!, command: text.slice(map[s]!, map[e]!) });
    }
  } catch {
    return found;
  }
  return found;
}
