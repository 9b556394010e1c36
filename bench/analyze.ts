/**
 * Bench: key-field analysis on a 1,000-key mixed paste, against two baselines measured in the same
 * run on the same lines — the floor (base64-decode + SHA-256 of every blob, with the same sync
 * SHA-256 that fingerprint.ts uses) and an sshpk loop doing what a validator needs per line
 * (parse + SHA256 fingerprint) — and linearity on hostile input (time(1 MB) / time(100 KB)), RFC 4716
 * armor with an endless continued header included. Limits (issue 12): analyze within 5× of the floor,
 * every input near-linear (ratio <= 16).
 * Each contender is warmed up, then timed in interleaved rounds (so machine noise hits all alike);
 * every figure is a median of rounds. Run: node --import tsx bench/analyze.ts
 */
import sshpk from 'sshpk';
import { analyzeKeys } from '../src/core/keys/analyze.ts';
import { hasNativeBase64, med, runContest } from './contest.ts';
import { lines, rand } from './inputs.ts';

const { ours: o, floor: f, sshpk: s } = runContest(sshpk);
console.log(
  `base64 decoding (ours and the floor): ${hasNativeBase64() ? 'native Uint8Array.fromBase64' : 'JS fallback (this runtime has no Uint8Array.fromBase64)'}`,
);
console.log(
  `1,000-key paste: ours ${o.toFixed(2)} ms, floor ${f.toFixed(2)} ms, sshpk ${s.toFixed(2)} ms (per key: ours ${((o / 1000) * 1000).toFixed(1)} µs)`,
);
console.log(`RATIO\tanalyze/floor (1,000 keys)\t${(o / f).toFixed(3)}\t<= 5`);
console.log(`RATIO\tsshpk/analyze (1,000 keys, for reference)\t${(s / o).toFixed(3)}\t`);

// Hostile input: the same generator at 100 KB and at 1 MB.
function hostile(size: number, kind: number): string {
  const near = lines[8]!.slice(0, -40); // a truncated RSA key
  const unit =
    kind === 0
      ? 'AAAA'
      : kind === 1
        ? `${near} `
        : kind === 2
          ? `${near}\n`
          : kind === 3
            ? 'AAAAC3NzaC1lZDI1NTE5AAAAIQ'
            : `${lines[0]!.split(' ')[1]!.slice(0, -1)}\n`;
  let s = '';
  if (kind === 6) {
    // RFC 4716 §3.3: a header continued ("\\" at the line end) over the whole paste.
    const line = 'abcdefghij\\\n';
    return `---- BEGIN SSH2 PUBLIC KEY ----\nComment: "x\\\n${line.repeat(Math.ceil(size / line.length))}AAAA\n---- END SSH2 PUBLIC KEY ----\n`;
  }
  if (kind === 5) {
    const alphabet = 'AAAAAB3NzaC1yc2E ssh-rsa\n=+/,\t\u00a0xyz-';
    const r = rand(size);
    for (let i = 0; i < size; i++) s += alphabet[r[i]! % alphabet.length];
    return s;
  }
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
const names = [
  'AAAA…',
  'truncated RSA keys glued',
  'truncated RSA keys, one per line',
  'near-ed25519 headers glued',
  'truncated ed25519 lines',
  'random key-ish characters',
  'RFC 4716 header continued',
];
/** Mean time (ms) of one `fn` call over `runs` back-to-back calls: the GC their garbage causes is in it. */
function perCall(fn: () => void, runs: number): number {
  const s = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - s) / runs;
}
let worstRatio = 0;
for (let k = 0; k < names.length; k++) {
  const small = hostile(100 * 1024, k);
  const big = hostile(1024 * 1024, k);
  // Each round times the same amount of input at each size: ten 100 KB calls, one 1 MB call. A
  // median of single 100 KB calls would pick the calls that ended before a young-generation GC
  // and leave that GC to the 1 MB call alone, measuring the collector's schedule, not the analysis.
  const s1: number[] = [];
  const b1: number[] = [];
  perCall(() => void analyzeKeys(small), 20);
  perCall(() => void analyzeKeys(big), 2);
  for (let r = 0; r < 7; r++) {
    s1.push(perCall(() => void analyzeKeys(small), 10));
    b1.push(perCall(() => void analyzeKeys(big), 1));
  }
  const ts = med(s1);
  const tb = med(b1);
  worstRatio = Math.max(worstRatio, tb / ts);
  console.log(`hostile ${names[k]}: 100 KB ${ts.toFixed(1)} ms, 1 MB ${tb.toFixed(1)} ms, ratio ${(tb / ts).toFixed(2)}`);
}
console.log(`RATIO\thostile time(1 MB)/time(100 KB), worst\t${worstRatio.toFixed(2)}\t<= 16`);
