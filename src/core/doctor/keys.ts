/** Helpers shared by the key-refusal diagnostics (which offered keys the server turned down). */
import type { Facts, OfferedKey } from './types.ts';

/** Keys ssh offered and the server did not accept, when authentication was denied. */
export function refusedKeys(facts: Facts): OfferedKey[] {
  if (!facts.denied && !facts.lines.some((l) => /Too many authentication failures/.test(l))) return [];
  if (facts.offered.some((k) => k.accepted) || facts.authenticated) return [];
  return facts.offered;
}

export const fingerprints = (keys: readonly OfferedKey[]): string => keys.map((k) => k.fingerprint).join(', ');

/** Whether ssh's offered path is the configured key path (`~/…` is compared as a suffix). */
export function samePath(offered: string, keyPath: string): boolean {
  const norm = (p: string): string => p.replace(/\\/g, '/');
  const a = norm(offered);
  const b = norm(keyPath);
  if (a === b) return true;
  const home = /^(?:~|\$HOME|\$\{HOME\}|\$env:USERPROFILE|%USERPROFILE%)(\/.*)$/i.exec(b);
  return home !== null && a.endsWith(home[1]!);
}
