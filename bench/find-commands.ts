/**
 * Bench: findSshCommands is linear (issue 9): time(64 KB) / time(8 KB) of the same kind of text,
 * both measured in this run, in interleaved rounds of medians. Kinds: a console pane with real
 * commands, container log lines, and the hostile runs the issue measured (4–8 KB lines of
 * `ssh ssh ssh …`, of `ssh '…` repeated, of `ssh -p ssh -p …`, and of `$ ssh root@1.2.3.4 ;`).
 * Linear text gives ~8; the target is ≤ 16. Run: node --import tsx bench/find-commands.ts
 */
import { findSshCommands } from '../src/core/command/index.ts';
import { performance } from 'node:perf_hooks';
import { med } from './contest.ts';

/** ms per call, from as many calls as fit in ≥ 25 ms (short calls are too noisy alone on a shared machine). */
function perCall(fn: () => void): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < 25 || n < 2) {
    fn();
    n++;
    t = performance.now();
  }
  return (t - t0) / n;
}

const CONSOLE = [
  'SSH',
  'Connect to your pod using SSH. (No support for SCP & SFTP)',
  '$\u00a0ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io –i ~/.ssh/id_ed25519',
  'SSH over exposed TCP (Supports SCP & SFTP)',
  '$ ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519',
  'Direct TCP Ports 149.36.0.213:42442 → :22',
].join('\n');

/** Lines of `unit` repeated up to `lineBytes`, joined by newlines, `size` characters in all. */
function lines(unit: string, lineBytes: number, size: number): string {
  const line = unit.repeat(Math.ceil(lineBytes / unit.length)).slice(0, lineBytes);
  return (line + '\n').repeat(Math.ceil(size / (line.length + 1))).slice(0, size);
}

const KINDS: [string, (size: number) => string][] = [
  ['console pane', (n) => (CONSOLE + '\n').repeat(Math.ceil(n / CONSOLE.length)).slice(0, n)],
  ['container log', (n) => lines('2026-12-02T07:00:00Z INFO worker ssh keys loaded; connect with ssh root@10.0.0.7 -p 22 ', 400, n)],
  ['6 KB lines of "ssh ssh …"', (n) => lines('ssh ', 6144, n)],
  ['8 KB lines of "ssh ssh …"', (n) => lines('ssh ', 8000, n)],
  ['6 KB lines of "ssh \'…"', (n) => lines("ssh 'a ", 6144, n)],
  ['4 KB lines of "ssh -p ssh -p …"', (n) => lines('ssh -p ', 4096, n)],
  ['6 KB lines of "ssh a@b …"', (n) => lines('ssh a@b ', 6144, n)],
  ['6 KB lines of "ssh -o root@1.2.3.4 …"', (n) => lines('ssh -o root@1.2.3.4 ', 6144, n)],
  ['6 KB lines of "$ ssh root@1.2.3.4 ;"', (n) => lines('$ ssh root@1.2.3.4 ; ', 6144, n)],
];

let worst = 0;
for (const [name, make] of KINDS) {
  const small = make(8 * 1024);
  const big = make(64 * 1024);
  perCall(() => void findSshCommands(small));
  perCall(() => void findSshCommands(big));
  const s: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < 7; r++) {
    s.push(perCall(() => void findSshCommands(small)));
    b.push(perCall(() => void findSshCommands(big)));
  }
  const ts = med(s);
  const tb = med(b);
  worst = Math.max(worst, tb / ts);
  console.log(`${name}: 8 KB ${ts.toFixed(2)} ms, 64 KB ${tb.toFixed(2)} ms, ratio ${(tb / ts).toFixed(2)}`);
}
console.log(`RATIO\tfindSshCommands time(64 KB)/time(8 KB), worst\t${worst.toFixed(2)}\t<= 16`);
