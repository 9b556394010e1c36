/**
 * Command reasons through `_locales`: every refusal of the command core (parse, tokenize,
 * destination, quote, rewrite, config, validate) carries an `i18n` reference next to its English
 * `reason`/`message`; formatted from the English catalogue with Chrome's substitution rules it is
 * exactly that English text, and the German entry formats too and differs. The corpus below is
 * real input that reaches each reason (checked: every `cmd…` catalogue key is hit).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommand, rewriteCommand, validateKeyPath, quoteArg } from '../../../src/core/command/index.ts';
import { sshConfigBlock } from '../../../src/core/connect/index.ts';
import { formatter, loadCatalogue } from '../../helpers/catalogue.ts';
import type { I18nText, ShellKind } from '../../../src/core/types.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const en = loadCatalogue('en');
const de = loadCatalogue('de');
const hit = new Set<string>();
const format = formatter(hit);

const SHELLS: ShellKind[] = ['posix', 'powershell', 'cmd'];
const settings = (keyPath: string, shell: ShellKind) => ({ keyPath, shell, identitiesOnly: true });
/** A settings object whose key path getter throws: reaches the "could not …" catch-alls. */
const throwing = {
  shell: 'posix',
  get keyPath(): string {
    throw new Error('boom');
  },
} as unknown as ReturnType<typeof settings>;

const COMMANDS = [
  'ssh a; b',
  'ssh a\nssh b',
  "ssh 'a",
  'ssh "a',
  'curl x',
  'ssh -v',
  'ssh root@',
  'ssh -Z host.example.com',
  'ssh -i',
  'ssh @host.example.com',
  "ssh -l 'a b' host.example.com",
  'ssh mypod',
  'ssh e.g.',
  'ssh root@1.2.3.4 great.',
  'scp -v',
  'sftp -v',
  'scp host.example.com:x',
  'scp a b',
  'scp @:x y',
  'sftp @',
  'rsync a b',
  'rsync a @:x',
  'rsync a b --rsh',
  'rsync a host.example.com:b -e',
  'rsync a host::mod',
  'rsync host.example.com:a',
  'rsync -e rsh a host.example.com:b',
  `rsync -e "ssh 'x" a host.example.com:b`,
  "rsync -e 'ssh -Z' a host.example.com:b",
  'ssh root@1.2.3.4 echo $HOME',
  'ssh root@1.2.3.4 echo 50%',
  "ssh root@1.2.3.4 'hi!'",
  "ssh root@1.2.3.4 ''",
  "ssh 'ro#ot'@1.2.3.4",
  'ssh -p abc root@1.2.3.4',
  'ssh root@1.2.3.4 $(x)',
  "ssh root@1.2.3.4 $'x'",
  'ssh root@1.2.3.4 *',
  'ssh root@1.2.3.4 echo hi!x',
  'ssh root@1.2.3.4 ~user',
  'scp ~/f root@1.2.3.4:/w',
  'ssh -F x root@1.2.3.4',
  'ssh -E x root@1.2.3.4',
  'ssh -J x root@1.2.3.4',
  'ssh -A root@1.2.3.4',
  'ssh -S x root@1.2.3.4',
  'ssh -w 0 root@1.2.3.4',
  'ssh -X root@1.2.3.4',
  'ssh -o ProxyCommand=x root@1.2.3.4',
  'rsync -e "ssh evil" a root@1.2.3.4:b',
  'ssh 1.2.3.4',
  'ssh ssh://root@1.2.3.4',
  "'/opt/a;b/ssh' root@1.2.3.4",
  'scp root@1.2.3.4:/a root@1.2.3.4:/b',
  'scp -- -x root@1.2.3.4:/w',
  'ssh bad@ssh.runpod.io',
  'ssh root@host.example.com',
  'ssh root@1.2.3.4 x\\',
];
const KEY_PATHS = [
  '',
  'a\nb',
  'a\rb',
  'a\tb',
  'a\x07b',
  'a\u202eb',
  'a\ud800b',
  'x\udc00',
  'a"b',
  'my keys\\',
  '$env:USERPROFILE\\keys\\',
  'a%b',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell expansion the quoting must neutralize
  'a${X}b',
  '~/.ssh/',
  '~/.ssh/id_ed25519.pub',
  ' id',
  'C:\\Users\\me\\id',
  '$env:USERPROFILE\\id',
  '$X\\id',
  '~/.ssh/id_ed25519',
];

