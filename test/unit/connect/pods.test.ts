/**
 * All pods in one ~/.ssh/config: records merge as Connect tabs are seen, aliases come out unique
 * and ssh_config-safe, changed addresses are marked, and the whole file passes `ssh -G -F`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  aliasFromName,
  cleanRecords,
  forgetPod,
  markExported,
  podEntries,
  podsConfig,
  recordKey,
  recordSeen,
  type PodRecord,
} from '../../../src/core/connect/index.ts';

const AT = '2026-12-02T07:00:00.000Z';
const settings = { keyPath: '~/.ssh/id_ed25519', shell: 'posix', identitiesOnly: true } as const;

function seenTwoPods(): PodRecord[] {
  let r: PodRecord[] = [];
  r = recordSeen(r, { command: 'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519', name: 'Stable Diffusion', at: AT });
  r = recordSeen(r, {
    command: 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519',
    name: 'Stable Diffusion',
    podId: 'e9ohprt7xzfdgr',
    at: AT,
  });
  r = recordSeen(r, { command: 'ssh h01e202zhqq90o-64410bd8@ssh.runpod.io -i ~/.ssh/id_ed25519', name: 'Stable   Diffusion', at: AT });
  return r;
}

function sshG(config: string, alias: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rpk-h5-pods-'));
  try {
    const file = join(dir, 'config');
    writeFileSync(file, config);
    return execFileSync('ssh', ['-G', '-F', file, alias], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('two pods seen on their Connect tabs: one Host block each, unique aliases, ssh -G resolves them', () => {
  const records = seenTwoPods();
  assert.equal(records.length, 2, 'the proxy and TCP commands of one pod merge');
  const first = records.find((r) => r.id === 'e9ohprt7xzfdgr')!;
  assert.deepEqual(first.tcp, { user: 'root', host: '149.36.0.213', port: 42442 });
  assert.deepEqual(first.proxy, { user: 'e9ohprt7xzfdgr-64410d32', host: 'ssh.runpod.io', port: 22 });
  const { text, entries, refused } = podsConfig(records, settings);
  assert.deepEqual(refused, []);
  assert.deepEqual(
    entries.map((e) => e.alias),
    ['runpod-stable-diffusion', 'runpod-stable-diffusion-2'],
  );
  const a = sshG(text, 'runpod-stable-diffusion');
  assert.match(a, /^hostname 149\.36\.0\.213$/m);
  assert.match(a, /^port 42442$/m);
  assert.match(a, /^user root$/m);
  assert.match(a, /^hostkeyalias runpod-e9ohprt7xzfdgr$/m);
  assert.match(a, /^identitiesonly yes$/m);
  const b = sshG(text, 'runpod-stable-diffusion-2');
  assert.match(b, /^hostname ssh\.runpod\.io$/m);
  assert.match(b, /^user h01e202zhqq90o-64410bd8$/m);
  assert.match(b, /^requesttty force$/m);
});

test('an address that changed since the last export is marked; export clears the mark', () => {
  let records = markExported(seenTwoPods());
  assert.ok(podEntries(records).every((e) => !e.changed));
  records = recordSeen(records, { command: 'ssh root@149.36.0.99 -p 40001', name: 'Stable Diffusion', podId: 'e9ohprt7xzfdgr', at: AT });
  const { text, entries } = podsConfig(records, settings);
  assert.deepEqual(
    entries.map((e) => e.changed),
    [true, false],
  );
  assert.match(text, /# CHANGED since your last export \(was 149\.36\.0\.213 port 42442\)\nHost runpod-stable-diffusion\n/);
  assert.match(sshG(text, 'runpod-stable-diffusion'), /^port 40001$/m);
  assert.ok(podEntries(markExported(records)).every((e) => !e.changed));
});

test('forget one or all; storage junk is dropped, never trusted', () => {
  const records = seenTwoPods();
  const left = forgetPod(records, 'e9ohprt7xzfdgr');
  assert.deepEqual(left.map(recordKey), ['h01e202zhqq90o']);
  const junk = [
    ...records,
    { id: 'x y', name: 'a', seenAt: AT, tcp: { user: 'root', host: '1.2.3.4', port: 1 } },
    { id: '', name: 'evil', seenAt: AT, tcp: { user: 'root', host: 'evil.example\nProxyCommand x', port: 22 } },
    null,
    5,
    'x',
  ];
  assert.equal(cleanRecords(junk).length, 2);
  assert.deepEqual(cleanRecords('nope'), []);
  assert.doesNotMatch(podsConfig(junk as PodRecord[], settings).text, /evil|ProxyCommand/);
});

test('aliases from any name are ssh_config-safe and unique (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 12 }), (names) => {
      let records: PodRecord[] = [];
      names.forEach((name, i) => {
        records = recordSeen(records, { command: `ssh root@10.0.0.${i + 1} -p ${2000 + i}`, name, podId: `pod${i}`, at: AT });
      });
      const entries = podEntries(records);
      const aliases = entries.map((e) => e.alias);
      assert.equal(new Set(aliases).size, aliases.length);
      for (const a of aliases) assert.match(a, /^runpod-[a-z0-9-]+$/);
      const text = podsConfig(records, settings).text;
      assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    }),
    { numRuns: 300 },
  );
  assert.equal(aliasFromName('  Ünïcode GPU — A100 * ?', 'x'), 'runpod-unicode-gpu-a100');
  assert.equal(aliasFromName('***', 'abc'), 'runpod-abc');
});
