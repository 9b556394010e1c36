/**
 * Differential test against real bash (issue 9, "Done when"): for every command the rewriter
 * accepts — console forms with random and adversarial page text spliced in (shell metacharacters,
 * quotes, `$'`, `$(`, backquotes, globs, `!`, control/bidi characters, dangerous options) — the
 * corrected output runs in `bash --norc -c` in a sandbox (sandbox.ts) where ssh/scp/sftp/rsync are
 * argv recorders and every other program is recorded by `command_not_found_handle`. Exactly one
 * program must run, with exactly the argv the parsed Connection predicts; nothing else runs; no
 * file appears. The page's own text (when nothing was repaired) runs too, and bash must give the
 * argv our tokenizer read: the tokenizer agrees with bash on everything it accepts.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { rewriteCommand } from '../../../src/core/command/index.ts';
import { BASES, KEY, predictedArgv, runDifferential } from './differential.ts';
import { Sandbox } from './sandbox.ts';

const box = new Sandbox();
after(() => box.dispose());

test('differential: every accepted command runs exactly one recorder with the predicted argv, nothing else, no file', () => {
  const r = runDifferential(box, Number(process.env.RPK_DIFF_RUNS ?? 600), Number(process.env.RPK_DIFF_SEED ?? 9));
  assert.ok(r.accepted > 100 && r.refused > 100, `${r.accepted} accepted, ${r.refused} refused: the generator must produce both`);
  assert.ok(r.originals > 60, `${r.originals} originals`);
});

test('the sandbox notices another program, a second program, a changed argument and a new file (control)', () => {
  const good = rewriteCommand(BASES[1]!, { keyPath: KEY, shell: 'posix' });
  assert.ok(good.ok);
  const want = predictedArgv(box, BASES[1]!, false);
  assert.deepEqual(box.run(good.command).ran, [want]);
  const bad = [
    `${good.command}; curl x`,
    `${good.command} $(touch pwned)`,
    good.command.replace('42442', '42443'),
    `${good.command} >out`,
    `touch pwned`,
  ];
  for (const b of bad) {
    const run = box.run(b);
    assert.ok(run.ran.length !== 1 || JSON.stringify(run.ran[0]) !== JSON.stringify(want) || run.newFiles.length > 0, b);
  }
  box.run('true'); // leaves no state behind
});
