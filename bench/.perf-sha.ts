import { sha256 as noble } from '@noble/hashes/sha2.js';
import { sha256 } from '../src/core/keys/sha256.ts';
import { createHash } from 'node:crypto';
for (const n of [0, 1, 51, 55, 56, 63, 64, 65, 104, 119, 120, 279, 407, 1000, 100000]) {
  const b = new Uint8Array(n).map((_, i) => (i * 31 + n) & 255);
  const a = Buffer.from(sha256(b)).toString('hex'), c = createHash('sha256').update(b).digest('hex');
  if (a !== c) throw new Error(`mismatch ${n}`);
}
let sink = 0;
for (const n of [51, 279]) {
  const b = new Uint8Array(n).map((_, i) => i);
  for (const [name, f] of [['noble', noble], ['ours', sha256]] as const) {
    for (let i = 0; i < 20000; i++) sink += f(b)[0]!;
    const s = performance.now();
    for (let i = 0; i < 200000; i++) sink += f(b)[0]!;
    console.log(n, name, ((performance.now() - s) / 200).toFixed(3), 'µs');
  }
}
