import { performance } from 'node:perf_hooks';
import { sha256 } from '@noble/hashes/sha2.js';
import { createHash } from 'node:crypto';
import { decodeBase64 } from '../src/core/wire/base64.ts';
import { parseKeyBlob } from '../src/core/keys/blob.ts';
import { fingerprintSha256 } from '../src/core/keys/fingerprint.ts';
import { analyzeKeys } from '../src/core/keys/analyze.ts';
import { findBlobs } from '../src/core/keys/diagnostics/scan.ts';
import { splitLines } from '../src/core/keys/lines.ts';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
const dir = mkdtempSync('/tmp/pk-');
const lines: string[] = [];
for (const [t, b] of [['ed25519', ''], ['rsa', '2048'], ['ecdsa', '256']]) {
  execFileSync('ssh-keygen', ['-q', '-t', t, ...(b ? ['-b', b] : []), '-N', '', '-f', `${dir}/${t}`]);
  lines.push(readFileSync(`${dir}/${t}.pub`, 'utf8').trim());
}
const blobs = lines.map((l) => decodeBase64(l.split(' ')[1]!)!);
let sink = 0;
function t(name: string, fn: () => void, n = 200000) {
  for (let i = 0; i < n / 10; i++) fn();
  const s = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(name, (((performance.now() - s) / n) * 1000).toFixed(3), 'µs');
}
for (let k = 0; k < 3; k++) {
  const l = lines[k]!, b = blobs[k]!;
  console.log('---', l.split(' ')[0], b.length);
  t('decode', () => { sink += decodeBase64(l.slice(l.indexOf(' ') + 1, l.lastIndexOf(' ')))!.length; });
  t('noble sha', () => { sink += sha256(b)[0]!; });
  t('node sha', () => { sink += createHash('sha256').update(b).digest()[0]!; });
  t('parse', () => { sink += parseKeyBlob(b).bits; });
  t('fp', () => { sink += fingerprintSha256(b).length; });
  t('findBlobs', () => { sink += findBlobs(l).length; });
  t('splitLines', () => { sink += splitLines(l).lines.length; });
  t('analyze', () => { sink += analyzeKeys(l).keys.length; }, 50000);
}
