/**
 * The eager half of finding commands: does a DOM batch hold text that could be an SSH command?
 * Only the cheap pre-filters of find.ts (a bounded text node or a read-only input matching
 * `MAYBE_COMMAND`), never the command core: a hit only tells index.ts to load the Connect live
 * part (live.ts), which then decides with the parser. A false hit costs one chunk load, no more.
 */
import type { DomBatch } from '../observe.ts';
import { MAYBE_COMMAND } from './protocol.ts';

/** Elements whose text is never a shown command. */
export const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'SVG']);
/** The longest text read as one command: real console commands are under 200 characters. */
export const MAX_TEXT = 1024;

const READONLY = 'input[readonly], textarea[readonly]';

function candidateText(node: Text): boolean {
  const parent = node.parentElement;
  return node.data.length <= MAX_TEXT && MAYBE_COMMAND.test(node.data) && !(parent && SKIP.has(parent.tagName.toUpperCase()));
}

function candidateIn(root: Node): boolean {
  if (root instanceof Text) return candidateText(root);
  if (!(root instanceof Element) || SKIP.has(root.tagName.toUpperCase())) return false;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (candidateText(node as Text) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  if (walker.nextNode()) return true;
  const inputs = root.matches(READONLY) ? [root] : root.querySelectorAll(READONLY);
  for (const input of inputs) {
    if ((input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) && MAYBE_COMMAND.test(input.value)) return true;
  }
  return false;
}

/** Whether anything the batch added or changed may show an SSH command. */
export function hasCandidate(batch: DomBatch): boolean {
  return batch.added.some(candidateIn) || batch.texts.some(candidateText);
}
