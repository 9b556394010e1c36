/**
 * Property tests against real oracles (see oracle.ts): random key paths × every console form,
 * output run through real bash, then real ssh -G / scp / sftp / rsync. 100,000 cases:
 * `node --import tsx scripts/command-props-long.ts`.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { rewriteCommand } from '../../../src/core/command/index.ts';
import { sshConfigBlock } from '../../../src/core/connect/index.ts';
import { buildCase, caseArb, createKeyFile, checkRun, keyPathArb, keySpec, mustRefuse, runProperty } from './cases.ts';
import { BashOracle, HOME } from './oracle.ts';

const oracle = new BashOracle();
after(() => {
  oracle.dispose();
  rmSync(join(HOME, `.rpk-cmdtest-${process.pid}`), { recursive: true, force: true });
});

test('posix rewrites: bash argv and OpenSSH config match for 1500 random cases', () => {
  const r = runProperty(oracle, 1500, 8);
  assert.deepEqual(r.failures.slice(0, 5), []);
  assert.ok(r.ran > 900 && r.deep > 100, `too few accepted cases: ${r.ran} ran, ${r.deep} deep, ${r.refused} refused`);
  assert.ok(r.refused > 50, 'the generator must also produce paths that have to be refused');
});

test('the oracle notices a wrong key, a lost -i and a wrong port (control)', () => {
  const [s] = fc.sample(
    caseArb.filter((c) => c.form.program === 'ssh' && c.form.name === 'tcp'),
    { numRuns: 1, seed: 7 },
  );
  const c = buildCase({ ...s!, key: { prefix: 'abs', segs: ['ok key'] } }, join(oracle.dir, 'keys'), 'control');
  createKeyFile(c.spec, oracle.dir);
  const good = rewriteCommand(c.input, { keyPath: c.spec.setting, shell: 'posix', identitiesOnly: c.identitiesOnly });
  assert.ok(good.ok);
  const bad = [good.command.replace('ok key', 'ok  key'), good.command.replace(/-i '[^']*'/, ''), good.command.replace(/-p \d+/, '-p 1')];
  const runs = oracle.run([{ command: good.command, deep: true }, ...bad.map((command) => ({ command, deep: true }))]);
  assert.equal(checkRun(c, runs[0], true), null);
  for (let i = 1; i < runs.length; i++) assert.notEqual(checkRun(c, runs[i], true), null, bad[i - 1]);
});

test('sshConfigBlock: ssh -G -F block reports the same identity, user, host, port', () => {
  const samples = fc.sample(fc.record({ key: keyPathArb, proxy: fc.boolean(), io: fc.boolean() }), { numRuns: 150, seed: 42 });
  let checked = 0;
  samples.forEach((s, i) => {
    const spec = keySpec(s.key, join(oracle.dir, 'cfgkeys'), `k${i}`);
    if (spec.relative) return;
    const command = s.proxy
      ? 'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519'
      : 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';
    const r = sshConfigBlock(command, { keyPath: spec.setting, shell: 'posix', identitiesOnly: s.io });
    if (mustRefuse(spec)) {
      assert.equal(r.ok, false, `emitted ${JSON.stringify(spec.setting)}`);
      return;
    }
    assert.ok(r.ok, `${JSON.stringify(spec.setting)}: ${r.ok ? '' : r.reason}`);
    const alias = r.text.split('\n')[0]!.slice(5);
    const cfg = oracle.sshG(r.text, alias);
    // ssh -G prints a config file's IdentityFile before `~` expansion (unlike -i)
    const want = s.key.prefix === 'abs' ? spec.file : '~' + spec.file.slice(HOME.length);
    assert.deepEqual(cfg.get('identityfile'), [want], r.text);
    assert.deepEqual(cfg.get('user'), [s.proxy ? 'e9ohprt7xzfdgr-64410d32' : 'root']);
    assert.deepEqual(cfg.get('hostname'), [s.proxy ? 'ssh.runpod.io' : '149.36.0.213']);
    assert.deepEqual(cfg.get('port'), [s.proxy ? '22' : '42442']);
    assert.deepEqual(cfg.get('identitiesonly'), [s.io ? 'yes' : 'no']);
    assert.deepEqual(cfg.get('requesttty'), [s.proxy ? 'force' : 'auto']);
    checked++;
  });
  assert.ok(checked > 60, `only ${checked} config blocks checked`);
});

test('garbage never throws; every refusal gives a reason', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('posix', 'powershell', 'cmd' as const),
      (cmd, key, shell) => {
        const r = rewriteCommand(cmd, { keyPath: key, shell, identitiesOnly: true });
        assert.equal(typeof r.ok, 'boolean');
        if (!r.ok) assert.ok(r.reason.length > 0);
        const s = rewriteCommand('ssh ' + cmd, { keyPath: key, shell });
        if (!s.ok) assert.ok(s.reason.length > 0);
      },
    ),
    { numRuns: 2000 },
  );
});
