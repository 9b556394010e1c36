import { analyzeKeys } from '../src/core/keys/analyze.ts';
import { readFileSync } from 'node:fs';
const mode = process.argv[2] ?? 'paste';
const text = readFileSync(`/tmp/perfwork/${mode}.txt`, 'utf8');
let sink = 0;
const t0 = performance.now();
const N = Number(process.argv[3] ?? 300);
for (let i = 0; i < N; i++) sink += analyzeKeys(text).keys.length;
console.log(mode, ((performance.now() - t0) / N).toFixed(3), 'ms/run', sink);
