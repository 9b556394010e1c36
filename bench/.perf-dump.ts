/**
 * Bench: key-field analysis on a 1,000-key mixed paste, against two baselines measured in the same
 * run — the floor (base64-decode + SHA-256 of every blob with the same sync SHA-256 as ours) and
 * an sshpk parse+fingerprint loop — and linearity on hostile input (time(1 MB) / time(100 KB)).
 * Run: node --import tsx bench/analyze.ts
 */
import { performance } from 'node:perf_hooks';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import sshpk from 'sshpk';
import { analyzeKeys } from '../src/core/keys/analyze.ts';
import { decodeBase64, encodeBase64 } from '../src/core/wire/base64.ts';
import { SshWriter } from '../src/core/wire/writer.ts';

let seed = 1;
const rand = (n: number): Uint8Array => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    b[i] = seed >>> 24;
  }
  return b;
};

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
    w.string(type).mpint(new Uint8Array([1, 0, 1])).mpint(n);
  }
  return `${type} ${encodeBase64(w.toBytes())} user${i}@host`;
}

const lines = Array.from({ length: 1000 }, (_, i) => line(i));
const paste = lines.join('\n');

function hostile(size: number, kind: number): string {
  const near = lines[8]!.slice(0, -40); // a truncated RSA key
  const unit =
    kind === 0 ? 'AAAA' : kind === 1 ? `${near} ` : kind === 2 ? `${near}\n` : kind === 3 ? 'AAAAC3NzaC1lZDI1NTE5AAAAIQ' : `${lines[0]!.split(' ')[1]!.slice(0, -1)}\n`;
  let s = '';
  if (kind === 5) {
    const alphabet = 'AAAAAB3NzaC1yc2E ssh-rsa\n=+/,\t\u00a0xyz-';
    const r = rand(size);
    for (let i = 0; i < size; i++) s += alphabet[r[i]! % alphabet.length];
    return s;
  }
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/perfwork/paste.txt', paste);
for (let k=0;k<6;k++){ writeFileSync(`/tmp/perfwork/h${k}-100k.txt`, hostile(100*1024,k)); writeFileSync(`/tmp/perfwork/h${k}-1m.txt`, hostile(1024*1024,k)); }
