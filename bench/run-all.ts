/**
 * `npm run bench`: runs every bench/*.ts script and prints all their ratios in one table.
 * A bench script reports a ratio by printing a line `RATIO<TAB>name<TAB>value<TAB>target`
 * (target like "<= 2" or ">= 2"); everything else it prints is shown as is.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = import.meta.dirname;
// Modules the bench scripts import, not benches themselves (bench/browser/ holds page-side code).
const HELPERS = new Set(['run-all.ts', 'inputs.ts', 'contest.ts']);
// analyze-browser.ts: the analysis in Chromium (sshpk bundled with the extension's browser shims).
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !HELPERS.has(f))
  .sort();
const rows: { script: string; name: string; value: number; target: string; met: boolean | undefined }[] = [];

function meets(value: number, target: string): boolean | undefined {
  const m = /^\s*(<=|>=|<|>)\s*([\d.]+)/.exec(target);
  if (!m) return undefined;
  const bound = Number(m[2]);
  return m[1] === '<=' ? value <= bound : m[1] === '>=' ? value >= bound : m[1] === '<' ? value < bound : value > bound;
}

for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, script)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const line of (run.stdout ?? '').split('\n')) {
    const [tag, name, value, target = ''] = line.split('\t');
    if (tag === 'RATIO' && name && value) rows.push({ script, name, value: Number(value), target, met: meets(Number(value), target) });
    else if (line) console.log(line);
  }
  if (run.status !== 0) console.log(`(${script} exited with ${run.status})\n${run.stderr}`);
}

console.log('\n| bench | ratio | value | target | met |\n|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.script} | ${r.name} | ${r.value.toFixed(2)} | ${r.target} | ${r.met === undefined ? '' : r.met ? 'yes' : 'NO'} |`);
}
