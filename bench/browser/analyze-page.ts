/**
 * The page side of bench/analyze-browser.ts, bundled for Chromium with the extension's own sshpk
 * browser shims (vite.config.ts `nodeShims`). The same three contenders, inputs (bench/inputs.ts),
 * warm-up and interleaved medians as bench/analyze.ts; the Node side only builds, serves and reports.
 */
import { Buffer } from 'buffer';
import { sha256 } from '@noble/hashes/sha2.js';
import sshpk from 'sshpk';
import { analyzeKeys } from '../../src/core/keys/analyze.ts';
import { decodeBase64, hasNativeBase64 } from '../../src/core/wire/base64.ts';
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

function median(fn: () => void, runs: number, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[t.length >> 1]!;
}
const med = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;

let sink = 0;
const ours = (): void => {
  const a = analyzeKeys(paste);
  if (a.keys.length !== 1000 || a.findings.length) throw new Error(`unexpected analysis: ${a.keys.length} keys, ${a.findings.map((f) => f.code)}`);
  sink += a.keys.length;
};
const floor = (): void => {
  for (const l of lines) {
    const sp = l.indexOf(' ');
    const b64 = l.slice(sp + 1, l.indexOf(' ', sp + 1));
    sink += sha256(decodeBase64(b64)!)[0]!;
  }
};
const viaSshpk = (): void => {
  for (const l of lines) sink += sshpk.parseKey(l, 'ssh').fingerprint('sha256').toString().length;
};

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
  // Warm every contender up (JIT tiers), then interleave the three so that machine noise hits them alike.
  for (let i = 0; i < 30; i++) {
    floor();
    ours();
    viaSshpk();
  }
  const rounds = 9;
  const tOurs: number[] = [];
  const tFloor: number[] = [];
  const tSshpk: number[] = [];
  for (let r = 0; r < rounds; r++) {
    tFloor.push(median(floor, 9, 1));
    tOurs.push(median(ours, 9, 1));
    tSshpk.push(median(viaSshpk, 9, 1));
  }
  if (sink === 0.5) console.log(sink);
  return {
    native: hasNativeBase64(),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    paste,
    ours: med(tOurs),
    floor: med(tFloor),
    sshpk: med(tSshpk),
  };
}

(globalThis as { rpkAnalyzeBench?: () => PageResult }).rpkAnalyzeBench = run;
