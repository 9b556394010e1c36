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
