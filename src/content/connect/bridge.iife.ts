/**
 * Classic content script in the isolated world at document_start (before any page script): the
 * isolated half of the private channel's introduction (protocol.ts). Keeps the node on the
 * isolated world's global for connect/index.ts, which loads later.
 */
import { ACK_EVENT, BRIDGE_KEY, CALL_EVENT, HELLO_EVENT, type IsolatedBridge } from './protocol.ts';

(() => {
  const host = globalThis as unknown as Record<string, IsolatedBridge | undefined>;
  if (host[BRIDGE_KEY]) return;
  const bridge: IsolatedBridge = { node: undefined, onNode: undefined };
  host[BRIDGE_KEY] = bridge;
  const onHello = (event: Event): void => {
    const node = event.target;
    // Only the first introduction counts, and only a node that is not the document itself.
    if (bridge.node || !(node instanceof Element) || node === document.documentElement) return;
    event.stopImmediatePropagation();
    bridge.node = node;
    document.removeEventListener(HELLO_EVENT, onHello, true);
    node.dispatchEvent(new Event(ACK_EVENT));
    bridge.onNode?.(node);
  };
  document.addEventListener(HELLO_EVENT, onHello, true);
  // The MAIN half may already be waiting: ask it to introduce itself.
  document.dispatchEvent(new Event(CALL_EVENT));
})();
