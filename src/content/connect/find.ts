/**
 * Finds the SSH commands the console shows, by text (never by generated class names): the
 * smallest element whose whole text is one command, give or take a `$`/`#`/`>` prompt glyph and
 * whitespace (the console renders `$` as a separate element before the command; highlighted
 * commands may be split over several spans), plus read-only inputs holding a command.
 */
import { findSshCommands, looksLikeSshCommand } from './command.ts';
import { MAYBE_COMMAND } from './protocol.ts';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'SVG']);
/** Whole pages of text are never one command; bounds the walk up from a text node. */
const MAX_TEXT = 4000;
const PROMPT_ONLY = /^[\s$#>❯]*$/u;

/** The one command `element` shows, or undefined. */
export function commandOf(element: Element): string | undefined {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    const value = element.value.trim();
    return value.length <= MAX_TEXT && looksLikeSshCommand(value) ? value : undefined;
  }
  const text = element.textContent ?? '';
  if (text.length > MAX_TEXT || !MAYBE_COMMAND.test(text)) return undefined;
  // Every DOM change rescans the page: parse each element's text once, until that text changes.
  const memo = parsed.get(element);
  if (memo?.text === text) return memo.command;
  const command = singleCommand(text);
  parsed.set(element, { text, command });
  return command;
}

const parsed = new WeakMap<Element, { text: string; command: string | undefined }>();

function singleCommand(text: string): string | undefined {
  const found = findSshCommands(text);
  if (found.length !== 1) return undefined;
  const [only] = found;
  if (!only) return undefined;
  const rest = text.slice(0, only.start) + text.slice(only.end);
  return PROMPT_ONLY.test(rest) ? only.command : undefined;
}

/** Elements showing exactly one command, smallest first, skipping `isTaken` subtrees. */
export function findCommandElements(root: ParentNode, isTaken: (element: Element) => boolean): Element[] {
  const out = new Set<Element>();
  const walker = document.createTreeWalker(root instanceof Document ? root.body ?? root.documentElement : (root as Node), NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (MAYBE_COMMAND.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.parentElement;
    if (!at || at.closest('[data-rpk-host], [data-rpk], [contenteditable=""], [contenteditable=true]')) continue;
    if (SKIP.has(at.tagName.toUpperCase())) continue;
    for (; at && at !== document.body; at = at.parentElement) {
      if ((at.textContent ?? '').length > MAX_TEXT) break;
      if (commandOf(at) !== undefined) {
        if (!isTaken(at)) out.add(at);
        break;
      }
    }
  }
  for (const input of (root as Element | Document).querySelectorAll('input[readonly], textarea[readonly]')) {
    if (!isTaken(input) && commandOf(input) !== undefined) out.add(input);
  }
  return [...out];
}

/**
 * The widest box that still shows only this command (its `$` glyph and icon-only buttons
 * included): the console's command row, whose inner part often scrolls horizontally.
 */
export function commandRow(element: Element, command: string): Element {
  let row = element;
  for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
    if (commandOf(at) !== command) break;
    row = at;
  }
  return row;
}
