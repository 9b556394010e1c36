/**
 * The 1,000-key contest shared by bench/analyze.ts (Node) and bench/browser/analyze-page.ts
 * (Chromium): our analysis, the floor (base64-decode + SHA-256 of every blob, with the same sync
 * SHA-256 that fingerprint.ts uses) and an sshpk parse + SHA256-fingerprint loop, on the same
 * lines (bench/inputs.ts). Each is warmed up, then timed in interleaved rounds so that machine
 * noise hits all alike; every figure is a median. sshpk is passed in: Node's, or the browser bundle.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type Sshpk from 'sshpk';
import { analyzeKeys } from '../src/core/keys/analyze.ts';
import { decodeBase64 } from '../src/core/wire/base64.ts';
import { lines, paste } from './inputs.ts';

/** Median time (ms) of `runs` calls of `fn`, after `warm` untimed ones. */
export function median(fn: () => void, runs: number, warm = 3): number {
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
/** Whether this runtime has Uint8Array.fromBase64 (the feature test wire/base64.ts makes to pick its decoder). */
export const hasNativeBase64 = (): boolean => typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64 === 'function';

export const med = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;

export function runContest(sshpk: typeof Sshpk): { ours: number; floor: number; sshpk: number } {
  let sink = 0;
  const ours = (): void => {
    const a = analyzeKeys(paste);
    if (a.keys.length !== 1000 || a.findings.length)
      throw new Error(`unexpected analysis: ${a.keys.length} keys, ${a.findings.map((f) => f.code)}`);
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
  // Warm every contender up (JIT tiers), then interleave the three.
  for (let i = 0; i < 30; i++) {
    floor();
    ours();
    viaSshpk();
  }
  const tOurs: number[] = [];
  const tFloor: number[] = [];
  const tSshpk: number[] = [];
  for (let r = 0; r < 9; r++) {
    tFloor.push(median(floor, 9, 1));
    tOurs.push(median(ours, 9, 1));
    tSshpk.push(median(viaSshpk, 9, 1));
  }
  if (sink === 0.5) console.log(sink); // keeps the work observable
  return { ours: med(tOurs), floor: med(tFloor), sshpk: med(tSshpk) };
}
