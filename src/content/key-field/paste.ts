/**
 * Paste into a key field, decided before the page sees it (capture phase on window, registered at
 * document_start): private keys are stopped outright; fixable pastes are fixed with an undo.
 * The private text lives only in the closure that derives its public key, then is dropped.
 */
import type { FindingCode } from '../../core/types.ts';
import { analyze, loadAdapter, mayNeedAdapter } from './analysis.ts';

/** Every private key armour OpenSSH, OpenSSL, PKCS#8, SSH.com and PuTTY write. */
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----|PuTTY-User-Key-File-\d+:|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----|^\s*b3BlbnNzaC1rZXktdjE/m;

export function looksPrivate(text: string): boolean {
  return PRIVATE_KEY.test(text);
}

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
  'This is a PRIVATE key: it was blocked and never reached the page or the field. Runpod needs your PUBLIC key (the .pub file).';

/**
 * Derives the public key line(s) from a blocked private paste, when possible without a
 * passphrase. Resolves to the text to insert and the sentence to show.
 */
export async function derivePublic(pasted: string): Promise<{ insert?: string; message: string }> {
  if (mayNeedAdapter(pasted)) await loadAdapter();
  let text = pasted;
  let hint = '';
  for (let round = 0; round < 10; round++) {
    const finding = analyze(text).findings.find((f) => f.code === 'private-key');
    if (!finding) break;
    if (!finding.fix) {
      hint = finding.message;
      break;
    }
    const next = finding.fix.apply();
    if (next === text) break;
    text = next;
  }
  const insert = text.trim();
  if (insert && insert !== pasted.trim() && !looksPrivate(insert)) {
    return { insert, message: `${PRIVATE_MESSAGE} Its public key can be inserted instead.` };
  }
  return { message: hint ? `${PRIVATE_MESSAGE} ${hint}` : `${PRIVATE_MESSAGE} Run ssh-keygen -y -f <private key file> and paste its output.` };
}
