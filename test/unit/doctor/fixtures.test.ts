/**
 * diagnoseSsh on the documented messages of clients that cannot run here: Windows OpenSSH
 * (PowerShell/Win32-OpenSSH: contrib/win32/win32compat w32fileperm.c "Bad permissions. Try
 * removing permissions for user", authfile.c "Permissions for '%s' are too open." without the
 * octal mode; misc.c tilde_expand, shared/RUNPOD.md), PuTTY/plink (PuTTY manual, chapter 10
 * "Common error messages": 10.2 POTENTIAL SECURITY BREACH, 10.4 Server sent disconnect message
 * type 2 "Too many authentication failures for root", 10.8 No supported authentication methods,
 * 10.9 Server refused our key, 10.12-10.15 Network error: Connection refused / timed out; the
 * key loader's "Unable to use key file") and Runpod's proxy (shared/RUNPOD.md: "Your SSH client
 * doesn't support PTY", no SCP/SFTP). Also: every message is the en catalogue's text, de differs,
 * and random input never throws nor yields [].
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { diagnoseSsh } from '../../../src/core/index.ts';
import { doctorReport } from '../../../src/core/doctor/index.ts';
import type { I18nText } from '../../../src/core/types.ts';
import { formatter, loadCatalogue } from '../../helpers/catalogue.ts';
import { generateKey, listLine } from '../../helpers/openssh.ts';

const account = [generateKey({ kind: 'ed25519' }).publicLine];

const PROXY = 'e9ohprt7xzfdgr-64410d32@ssh.runpod.io';
const cases: {
  name: string;
  out: string;
  shell?: 'posix' | 'powershell' | 'cmd';
  keyPath?: string;
  code: string;
  fix?: string | RegExp;
}[] = [
  {
    name: 'Windows OpenSSH bad permissions (PowerShell)',
    shell: 'powershell',
    out: [
      'PS C:\\Users\\me> ssh -i C:\\Users\\me\\.ssh\\id_ed25519 root@149.36.0.213 -p 42442',
      'Bad permissions. Try removing permissions for user: NT AUTHORITY\\\\Authenticated Users (S-1-5-11) on file C:/Users/me/.ssh/id_ed25519.',
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
      '@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @',
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
      "Permissions for 'C:\\\\Users\\\\me\\\\.ssh\\\\id_ed25519' are too open.",
      'It is required that your private key files are NOT accessible by others.',
      'This private key will be ignored.',
      'Load key "C:\\\\Users\\\\me\\\\.ssh\\\\id_ed25519": bad permissions',
      'root@149.36.0.213: Permission denied (publickey).',
    ].join('\r\n'),
    code: 'bad-permissions',
    fix: 'icacls C:\\Users\\me\\.ssh\\id_ed25519 /inheritance:r /grant:r "$($env:USERNAME):R"',
  },
  {
    name: 'Windows OpenSSH bad permissions (cmd)',
    shell: 'cmd',
    out: 'C:\\Users\\my user>ssh -i "C:\\Users\\my user\\.ssh\\id_ed25519" root@149.36.0.213 -p 42442\r\nPermissions for \'C:\\\\Users\\\\my user\\\\.ssh\\\\id_ed25519\' are too open.\r\n',
    code: 'bad-permissions',
    fix: 'icacls "C:\\Users\\my user\\.ssh\\id_ed25519" /inheritance:r /grant:r "%USERNAME%:R"',
  },
  {
    name: 'Windows OpenSSH tilde_expand',
    shell: 'powershell',
    keyPath: '~\\.ssh\\id_ed25519',
    out: 'PS C:\\Users\\me> ssh -i ~\\.ssh\\id_ed25519 root@149.36.0.213 -p 42442\ntilde_expand: No such user\n',
    code: 'windows-tilde',
    // the rewriter refuses the page form (bash reads `~\.ssh` as a `~user` tilde), so the fix is built from facts
    fix: 'ssh -i ~/.ssh/id_ed25519 -p 42442 root@149.36.0.213',
  },
  { name: 'PuTTY refused', out: 'FATAL ERROR: Network error: Connection refused', code: 'connection-refused' },
  { name: 'PuTTY timed out', out: 'Network error: Connection timed out', code: 'timeout' },
  {
    name: 'PuTTY host key',
    out: 'WARNING - POTENTIAL SECURITY BREACH!\nThe host key does not match the one PuTTY has cached for this server.',
    code: 'host-key-changed',
  },
  {
    name: 'PuTTY too many failures',
    out: 'Server sent disconnect message\ntype 2 (protocol error):\n"Too many authentication failures for root"',
    code: 'too-many-auth-failures',
  },
  {
    name: 'PuTTY OpenSSH key file',
    out: 'Unable to use key file "C:\\keys\\id_ed25519" (OpenSSH SSH-2 private key (new format))',
    code: 'invalid-key-file',
  },
  { name: 'plink missing key file', out: 'Unable to use key file "C:\\keys\\nope.ppk" (unable to open file)', code: 'identity-missing' },
  { name: 'PuTTY password prompt', out: "login as: root\nroot@149.36.0.213's password: ", code: 'password-prompt' },
  {
    name: 'Runpod proxy without a terminal',
    out: `$ ssh ${PROXY} -i ~/.ssh/id_ed25519 nvidia-smi\nYour SSH client doesn't support PTY\n`,
    code: 'pty-required',
    fix: `ssh -tt ${PROXY} -i ~/.ssh/id_ed25519 nvidia-smi`,
  },
  {
    name: 'scp through the Runpod proxy',
    out: `$ scp -i ~/.ssh/id_ed25519 model.bin ${PROXY}:/workspace/\nYour SSH client doesn't support PTY\nscp: Connection closed\n`,
    code: 'proxy-no-transfer',
  },
  {
    name: 'macOS timeout',
    out: 'ssh: connect to host 149.36.0.213 port 42442: Operation timed out',
    code: 'timeout',
  },
];

for (const c of cases) {
  test(`${c.name}: ${c.code} first`, () => {
    const { causes } = diagnoseSsh(c.out, { shell: c.shell ?? 'posix', keyPath: c.keyPath ?? '~/.ssh/id_ed25519' });
    assert.equal(causes[0]?.code, c.code, JSON.stringify(causes));
    if (typeof c.fix === 'string') assert.equal(causes[0]!.fix, c.fix);
  });
}

test('key matching against the account: offered and accepted fingerprints, in and out of the account', () => {
  const key = listLine(account[0]!);
  const report = doctorReport(
    'debug1: Offering public key: /k/x ED25519 SHA256:g3kt5nhXSasyjqnmi6gZSHE7ReoyC/84qmNkDkOeEtI explicit\nroot@h: Permission denied (publickey).',
    { accountKeys: account },
  );
  assert.equal(report.offered.length, 1);
  assert.equal(report.offered[0]!.inAccount, false);
  assert.equal(report.offered[0]!.path, '/k/x');
  assert.equal(report.causes[0]!.code, 'key-not-in-account');
  // The account's key offered and accepted (OpenSSH 7.x order: TYPE FP PATH).
  const ok = doctorReport(
    `debug1: Offering public key: ED25519 ${key.fingerprint} /k/y\ndebug1: Server accepts key: ED25519 ${key.fingerprint} /k/y\nAuthenticated to h ([1.2.3.4]:22).`,
    { accountKeys: account },
  );
  assert.deepEqual(ok.offered, [{ path: '/k/y', type: 'ED25519', fingerprint: key.fingerprint, accepted: true, inAccount: true }]);
  assert.deepEqual(
    ok.causes.map((c) => c.code),
    ['unknown'],
  );
});

test('every message is the en catalogue entry formatted; de is translated', () => {
  const en = loadCatalogue('en');
  const de = loadCatalogue('de');
  const format = formatter(new Set());
  const outputs = [...cases.map((c) => c.out), 'nothing here', 'Authenticated to 1.2.3.4 ([1.2.3.4]:22) using "publickey".'];
  for (const out of outputs) {
    for (const cause of diagnoseSsh(out, { shell: 'posix' }).causes) {
      const i18n = (cause as { i18n?: I18nText }).i18n;
      assert.ok(i18n, cause.code);
      assert.equal(format(en, i18n), cause.message);
      assert.notEqual(format(de, i18n), cause.message);
      assert.deepEqual(Object.keys(cause).sort(), cause.fix === undefined ? ['code', 'message'] : ['code', 'fix', 'message']);
    }
  }
});

test('property: any text gives at least one cause, never throws; fixes are one line', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('posix', 'powershell', 'cmd' as const), (text, shell) => {
      const { causes } = diagnoseSsh(text, { shell, keyPath: '~/.ssh/id_ed25519' });
      assert.ok(causes.length > 0);
      for (const c of causes) assert.ok(c.fix === undefined || !/[\r\n]/.test(c.fix));
    }),
    { numRuns: 300 },
  );
});
