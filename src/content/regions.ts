/**
 * Parts of the console that are not the console's own UI text and change all the time: container
 * logs and other live regions. Nothing there is ever scanned: their text is third-party (a log
 * line that looks like an ssh command is not the console vouching for it) and it streams.
 */

/** ARIA live regions and logs (WAI-ARIA 1.2 §5.3.3 "log", aria-live), by role, never by class. */
const LIVE = '[role=log], [role=marquee], [role=timer], [aria-live=polite], [aria-live=assertive], [aria-busy=true]';
/** Third-party text the console renders: container logs and template READMEs (rendered markdown). */
const FOREIGN_TAB = /^\s*(?:(?:container|system|build|pod|worker)\s+)?logs?\b|\breadme\b/i;

/** The tab panel's name (its `aria-labelledby` tab), or ''. */
function tabName(panel: Element): string {
  const ids = panel.getAttribute('aria-labelledby');
  if (!ids) return panel.getAttribute('aria-label') ?? '';
  const doc = panel.ownerDocument;
  return ids
    .split(/\s+/)
    .map((id) => doc.getElementById(id)?.textContent ?? '')
    .join(' ')
    .slice(0, 200);
}

/** Is `node` inside a log, a live region, or a Logs / Template Readme tab panel? */
export function isLogRegion(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  if (!element) return false;
  if (element.closest(LIVE)) return true;
  // Tab panels nest (endpoint tabs → worker pane tabs): every enclosing one counts.
  for (let panel = element.closest('[role=tabpanel]'); panel; panel = panel.parentElement?.closest('[role=tabpanel]') ?? null) {
    if (FOREIGN_TAB.test(tabName(panel))) return true;
  }
  return false;
}

/**
 * Is `element` third-party text the console renders (a log, a live region, the Logs or Template
 * Readme tab)? Not decided by markup such as `article` or `pre`: the console's own Connect pane
 * could use those too, and a command without its button is the worse mistake (a button is only
 * ever offered for a command we rebuild from parsed facts).
 */
export function isForeignText(element: Element): boolean {
  return isLogRegion(element);
}

/**
 * Containers that keep receiving children batch after batch (a log tail without roles): after
 * STREAMING_BATCHES batches that added children to the same parent, and STREAMING_NODES nodes
 * in all, it is a stream and skipped from then on. One tracker per content-script lifetime.
 */
const STREAMING_BATCHES = 8;
const STREAMING_NODES = 40;

export class StreamTracker {
  readonly #counts = new WeakMap<Node, { batches: number; nodes: number }>();
  readonly #streams = new WeakSet<Node>();
  #thisBatch = new Set<Node>();

  note(parent: Node, nodes: number): void {
    let count = this.#counts.get(parent);
    if (!count) {
      count = { batches: 0, nodes: 0 };
      this.#counts.set(parent, count);
    }
    count.nodes += nodes;
    if (!this.#thisBatch.has(parent)) {
      this.#thisBatch.add(parent);
      count.batches += 1;
    }
    if (count.batches >= STREAMING_BATCHES && count.nodes >= STREAMING_NODES) this.#streams.add(parent);
  }

  endBatch(): void {
    this.#thisBatch = new Set();
  }

  /** Is `node` a stream, or inside one? */
  isStreaming(node: Node): boolean {
    for (let at: Node | null = node; at; at = at.parentNode) if (this.#streams.has(at)) return true;
    return false;
  }
}
