/**
 * What to remember of the account's key field after a successful save (issue 11, item 2): the
 * lines holding a valid public key, as analyzeKeys reads them, and nothing else: no private key
 * text, no notes. The content script stores them with the save time (`accountKeys` in
 * src/shared/storage.ts); the doctor matches offered fingerprints against them.
 */
import { analyzeKeys } from '../keys/analyze.ts';

const PRIVATE = /PRIVATE KEY|PuTTY-User-Key-File|openssh-key-v1/i;

export function accountKeysToStore(fieldValue: string): string[] {
  const lines = fieldValue.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (const key of analyzeKeys(fieldValue).keys) {
    const line = lines[key.line - 1]?.trim();
    if (line && !PRIVATE.test(line) && !out.includes(line)) out.push(line);
  }
  return out;
}

/**
 * How a save changes the account's keys: the settings field holds the whole key string
 * (`replace`); an "Add SSH key" dialog adds its key to the ones already there (`append`).
 */
export type SaveMode = 'replace' | 'append';

/** The account's keys after a save of `saved` (public lines from accountKeysToStore). */
export function accountKeysAfterSave(previous: readonly string[] | undefined, saved: readonly string[], mode: SaveMode): string[] {
  if (mode === 'replace') return [...saved];
  const out = [...(previous ?? [])];
  for (const line of saved) if (!out.includes(line)) out.push(line);
  return out;
}

// The console's notices after a key save: "Public Key Updated" (settings), "SSH key added"
// (credentials dialog); a failure notice names the error. Failure words win over success words.
const SAVE_FAILED = /\b(?:error|errors|fail(?:ed|ure)?|invalid|could\s*n[o']t|cannot|can't|unable|denied|not\s+(?:saved|updated|added))\b/i;
const SAVE_OK =
  /\b(?:(?:public|ssh)\s+keys?\s+(?:updated|saved|added)|keys?\s+(?:updated|saved|added)|(?:updated|saved)\s+(?:successfully|your\s+(?:ssh\s+|public\s+)?keys?)|settings\s+(?:updated|saved))\b/i;

/**
 * What a notice the page showed right after a key save says about it: `saved`, `failed`, or
 * undefined for anything else (another toast, an unrelated status line).
 */
export function saveNoticeVerdict(text: string): 'saved' | 'failed' | undefined {
  const plain = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (!plain) return undefined;
  if (SAVE_FAILED.test(plain)) return 'failed';
  return SAVE_OK.test(plain) ? 'saved' : undefined;
}
