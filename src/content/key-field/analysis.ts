/**
 * The one door from the content script into core analysis: adds the user's known keys, loads the
 * sshpk adapter lazily when a foreign block appears, and carries the test-only failure trigger.
 */
import { analyzeDetailed, type DetailedAnalysis } from '../../core/keys/analyze-detailed.ts';
import { needsForeignAdapter } from '../../core/keys/formats/index.ts';
import type { ForeignAdapter } from '../../core/keys/formats/foreign.ts';
import type { AnalyzeOptions } from '../../core/types.ts';

export type { DetailedAnalysis };

/**
 * Test-only trigger: a field containing this marker makes analysis throw, so e2e tests can prove
 * that a failure inside the content script never breaks the console's field or save button.
 */
export const FORCE_ERROR_MARKER = '__rpk_force_content_error__';

let knownKeys: string[] = [];
export function setKnownKeys(keys: readonly string[]): void {
  knownKeys = [...keys];
}

/** The sshpk adapter once loadAdapter has loaded it. */
let foreign: ForeignAdapter | undefined;

export function currentOptions(): AnalyzeOptions {
  const opts: AnalyzeOptions = knownKeys.length ? { knownKeys } : {};
  if (foreign) opts.foreign = foreign;
  return opts;
}

export function analyze(text: string): DetailedAnalysis {
  if (text.includes(FORCE_ERROR_MARKER)) throw new Error('forced failure (test marker)');
  return analyzeDetailed(text, currentOptions());
}

let adapter: Promise<boolean> | undefined;

/** The text has a PEM/PKCS8 block only the (not yet loaded) sshpk adapter can convert. */
export function mayNeedAdapter(text: string): boolean {
  return adapter === undefined && needsForeignAdapter(text);
}

/** Loads the sshpk adapter once (a separate chunk, never in the eager bundle); analysis then passes it. */
export function loadAdapter(): Promise<boolean> {
  adapter ??= import('./lazy-adapter.ts').then(
    (m) => {
      foreign = m.sshpkAdapter;
      return true;
    },
    () => {
      adapter = undefined; // allow a retry on the next foreign block
      return false;
    },
  );
  return adapter;
}