type Reason = { reason: string; i18n?: I18nText; where: string };
function corpus(): Reason[] {
  const out: Reason[] = [];
  const add = (r: { ok: boolean; reason?: string; i18n?: I18nText }, where: string): void => {
    if (!r.ok) out.push({ reason: r.reason as string, ...(r.i18n ? { i18n: r.i18n } : {}), where });
  };
  for (const shell of SHELLS) {
    for (const c of COMMANDS) {
      add(rewriteCommand(c, settings('~/.ssh/id_ed25519', shell)), `rewrite ${shell} ${JSON.stringify(c)}`);
      add(sshConfigBlock(c, settings('~/.ssh/id_ed25519', shell)), `config ${shell} ${JSON.stringify(c)}`);
    }
    for (const k of KEY_PATHS) {
      add(rewriteCommand('ssh root@1.2.3.4', settings(k, shell)), `rewrite ${shell} key ${JSON.stringify(k)}`);
      add(rewriteCommand('rsync a root@1.2.3.4:b', settings(k, shell)), `rsync ${shell} key ${JSON.stringify(k)}`);
      add(sshConfigBlock('ssh root@1.2.3.4', settings(k, shell)), `config ${shell} key ${JSON.stringify(k)}`);
      const v = validateKeyPath(k, shell);
      if (v.message !== undefined)
        out.push({ reason: v.message, ...(v.i18n ? { i18n: v.i18n } : {}), where: `validate ${shell} ${JSON.stringify(k)}` });
    }
  }
  add(parseCommand(''), 'parse empty');
  add(parseCommand(42 as unknown as string), 'parse non-text');
  add(parseCommand(`ssh root@1.2.3.4 ${'a'.repeat(9000)}`), 'parse too long');
  add(quoteArg('', 'powershell'), 'quoteArg empty');
  add(rewriteCommand('ssh root@1.2.3.4', {} as ReturnType<typeof settings>), 'rewrite no key path');
  add(rewriteCommand('ssh root@1.2.3.4', { keyPath: '~/k', shell: 'fish' as ShellKind }), 'rewrite unknown shell');
  add(rewriteCommand('ssh root@1.2.3.4', throwing), 'rewrite throws');
  add(sshConfigBlock('ssh root@1.2.3.4', throwing), 'config throws');
  return out;
}

test('every command reason formats from the English catalogue to exactly its English text; German differs', () => {
  const reasons = corpus();
  assert.ok(reasons.length > 150, `${reasons.length} reasons`);
  for (const r of reasons) {
    assert.ok(r.i18n, `${r.where}: no i18n for ${JSON.stringify(r.reason)}`);
    assert.equal(format(en, r.i18n), r.reason, `${r.where}: ${r.i18n.key}`);
    const german = format(de, r.i18n);
    assert.notEqual(german, r.reason, `${r.where}: ${r.i18n.key} is not translated`);
    // No placeholder left over: German has exactly the `$` signs the English text has (from `$$`, paths).
    assert.equal(german.split('$').length, r.reason.split('$').length, `${r.where}: ${r.i18n.key} → ${german}`);
    assert.doesNotMatch(german, /\$\d|\$[A-Za-z_]+\$/, `${r.where}: ${german}`);
  }
  // Every command key in the catalogue is reached by real input, except one kept as a guard.
  // cmdWhatOutput: the final output check (emit.ts) is a guard behind quoteArg, which refuses the same characters first.
  const unreachable = new Set(['cmdWhatOutput']);
  const missed = Object.keys(en).filter((k) => k.startsWith('cmd') && !hit.has(k) && !unreachable.has(k));
  assert.deepEqual(missed, []);
});

test('the i18n reference does not change the contract shape of results', () => {
  const r = rewriteCommand("ssh 'a", settings('~/k', 'posix'));
  assert.deepEqual(r, { ok: false, reason: 'unterminated single quote' });
  assert.deepEqual(Object.keys(r), ['ok', 'reason']);
  assert.equal(JSON.stringify(r), '{"ok":false,"reason":"unterminated single quote"}');
  assert.deepEqual(r.ok ? undefined : r.i18n, { key: 'cmdUnterminatedSingle', subs: [] });
  const v = validateKeyPath('id.pub', 'posix');
  assert.deepEqual(Object.keys(v), ['level', 'message']);
  assert.equal(v.i18n?.key, 'cmdKeyPathPublic');
});

test('every catalogue key core names exists in en and de', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  let count = 0;
  for (const file of walk(join(ROOT, 'src/core'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\btx\(\s*'([A-Za-z0-9_@]+)'/g)) {
      count++;
      assert.ok(m[1]! in en && m[1]! in de, `${file}: unknown message ${m[1]}`);
    }
  }
  assert.ok(count > 100, `${count} references`);
});
