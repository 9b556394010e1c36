/**
 * Paste into a key field, decided before the page sees it (capture phase on window, registered at
 * document_start): private keys are stopped outright; fixable pastes are fixed with an undo.
 * The private text lives only in the closure that derives its public key, then is dropped.
 */
import { t, tText } from '../../shared/i18n.ts';
import type { FindingCode, FindingData } from '../../core/types.ts';
import { analyze, loadAdapter, mayNeedAdapter } from './analysis.ts';
import { looksPrivate } from '../../shared/private-text.ts';

/** Problems a paste carries by accident (copying from a terminal, a PDF, a chat). */
const AUTO_FIX: ReadonlySet<FindingCode> = new Set(['whitespace', 'wrapped', 'joined', 'missing-type', 'foreign-format', 'type-mismatch']);

export interface PasteFix {
  text: string;
  /** The fixes applied, in the UI language. */
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
    labels.push(tText(finding.fix.label, finding.code));
    text = next;
  }
  return labels.length ? { text, labels } : undefined;
}

export function needsAdapterFirst(pasted: string): boolean {
  return mayNeedAdapter(pasted);
}

/** Shown at once, before the public key is derived (or when core has no words for the block). */
export function privateMessage(): string {
  return t('pastePrivate');
}

/**
 * Core's private-key finding restated for the paste: the same format name and last sentence
 * (its params after the line number), without the line, which counts lines of the pasted
 * text and not of the field. Undefined when the finding is not one this catalogue knows.
 */
function restate(finding: FindingData): string | undefined {
  if (finding.key === 'findingPrivateKey') return tText({ key: 'pasteBlockedPrivate', subs: finding.params.slice(1) }, '') || undefined;
  if (finding.key === 'findingPrivateKeyError')
    return tText({ key: 'pasteBlockedPrivateError', subs: finding.params.slice(1) }, '') || undefined;
  return undefined;
}

/**
 * Derives the public key line(s) from a blocked private paste, when possible without a
 * passphrase. Resolves to the text to insert and the sentence to show.
 */
export async function derivePublic(pasted: string): Promise<{ insert?: string; message: string }> {
  if (mayNeedAdapter(pasted)) await loadAdapter();
  let text = pasted;
  let message: string | undefined;
  for (let round = 0; round < 10; round++) {
    const finding = analyze(text).findings.find((f) => f.code === 'private-key');
    if (!finding) break;
    message ??= restate(finding);
    if (!finding.fix) {
      message = restate(finding);
      break;
    }
    const next = finding.fix.apply();
    if (next === text) break;
    text = next;
  }
  const insert = text.trim();
  if (insert && insert !== pasted.trim() && !looksPrivate(insert)) {
    return { insert, message: message ?? privateMessage() };
  }
  return { message: message ?? `${privateMessage()} ${t('pasteRunKeygen')}` };
}
