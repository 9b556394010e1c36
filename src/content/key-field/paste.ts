/**
 * Paste into a key field, decided before the page sees it (capture phase on window, registered at
 * document_start): private keys are stopped outright; fixable pastes are fixed with an undo.
 * The private text lives only in the closure that derives its public key, then is dropped.
 */
import type { FindingCode } from '../../core/types.ts';
import { analyze, loadAdapter, mayNeedAdapter } from './analysis.ts';
import { looksPrivate } from './private-text.ts';

/** Problems a paste carries by accident (copying from a terminal, a PDF, a chat). */
const AUTO_FIX: ReadonlySet<FindingCode> = new Set(['whitespace', 'wrapped', 'joined', 'missing-type', 'foreign-format', 'type-mismatch']);

export interface PasteFix {
  text: string;
  labels: string[];
}

/** Applies the auto-fixable fixes to the pasted text alone; undefined when nothing to fix. */
export function autoFixPaste(pasted: string): PasteFix | undefined {
  let text = pasted;
  const labels: string[] = [];
  for (let round = 0; round < 20; round++) {
    const finding = analyze(text).findings.find((f) => AUTO_FIX.has(f.code) && f.fix);
    if (!finding?.fix) break;
    const next = finding.fix.apply();
    if (next === text) break;
    labels.push(finding.fix.label);
    text = next;
  }
  return labels.length ? { text, labels } : undefined;
}

export function needsAdapterFirst(pasted: string): boolean {
  return mayNeedAdapter(pasted);
}

export const PRIVATE_MESSAGE =
  'This paste was blocked: it is a PRIVATE key, and it never reached the page or the field. Only the public key (the .pub file) belongs here.';
const BLOCKED = 'This paste was blocked and never reached the page or the field.';

/** Core's sentence, with line numbers that refer to the pasted text (not the field) dropped. */
function restate(message: string): string {
  return `${BLOCKED} ${message.replace(/^Lines? \S+ (?:is|are) /, 'It is ')}`;
}

/**
 * Derives the public key line(s) from a blocked private paste, when possible without a
 * passphrase. Resolves to the text to insert and the sentence to show.
 */
export async function derivePublic(pasted: string): Promise<{ insert?: string; message: string }> {
  if (mayNeedAdapter(pasted)) await loadAdapter();
  let text = pasted;
  let message = '';
  for (let round = 0; round < 10; round++) {
    const finding = analyze(text).findings.find((f) => f.code === 'private-key');
    if (!finding) break;
    message ||= finding.message;
    if (!finding.fix) {
      message = finding.message;
      break;
    }
    const next = finding.fix.apply();
    if (next === text) break;
    text = next;
  }
  const insert = text.trim();
  if (insert && insert !== pasted.trim() && !looksPrivate(insert)) {
    return { insert, message: message ? restate(message) : PRIVATE_MESSAGE };
  }
  return { message: message ? restate(message) : `${PRIVATE_MESSAGE} Run ssh-keygen -y -f <private key file> and paste what it prints.` };
}
