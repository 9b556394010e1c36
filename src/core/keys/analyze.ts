/**
 * The Core API's key analysis (shared/CONTRACT.md): the passes of analyze-detailed.ts, with each
 * finding's sentence formatted from the English catalogue (core/i18n-format.ts). The content
 * script imports analyze-detailed.ts instead, so the catalogue stays out of its bundle.
 */
import type { Analysis, AnalyzeOptions, KeyInfo } from '../types.ts';
import { formatEn } from '../i18n-format.ts';
import type { Issue } from './diagnostics/model.ts';
import { crIssue } from './diagnostics/whitespace.ts';
import { sha256Of } from './analysis/resolve.ts';
import { analyzeInternal, issuesByLine, worst } from './analyze-detailed.ts';

export { analyzeDetailed, fixAll, FieldFix, type DetailedAnalysis, type DetailedFinding, type DetailedKey } from './analyze-detailed.ts';

/** Contract API: exactly the shapes of shared/CONTRACT.md; each message is the English catalogue's sentence. */
export function analyzeKeys(text: string, opts: AnalyzeOptions = {}): Analysis {
  const a = analyzeInternal(text, opts);
  if (!a) return { state: 'empty', keys: [], findings: [] };
  const found: [Issue, number, boolean][] = issuesByLine(a.entries).map(([, is]) => [is.issue, is.line, is.fix !== null]);
  if (a.field.firstCrLine >= 0) found.unshift([crIssue(a.field.firstCrLine + 1), a.field.firstCrLine + 1, true]);
  const findings = found.map(([is, line, fixable]) => ({ code: is.code, severity: is.severity, line, message: formatEn({ key: is.key, subs: is.params }), fixable }));
  const keys: KeyInfo[] = [];
  for (const k of a.occs) {
    const p = k.parsed;
    if (p?.supported) keys.push({ line: k.line + 1, type: p.type, bits: p.bits, comment: k.comment, fingerprint: sha256Of(k) });
  }
  return { state: worst(findings), keys, findings };
}
