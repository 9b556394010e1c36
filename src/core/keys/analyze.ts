/**
 * The Core API's key analysis (shared/CONTRACT.md): the passes of analyze-detailed.ts, with each
 * finding's sentence formatted from the English catalogue (core/i18n-format.ts). The content
 * script imports analyze-detailed.ts instead, so the catalogue stays out of its bundle.
 */
import type { Analysis, AnalyzeOptions, Finding, KeyInfo } from '../types.ts';
import { formatEn } from '../i18n-format.ts';
import type { Issue } from './diagnostics/model.ts';
import { crIssue } from './diagnostics/whitespace.ts';
import { sha256Of } from './analysis/resolve.ts';
import { analyzeInternal, byLine, worst } from './analyze-detailed.ts';

export { analyzeDetailed, fixAll, FieldFix, type DetailedAnalysis, type DetailedFinding, type DetailedKey } from './analyze-detailed.ts';

/** Contract API: exactly the shapes of shared/CONTRACT.md; each message is the English catalogue's sentence. */
export function analyzeKeys(text: string, opts: AnalyzeOptions = {}): Analysis {
  const a = analyzeInternal(text, opts);
  if (!a) return { state: 'empty', keys: [], findings: [] };
  const finding = (is: Issue, line: number, fixable: boolean): Finding => ({
    code: is.code,
    severity: is.severity,
    line,
    message: formatEn({ key: is.key, subs: is.params }),
    fixable,
  });
  const findings: Finding[] = [];
  for (const e of a.entries) for (const is of e.issues) findings.push(finding(is.issue, is.line, is.fix !== null));
  byLine(findings);
  // The CR-endings finding is about the whole field: it comes first.
  const cr = a.field.firstCrLine + 1;
  if (cr > 0) findings.unshift(finding(crIssue(cr), cr, true));
  const keys: KeyInfo[] = [];
  for (const k of a.occs) {
    const p = k.parsed;
    if (p?.supported) keys.push({ line: k.line + 1, type: p.type, bits: p.bits, comment: k.comment, fingerprint: sha256Of(k) });
  }
  return { state: worst(findings), keys, findings };
}
