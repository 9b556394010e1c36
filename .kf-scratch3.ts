import { analyzeDetailed } from './src/core/keys/analyze.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
const dir = mkdtempSync('/tmp/kfb-');
const keys: string[] = [];
for (let i = 0; i < 1000; i++) { spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', `${dir}/k${i}`]); keys.push(readFileSync(`${dir}/k${i}.pub`, 'utf8').trim()); }
const text = keys.join('\n');
for (let r = 0; r < 5; r++) { const t = performance.now(); analyzeDetailed(text + 'x'.repeat(r)); console.log('1000 keys', (performance.now() - t).toFixed(2), 'ms'); }
