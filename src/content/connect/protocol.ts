/**
 * The synchronous bridge between the page's world (main-world.iife.ts, which wraps the page's
 * clipboard calls) and this extension's isolated content script (which has the settings and the
 * command rewriter). Only strings cross: CustomEvent `detail` strings are readable from both
 * worlds, objects are not. `dispatchEvent` runs listeners synchronously, so a request/answer pair
 * completes inside the page's own `writeText` call, before its promise is even created.
 *
 *   MAIN:     listen ANSWER; dispatch REQUEST(detail = text the page copies); unlisten
 *   isolated: on REQUEST, if the text is an SSH command and a corrected one exists,
 *             dispatch ANSWER(detail = corrected command); otherwise stay silent
 *   MAIN:     use the answer, or the page's own text when there was none
 *
 * The page's world only ever sees commands (the page's and the corrected one with the key *path*);
 * never key material. This module has no imports: the MAIN-world bundle includes it.
 */
export const REQUEST_EVENT = 'rpk-connect:rewrite-request';
export const ANSWER_EVENT = 'rpk-connect:rewrite-answer';

/** Cheap pre-filter in the page's world; the isolated side decides with `looksLikeSshCommand`. */
export const MAYBE_COMMAND = /\b(?:ssh|scp|sftp|rsync)\b/;
