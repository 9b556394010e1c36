/**
 * Finds the SSH commands the console shows, by text (never by generated class names): the
 * smallest element whose whole text is one command, give or take a `$`/`#`/`>` prompt glyph and
 * whitespace (the console renders `$` as a separate element before the command; highlighted
 * commands may be split over several spans), plus read-only inputs holding a command.
 *
 * Only the console's own UI counts: the command must parse as a Runpod connection
 * (`parseConnection`), and logs, live regions and rendered READMEs are never looked at
 * (regions.ts). Cheap by construction: only text nodes under what changed are visited, an
 * element's text is read with a bound (never `textContent` of a large container), and text
 * longer than any real command is never parsed.
 */
import { findSshCommands, looksLikeSshCommand, parseConnection, rewriteCommand } from './command.ts';
import { MAYBE_COMMAND } from './protocol.ts';
import { isForeignText } from '../regions.ts';
import { MAX_TEXT, SKIP } from './candidates.ts';
/** How far up from a text node a command's element may be (spans for `$`, highlighting). */
const MAX_CLIMB = 6;
/** Text nodes an element may hold and still be one command. */
const MAX_NODES = 48;
const PROMPT_ONLY = /^[\s$#>❯]*$/u;
const OURS = '[data-rpk-host], [data-rpk], [contenteditable=""], [contenteditable=true]';
/** A key path every shell quotes: whether the command itself can be rebuilt, whatever the user's settings. */
const PROBE = { keyPath: '~/.ssh/id_ed25519', shell: 'posix', identitiesOnly: false } as const;

/** A Runpod connection we can rebuild (CONTRACT: a refused command gets no button). */
export function isRebuildable(command: string): boolean {
  return parseConnection(command).ok && rewriteCommand(command, PROBE).ok;
}

/** The element's text, or undefined once it is longer than `limit` or has too many parts. */
export function boundedText(element: Element, limit = MAX_TEXT): string | undefined {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text += (node as Text).data;
    if (text.length > limit || ++nodes > MAX_NODES) return undefined;
  }
  return text;
}

/** The one Runpod command `element` shows, or undefined. */
export function commandOf(element: Element): string | undefined {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    const value = element.value.trim();
    return value.length <= MAX_TEXT && looksLikeSshCommand(value) && isRebuildable(value) ? value : undefined;
  }
  const text = boundedText(element);
  if (text === undefined || !MAYBE_COMMAND.test(text)) return undefined;
  return singleCommand(text);
}

function singleCommand(text: string): string | undefined {
  const found = findSshCommands(text);
  if (found.length !== 1) return undefined;
  const [only] = found;
  if (!only) return undefined;
  const rest = text.slice(0, only.start) + text.slice(only.end);
  if (!PROMPT_ONLY.test(rest)) return undefined;
  return isRebuildable(only.command) ? only.command : undefined;
}

/** The command element for one text node: the smallest ancestor whose text is one command. */
function commandElementFor(node: Text, isTaken: (element: Element) => boolean): Element | undefined {
  if (node.data.length > MAX_TEXT || !MAYBE_COMMAND.test(node.data)) return undefined;
  let at = node.parentElement;
  if (!at || SKIP.has(at.tagName.toUpperCase()) || at.closest(OURS) || isForeignText(at)) return undefined;
  for (let depth = 0; at && at !== document.body && depth < MAX_CLIMB; depth++, at = at.parentElement) {
    const text = boundedText(at);
    if (text === undefined) return undefined;
    if (MAYBE_COMMAND.test(text) && singleCommand(text) !== undefined) return isTaken(at) ? undefined : at;
  }
  return undefined;
}

/** Elements under `roots` (added or changed nodes) showing exactly one command, skipping `isTaken`. */
export function findCommandElements(roots: Iterable<Node>, isTaken: (element: Element) => boolean): Element[] {
  const out = new Set<Element>();
  const visit = (text: Text): void => {
    const element = commandElementFor(text, isTaken);
    if (element) out.add(element);
  };
  for (const root of roots) {
    if (root instanceof Text) {
      visit(root);
      continue;
    }
    if (!(root instanceof Element) || SKIP.has(root.tagName.toUpperCase())) continue;
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (MAYBE_COMMAND.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Text);
    const inputs = root.matches('input[readonly], textarea[readonly]')
      ? [root]
      : root.querySelectorAll('input[readonly], textarea[readonly]');
    for (const input of inputs) {
      if (!isTaken(input) && !isForeignText(input) && commandOf(input) !== undefined) out.add(input);
    }
  }
  return [...out];
}

/**
 * The widest box that still shows only this command (its `$` glyph and icon-only buttons
 * included): the console's command row, whose inner part often scrolls horizontally.
 */
export function commandRow(element: Element, command: string): Element {
  let row = element;
  for (let at = element.parentElement, depth = 0; at && at !== document.body && depth < MAX_CLIMB; at = at.parentElement, depth++) {
    if (commandOf(at) !== command) break;
    row = at;
  }
  return row;
}
