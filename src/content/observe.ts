/**
 * One shared MutationObserver for every feature, driven by the mutation records alone: a feature
 * sees only what changed (added subtrees, text nodes whose data changed, elements whose watched
 * attributes changed), never the whole document again. Batches run at most once per animation
 * frame (a timeout backs rAF up in background tabs).
 *
 * Live log regions are skipped at the source, before any feature looks: `role=log`, `aria-live`
 * regions, the inspector's Logs tab panel, and any container that keeps streaming new children.
 * A console page streaming container logs therefore costs one `closest()` per changed parent.
 */
import { safely } from './safe.ts';
import { isLogRegion, StreamTracker } from './regions.ts';

/** What changed since the last batch; every node is connected and outside log regions. */
export interface DomBatch {
  /** Added nodes (elements and text), plus the whole body on the first batch. */
  readonly added: readonly Node[];
  /** Text nodes whose data changed. */
  readonly texts: readonly Text[];
  /** Elements whose watched attributes changed. */
  readonly attributes: readonly Element[];
  /** Some node left the DOM (features re-check what they attached to). */
  readonly removed: boolean;
}

type Listener = (batch: DomBatch) => void;

/** Attributes that can make an element a key field or reveal one. */
export const WATCHED_ATTRIBUTES = [
  'aria-label',
  'placeholder',
  'aria-labelledby',
  'id',
  'hidden',
  'aria-hidden',
  'class',
  'style',
  'readonly',
];

interface Hub {
  listeners: Set<Listener>;
  records: MutationRecord[];
  scheduled: boolean;
}

/**
 * The observer and its subscribers for one content-script lifetime. Created by `createDomHub`
 * (content/index.ts) and handed to features: no module-level state.
 */
export interface DomHub {
  /** Calls `listener` with the whole document once, then with every batch, until `signal` aborts. */
  subscribe(label: string, listener: Listener, signal: AbortSignal): void;
}

export function createDomHub(signal: AbortSignal, beforeBatch: () => boolean = () => true): DomHub {
  const hub: Hub = { listeners: new Set(), records: [], scheduled: false };
  const streams = new StreamTracker();
  const flush = (): void => {
    if (!hub.scheduled) return;
    hub.scheduled = false;
    const records = hub.records.splice(0);
    if (signal.aborted || !beforeBatch()) return;
    const batch = toBatch(records, streams);
    if (!batch.added.length && !batch.texts.length && !batch.attributes.length && !batch.removed) return;
    for (const listener of [...hub.listeners]) listener(batch);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) hub.records.push(record);
    if (hub.scheduled) return;
    hub.scheduled = true;
    // rAF does not fire in hidden tabs: the timeout always backs it up.
    const timer = setTimeout(flush, 50);
    if (document.visibilityState === 'visible')
      requestAnimationFrame(() => {
        clearTimeout(timer);
        flush();
      });
  });
  const start = (): void => {
    if (signal.aborted) return;
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      hub.listeners.clear();
    },
    { once: true },
  );

  return {
    subscribe(label, listener, featureSignal) {
      const wrapped = safely(label, listener) as Listener;
      hub.listeners.add(wrapped);
      featureSignal.addEventListener('abort', () => hub.listeners.delete(wrapped), { once: true });
      const initial = (): void => {
        if (featureSignal.aborted || signal.aborted) return;
        const root = document.body ?? document.documentElement;
        if (root) wrapped({ added: [root], texts: [], attributes: [], removed: false });
      };
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initial, { once: true, signal: featureSignal });
      else initial();
    },
  };
}

/** Records → a batch of distinct, connected nodes outside log regions. */
function toBatch(records: readonly MutationRecord[], streams: StreamTracker): DomBatch {
  const added = new Set<Node>();
  const texts = new Set<Text>();
  const attributes = new Set<Element>();
  let removed = false;
  // One region test per distinct parent, however many records it has.
  const skipped = new Map<Node, boolean>();
  const skip = (node: Node): boolean => {
    let hit = skipped.get(node);
    if (hit === undefined) {
      hit = isLogRegion(node) || streams.isStreaming(node);
      skipped.set(node, hit);
    }
    return hit;
  };
  for (const record of records) {
    const { target } = record;
    if (record.type === 'childList') {
      if (record.removedNodes.length) removed = true;
      if (!record.addedNodes.length) continue;
      streams.note(target, record.addedNodes.length);
      if (skip(target)) continue;
      for (const node of record.addedNodes) if (node.isConnected) added.add(node);
    } else if (record.type === 'characterData') {
      const parent = target.parentNode;
      if (parent && target.isConnected && !skip(parent)) texts.add(target as Text);
    } else if (target instanceof Element && target.isConnected && !skip(target)) {
      attributes.add(target);
    }
  }
  streams.endBatch();
  return { added: dropNested(added), texts: [...texts], attributes: [...attributes], removed };
}

/** Added nodes whose ancestor was added in the same batch are already covered by it. */
function dropNested(nodes: Set<Node>): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    let covered = false;
    for (let at = node.parentNode; at && !covered; at = at.parentNode) covered = nodes.has(at);
    if (!covered) out.push(node);
  }
  return out;
}
