/**
 * Passphrase-protected key generation: ours (generateKey, pure TS bcrypt_pbkdf) against the real
 * `ssh-keygen -t ed25519 -a 24 -N pass` in the same run, plus the npm `bcrypt-pbkdf` package
 * (sshpk's dependency) doing the same bcrypt_pbkdf as a reference. Medians of several runs.
 *   node --import tsx bench/keygen.ts [rounds] [repetitions]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from '../src/core/keygen/index.ts';
import { bcryptPbkdf } from '../src/core/keygen/kdf.ts';

const rounds = Number(process.argv[2] ?? 24);
const reps = Number(process.argv[3] ?? 7);
const require = createRequire(import.meta.url);
const npmBcrypt = require('bcrypt-pbkdf') as {
  pbkdf(pass: Uint8Array, passLen: number, salt: Uint8Array, saltLen: number, key: Uint8Array, keyLen: number, rounds: number): number;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'rpk-bench-keygen-'));
const times = { ours: [] as number[], oursKdf: [] as number[], sshKeygen: [] as number[], npm: [] as number[] };
const pass = new TextEncoder().encode('pass');
const salt = crypto.getRandomValues(new Uint8Array(16));
try {
  await generateKey({ passphrase: 'pass', rounds: 2 }); // warm-up (JIT)
  for (let i = 0; i < reps; i++) {
    // Interleaved so that load from other processes hits every contender alike.
    let t = performance.now();
    await generateKey({ passphrase: 'pass', rounds, comment: 'bench' });
    times.ours.push(performance.now() - t);

    t = performance.now();
    await bcryptPbkdf(pass, salt, rounds, 48);
    times.oursKdf.push(performance.now() - t);

    const file = join(dir, `k${i}`);
    t = performance.now();
    const r = spawnSync('ssh-keygen', ['-t', 'ed25519', '-a', String(rounds), '-N', 'pass', '-C', 'bench', '-f', file, '-q']);
    times.sshKeygen.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);

    t = performance.now();
    npmBcrypt.pbkdf(pass, pass.length, salt, salt.length, new Uint8Array(48), 48, rounds);
    times.npm.push(performance.now() - t);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const m = { ours: median(times.ours), oursKdf: median(times.oursKdf), sshKeygen: median(times.sshKeygen), npm: median(times.npm) };
const ms = (x: number): string => `${x.toFixed(0).padStart(6)} ms`;
console.log(`ed25519 + passphrase, ${rounds} bcrypt rounds, median of ${reps}`);
console.log(`  ssh-keygen -a ${rounds} (whole process)      ${ms(m.sshKeygen)}  1.00x (baseline)`);
console.log(`  generateKey (ours)                   ${ms(m.ours)}  ${(m.ours / m.sshKeygen).toFixed(2)}x`);
console.log(`  bcryptPbkdf only (ours)              ${ms(m.oursKdf)}  ${(m.oursKdf / m.sshKeygen).toFixed(2)}x`);
console.log(`  bcrypt-pbkdf npm only (reference)    ${ms(m.npm)}  ${(m.npm / m.sshKeygen).toFixed(2)}x`);
console.log(`RATIO\tkeygen: generateKey(passphrase) / ssh-keygen -a ${rounds}\t${(m.ours / m.sshKeygen).toFixed(2)}\t<= 1.5`);
console.log(`RATIO\tkeygen: npm bcrypt-pbkdf alone / ssh-keygen (reference)\t${(m.npm / m.sshKeygen).toFixed(2)}\t`);
