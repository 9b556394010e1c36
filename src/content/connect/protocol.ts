/**
 * The private, synchronous channel between the page's world (main-world.iife.ts, which wraps the
 * page's clipboard calls) and this extension's isolated content script (settings + rewriter).
 *
 * Private: both halves run at document_start, before any script of the page. The MAIN half
 * creates a node the page never gets, attaches it just long enough to dispatch HELLO (which the
 * isolated half, listening on `document`, catches to keep the node), then detaches it. Requests
 * and answers are then dispatched on that detached node: an event there reaches only listeners on
 * the node itself, and only our two halves hold it. Whichever half runs second triggers the
 * introduction (the isolated half dispatches CALL); once the isolated half ACKs, the MAIN half
 * ignores further CALLs, so a page script cannot get the node introduced to it later.
 *
 *   MAIN:     listen ANSWER on node; dispatch REQUEST(detail = text the page copies) on node
 *   isolated: answers only during a user-activated copy (navigator.userActivation) or a trusted
 *             copy event, and only with a command it built; otherwise stays silent
 *   MAIN:     uses the answer, or the page's own text when there was none
 *
 * Only strings cross (CustomEvent `detail` strings are readable from both worlds). This module has
 * no imports: the MAIN-world bundle includes it.
 */
export const HELLO_EVENT = 'rpk-connect:hello';
export const ACK_EVENT = 'rpk-connect:ack';
export const CALL_EVENT = 'rpk-connect:call';
export const REQUEST_EVENT = 'rpk-connect:rewrite-request';
export const ANSWER_EVENT = 'rpk-connect:rewrite-answer';

/** Where the isolated half keeps the node (the isolated world's own global; the page never sees it). */
export const BRIDGE_KEY = '__runpodSshHelperConnectBridge';

export interface IsolatedBridge {
  /** The private node, once introduced. */
  node: EventTarget | undefined;
  /** Called once the node is known (for a listener registered before the introduction). */
  onNode: ((node: EventTarget) => void) | undefined;
}

/** Cheap pre-filter in the page's world; the isolated side decides with `parseConnection`. */
export const MAYBE_COMMAND = /\b(?:ssh|scp|sftp|rsync)\b/;
