/**
 * The inputs of the key-analysis benches (bench/analyze.ts in Node, bench/analyze-browser.ts in
 * Chromium): a deterministic 1,000-key mixed paste, generated the same way in every runtime, so both
 * benches time exactly the same lines. Not a bench itself (bench/run-all.ts skips it).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384 } from '@noble/curves/nist.js';
import { encodeBase64 } from '../src/core/wire/base64.ts';
import { SshWriter } from '../src/core/wire/writer.ts';

let seed = 1;
/** Seeded pseudo-random bytes (an LCG): the same sequence everywhere, one shared stream. */
export const rand = (n: number): Uint8Array => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    b[i] = seed >>> 24;
  }
  return b;
};

/** Line i of the paste: 60% ed25519, 10% each ecdsa-p256/p384, 10% each RSA-2048/3072. */
function line(i: number): string {
  const kind = i % 10;
  const w = new SshWriter();
  let type: string;
  if (kind < 6) {
    type = 'ssh-ed25519';
    w.string(type).bytes(ed25519.getPublicKey(rand(32)));
  } else if (kind < 8) {
    const [curve, name] = kind === 6 ? [p256, 'nistp256'] : [p384, 'nistp384'];
    type = `ecdsa-sha2-${name}`;
    const sk = rand(kind === 6 ? 32 : 48);
    sk[0] = 1;
    w.string(type).string(name).bytes(curve.getPublicKey(sk, false));
  } else {
    // RSA: structure only (the analysis, like OpenSSH's parser, does not factor the modulus).
    type = 'ssh-rsa';
    const n = rand(kind === 8 ? 256 : 384);
    n[0]! |= 0x80;
    n[n.length - 1]! |= 1;
    w.string(type)
      .mpint(new Uint8Array([1, 0, 1]))
      .mpint(n);
  }
  return `${type} ${encodeBase64(w.toBytes())} user${i}@host`;
}

export const lines: readonly string[] = Array.from({ length: 1000 }, (_, i) => line(i));
export const paste = lines.join('\n');
