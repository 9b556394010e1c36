/**
 * The page side of bench/analyze-browser.ts, bundled for Chromium with the extension's own sshpk
 * browser shims (vite.config.ts `nodeShims`). The same three contenders, inputs (bench/inputs.ts),
 * warm-up and interleaved medians as bench/analyze.ts; the Node side only builds, serves and reports.
 */
import { Buffer } from 'buffer';
import sshpk from 'sshpk';
import { analyzeKeys } from '../../src/core/keys/analyze.ts';
import { hasNativeBase64, runContest } from '../contest.ts';
import { lines, paste } from '../inputs.ts';

// As src/core/keys/formats/sshpk-adapter.ts does: assert-plus calls the global Buffer.isBuffer.
const g = globalThis as { Buffer?: unknown };
g.Buffer ??= Buffer;

export interface PageResult {
  native: boolean;
  crossOriginIsolated: boolean;
  /** The paste the page timed, for the Node side to compare with its own. */
  paste: string;
  ours: number;
  floor: number;
  sshpk: number;
}

/** Same work check: sshpk's fingerprint string of every line is the one analyzeKeys reports. */
function checkSameWork(): void {
  const a = analyzeKeys(paste);
  lines.forEach((l, i) => {
    const theirs = sshpk.parseKey(l, 'ssh').fingerprint('sha256').toString();
    if (a.keys[i]?.fingerprint !== theirs) throw new Error(`line ${i + 1}: analyzeKeys says ${a.keys[i]?.fingerprint}, sshpk ${theirs}`);
  });
}

function run(): PageResult {
  checkSameWork();
  const t = runContest(sshpk);
  return {
    native: hasNativeBase64(),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    paste,
    ...t,
  };
}

(globalThis as { rpkAnalyzeBench?: () => PageResult }).rpkAnalyzeBench = run;
