/**
 * Long runs of the command property tests: 100,000 random rewrite cases through real bash + OpenSSH
 * (test/unit/command/oracle.ts), then the bash differential check (test/unit/command/differential.ts)
 * on 20,000 adversarial inputs. `node --import tsx scripts/command-props-long.ts [cases] [differential]`
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runProperty } from '../test/unit/command/cases.ts';
import { runDifferential } from '../test/unit/command/differential.ts';
import { BashOracle, HOME } from '../test/unit/command/oracle.ts';
import { Sandbox } from '../test/unit/command/sandbox.ts';

const total = Number(process.argv[2] ?? 100_000);
const diffTotal = Number(process.argv[3] ?? 20_000);
const batch = 5000;
let failures: string[] = [];
let ran = 0,
  refused = 0,
  deep = 0;
const t0 = Date.now();
for (let done = 0; done < total; done += batch) {
  const oracle = new BashOracle();
  const r = runProperty(oracle, Math.min(batch, total - done), 25, done + 1);
  oracle.dispose();
  // Case tags (c0, c1, …) restart each batch: clear the key files under ~ so that a file from an
  // earlier batch never sits where a later case needs a directory.
  rmSync(join(HOME, `.rpk-cmdtest-${process.pid}`), { recursive: true, force: true });
  failures = failures.concat(r.failures);
  ran += r.ran;
  refused += r.refused;
  deep += r.deep;
  console.log(
    `${done + batch}: ${ran} checked by bash, ${deep} by OpenSSH, ${refused} refused, ${failures.length} failures (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
}
rmSync(join(HOME, `.rpk-cmdtest-${process.pid}`), { recursive: true, force: true });
const box = new Sandbox();
try {
  for (let done = 0; done < diffTotal; done += 1000) {
    const d = runDifferential(box, Math.min(1000, diffTotal - done), 1000 + done);
    console.log(`differential ${done + 1000}: ${d.accepted} accepted and run (${d.originals} originals too), ${d.refused} refused`);
  }
} catch (e) {
  failures.push(`differential: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  box.dispose();
}
if (failures.length) {
  console.log(failures.slice(0, 20).join('\n'));
  process.exit(1);
}
