/**
 * Key field validator on the console replica's settings page, in the BUILT extension: every
 * contract code typed and pasted, fixes, fix-all, undo, the private-key paste block, the save
 * guard, and React state staying in sync. Keys come from the real ssh-keygen.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Launched } from './harness.ts';
import { certify, derivePublic, exportPublic, generateKey, readText, listLine } from '../helpers/openssh.ts';
import {
  panelText,
  findings,
  settingsLoaded,
  keyField,
  panelKeys,
  panelOf,
  paste,
  replica,
  replicaField,
  waitFor,
  waitForFinding,
  waitForState,
} from './key-field-lib.ts';

const ed = generateKey({ kind: 'ed25519' }, { comment: 'me@laptop' });
const ed2 = generateKey({ kind: 'ed25519' }, { comment: 'second@box' });
const ecdsa = generateKey({ kind: 'ecdsa', bits: 256 });
const rsa1024 = generateKey({ kind: 'rsa', bits: 1024 });
const dsa = generateKey({ kind: 'dsa', bits: 1024 });
const rsa2048 = generateKey({ kind: 'rsa', bits: 2048 }, { comment: 'rsa@work' });
const pemRsa = generateKey({ kind: 'rsa', bits: 2048 }, { format: 'PEM', comment: 'pem@rpk-test' });
const cert = certify(ed);
const [edType, edBlob] = ed.publicLine.split(' ') as [string, string, ...string[]];

let run: Launched;
let page: Page;

before(async () => {
  run = await launch({ console: true, clipboard: true });
  page = await run.context.newPage();
});
after(async () => run?.close());

/** Fresh settings page (the replica loads the saved key string asynchronously, like the console). */
async function openSettings(saved = ''): Promise<void> {
  await page.goto(`https://console.runpod.io/user/settings${saved ? `?saved=${encodeURIComponent(saved)}` : ''}`);
  await keyField(page).waitFor();
  await panelOf(page).waitFor({ state: 'attached' });
  await settingsLoaded(page);
}

async function typeText(text: string): Promise<void> {
  await keyField(page).fill(text);
}

interface Case {
  code: string;
  text: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  fixable: boolean;
  state: 'error' | 'warning' | 'ok';
  /** What fixing this one finding leaves in the field (oracle: ssh-keygen output). */
  fixed?: string;
  /** What the fixed text starts with, when the fix drops the comment (foreign formats carry none). */
  fixedPrefix?: string;
  /** Pasting applies the fix right away (autoFixPaste). */
  autoFixedOnPaste?: boolean;
}

function cases(): Case[] {
  const wrappedEd = `${edType} ${edBlob.slice(0, 40)}\n${edBlob.slice(40)} me@laptop`;
  return [
    {
      code: 'fingerprint',
      text: `${ed.publicLine}\n${ed.sha256.fingerprint}`,
      severity: 'error',
      line: 2,
      fixable: true,
      state: 'error',
      fixed: ed.publicLine,
    },
    {
      code: 'fingerprint',
      text: `${ecdsa.publicLine}\n${ed2.sha256.fingerprint}`,
      severity: 'error',
      line: 2,
      fixable: false,
      state: 'error',
    },
    {
      code: 'missing-type',
      text: `${edBlob} me@laptop`,
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      fixed: ed.publicLine,
      autoFixedOnPaste: true,
    },
    {
      code: 'joined',
      text: `${ed.publicLine} ${ecdsa.publicLine}`,
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      fixed: `${ed.publicLine}\n${ecdsa.publicLine}`,
      autoFixedOnPaste: true,
    },
    {
      code: 'wrapped',
      text: wrappedEd,
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      fixed: ed.publicLine,
      autoFixedOnPaste: true,
    },
    {
      code: 'type-mismatch',
      text: `ssh-rsa ${edBlob} me@laptop`,
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      fixed: ed.publicLine,
      autoFixedOnPaste: true,
    },
    {
      code: 'foreign-format',
      text: exportPublic(ed.publicPath, 'RFC4716').trim(),
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      autoFixedOnPaste: true,
    },
    // PEM SPKI needs the lazily loaded sshpk adapter.
    {
      code: 'foreign-format',
      text: exportPublic(rsa2048.publicPath, 'PKCS8').trim(),
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      fixedPrefix: rsa2048.publicLine.split(' ').slice(0, 2).join(' '),
      autoFixedOnPaste: true,
    },
    {
      code: 'invalid-key',
      text: 'ssh-ed25519 AAAAC4NzaC1lZDI1JTE5AAAAIGP+L8hnjIcBqUb8NRrDiC32FuJBvRA0m8jLShzgq6BQ YOUR_EMAIL@DOMAIN.COM',
      severity: 'error',
      line: 1,
      fixable: false,
      state: 'error',
    },
    { code: 'unsupported-type', text: `${ed.publicLine}\n${dsa.publicLine}`, severity: 'error', line: 2, fixable: false, state: 'error' },
    { code: 'weak-key', text: rsa1024.publicLine, severity: 'warning', line: 1, fixable: false, state: 'warning' },
    // (A textarea normalises CR LF itself; NBSP and tabs survive.)
    {
      code: 'whitespace',
      text: `${ecdsa.publicLine}\n${ed.publicLine}\t`,
      severity: 'warning',
      line: 2,
      fixable: true,
      state: 'warning',
      fixed: `${ecdsa.publicLine}\n${ed.publicLine}`,
      autoFixedOnPaste: true,
    },
    {
      code: 'whitespace',
      text: `${edType}\u00a0${edBlob} me@laptop`,
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      fixed: ed.publicLine,
      autoFixedOnPaste: true,
    },
    {
      code: 'not-a-key',
      text: `$ cat ~/.ssh/id_ed25519.pub\n${ed.publicLine}`,
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      fixed: ed.publicLine,
    },
    {
      code: 'duplicate',
      text: `${ed.publicLine}\n${ecdsa.publicLine}\n${ed.publicLine}`,
      severity: 'warning',
      line: 3,
      fixable: true,
      state: 'warning',
      fixed: `${ed.publicLine}\n${ecdsa.publicLine}`,
    },
    { code: 'certificate', text: cert.certLine, severity: 'warning', line: 1, fixable: false, state: 'warning' },
    { code: 'options-prefix', text: `no-pty,no-port-forwarding ${ed.publicLine}`, severity: 'info', line: 1, fixable: false, state: 'ok' },
    {
      code: 'private-key',
      text: readText(ed.privatePath).trim(),
      severity: 'error',
      line: 1,
      fixable: true,
      state: 'error',
      fixed: derivePublic(ed.privatePath),
    },
  ];
}

test('valid keys: one [data-rpk=key] per key with ssh-keygen fingerprints, state ok, notes', async () => {
  await openSettings();
  await typeText(`${ed.publicLine}\n\n${ecdsa.publicLine}`);
  const panel = panelOf(page);
  await waitForState(panel, 'ok');
  const keys = await panelKeys(panel);
  assert.deepEqual(keys, [
    { fp: ed.sha256.fingerprint, type: ed.type, bits: String(ed.sha256.bits), line: '1' },
    { fp: ecdsa.sha256.fingerprint, type: ecdsa.type, bits: String(ecdsa.sha256.bits), line: '3' },
  ]);
  const text = await panelText(panel);
  assert.match(text, /only pods started or restarted after/i);
  assert.match(text, /echo \$PUBLIC_KEY/);
  // Randomart toggle shows exactly what ssh-keygen -lv draws.
  await panel
    .locator('[data-rpk=key]')
    .first()
    .getByRole('button', { name: /randomart/i })
    .click();
  assert.equal((await panel.locator('[data-rpk=key] pre').first().textContent())?.trim(), ed.randomartSha256.trim());
  assert.equal(await panel.locator('[data-rpk=panel]').count(), 0, 'no nested panels');
  assert.equal(await page.locator('[data-rpk=panel]').count(), 1, 'exactly one panel for the one field');
});

test('every contract code, typed: code, severity, line, state; the single fix; undo', async (t) => {
  await openSettings();
  for (const c of cases()) {
    await t.test(`${c.code} (${c.severity})`, async () => {
      const panel = panelOf(page);
      await typeText('');
      await waitForState(panel, 'empty');
      await typeText(c.text);
      // A PEM/PKCS8 block is first reported unfixable while the sshpk adapter loads lazily, then
      // re-analysed: wait for the settled finding (a wrong fixability still times out and fails).
      const seen = await waitFor(
        `finding ${c.code} (fixable: ${c.fixable})`,
        () => findings(panel),
        (fs) => fs.some((x) => x.code === c.code && x.fixable === c.fixable),
      );
      const f = seen.find((x) => x.code === c.code)!;
      assert.equal(f.severity, c.severity, `${c.code} severity`);
      assert.equal(f.line, c.line, `${c.code} line`);
      assert.equal(f.fixable, c.fixable, `${c.code} fixable`);
      assert.ok(f.text.length > 20, 'a human sentence');
      await waitForState(panel, c.state);
      assert.equal(
        (await panel.locator('button[data-rpk=fix-all]').count()) > 0,
        seen.some((x) => x.fixable),
      );
      if (!c.fixable) return;
      await panel.locator(`[data-rpk=finding][data-code=${c.code}] button[data-rpk=fix]`).first().click();
      const after = await waitFor(
        'fix applied',
        () => keyField(page).inputValue(),
        (v) => v !== c.text,
      );
      if (c.fixed !== undefined) assert.equal(after.trim(), c.fixed);
      if (c.fixedPrefix !== undefined) assert.ok(after.startsWith(c.fixedPrefix), `${after} starts with ${c.fixedPrefix}`);
      assert.equal(await replicaField(page), after, 'React state follows the fix');
      assert.ok(!(await findings(panel)).some((x) => x.code === c.code), 'finding gone after its fix');
      // Undo: the Undo button restores the text before the fix.
      await panel.locator('button[data-rpk=undo], button[data-rpk=undo-fixed]').first().click();
      await waitFor(
        'undo',
        () => keyField(page).inputValue(),
        (v) => v === c.text,
      );
      assert.equal(await replicaField(page), c.text);
    });
  }
});

test('every contract code, pasted: auto-fixed with a "Fixed" note and undo, or reported', async (t) => {
  await openSettings();
  for (const c of cases()) {
    if (c.code === 'private-key') continue; // its own test below
    await t.test(`${c.code} (${c.severity})`, async () => {
      await typeText('');
      const panel = panelOf(page);
      await waitForState(panel, 'empty');
      await paste(page, keyField(page), c.text);
      if (c.autoFixedOnPaste) {
        const fixed = await waitFor(
          'paste fixed',
          () => keyField(page).inputValue(),
          (v) => v !== '' && v !== c.text,
        );
        if (c.fixed !== undefined) assert.equal(fixed.trim(), c.fixed);
        if (c.fixedPrefix !== undefined) assert.ok(fixed.startsWith(c.fixedPrefix));
        else if (c.code === 'foreign-format')
          assert.equal(fixed.trim().split(' ').slice(0, 2).join(' '), ed.publicLine.split(' ').slice(0, 2).join(' '));
        assert.match(await panelText(panel), /Fixed:/);
        assert.ok(!(await findings(panel)).some((x) => x.code === c.code));
        assert.equal(await replicaField(page), fixed);
        // Ctrl+Z right after the fix gives back exactly what was pasted.
        await keyField(page).press('ControlOrMeta+z');
        await waitFor(
          'undo paste fix',
          () => keyField(page).inputValue(),
          (v) => v === c.text,
        );
        assert.equal(await replicaField(page), c.text);
        await waitForFinding(panel, c.code);
      } else {
        await waitFor(
          'pasted',
          () => keyField(page).inputValue(),
          (v) => v === c.text,
        );
        const f = (await waitForFinding(panel, c.code)).find((x) => x.code === c.code)!;
        assert.equal(f.severity, c.severity);
        assert.equal(f.line, c.line);
      }
    });
  }
});

test('fix-all repairs a field with several problems at once, and undo restores it', async () => {
  await openSettings();
  const messy = `$ cat ~/.ssh/id_ed25519.pub\n${edBlob} me@laptop\n${ed2.publicLine} ${ecdsa.publicLine}\u00a0\n${ed2.publicLine}`;
  await typeText(messy);
  const panel = panelOf(page);
  await waitForState(panel, 'error');
  await panel.locator('button[data-rpk=fix-all]').click();
  const fixed = await waitFor(
    'fix-all',
    () => keyField(page).inputValue(),
    (v) => v !== messy,
  );
  assert.deepEqual(fixed.split('\n').filter(Boolean), [ed.publicLine, ed2.publicLine, ecdsa.publicLine]);
  await waitForState(panel, 'ok');
  assert.equal(await panel.locator('[data-rpk=key]').count(), 3);
  await panel.locator('button[data-rpk=undo]').first().click();
  await waitFor(
    'undo fix-all',
    () => keyField(page).inputValue(),
    (v) => v === messy,
  );
});

test('private key paste: the page never sees it, the field never holds it; the fix inserts the public key', async (t) => {
  for (const [name, key] of [
    ['openssh', ed],
    ['pem', pemRsa],
  ] as const) {
    await t.test(name, async () => {
      await openSettings();
      await typeText(ecdsa.publicLine);
      const pastesBefore = await replica<number>(page, 'pasteEvents');
      const inputsBefore = await replica<number>(page, 'inputEvents');
      const secret = readText(key.privatePath);
      await paste(page, keyField(page), secret);
      const panel = panelOf(page);
      const f = (await waitForFinding(panel, 'private-key')).find((x) => x.code === 'private-key')!;
      assert.equal(f.severity, 'error');
      assert.equal(f.line, 1);
      await waitForState(panel, 'error');
      assert.equal(await replica<number>(page, 'pasteEvents'), pastesBefore, 'no page listener saw the paste');
      assert.equal(await replica<number>(page, 'inputEvents'), inputsBefore, 'no input reached the page');
      assert.equal(await keyField(page).inputValue(), ecdsa.publicLine, 'field untouched');
      // The save guard holds while the private-key finding stands.
      await page.getByRole('button', { name: 'Update Public Key' }).click();
      await page.locator('[data-rpk=save-guard]').waitFor();
      await panel.locator('[data-rpk=finding][data-code=private-key] button[data-rpk=fix]').waitFor({ timeout: 10_000 });
      await screenshot(panel, `key-field-private-${name}`);
      await page.locator('button[data-rpk=save-cancel]').click();
      // The fix inserts exactly what ssh-keygen -y derives.
      const fix = panel.locator('[data-rpk=finding][data-code=private-key] button[data-rpk=fix]');
      await fix.waitFor({ timeout: 10_000 });
      await fix.click();
      const value = await waitFor(
        'public key inserted',
        () => keyField(page).inputValue(),
        (v) => v !== ecdsa.publicLine,
      );
      const derived = derivePublic(key.privatePath).split(' ').slice(0, 2).join(' ');
      assert.ok(
        value.split('\n').some((l) => l.startsWith(derived)),
        'derived public key inserted',
      );
      assert.ok(!/PRIVATE KEY/.test(value));
      await waitForState(panel, 'ok');
      await page.getByRole('button', { name: 'Update Public Key' }).click();
      await waitFor(
        'saved',
        () => replica<string>(page, 'savedValue'),
        (v) => v === value,
      );
      assert.ok(!(await replica<string>(page, 'savedValue')).includes('PRIVATE'));
    });
  }
});

test('save guard: blocks while in error, save-anyway saves exactly once, cancel does not; clean field saves directly', async () => {
  await openSettings();
  const save = page.getByRole('button', { name: 'Update Public Key' });
  const broken = `${edBlob.slice(0, 30)}`;
  await typeText(`ssh-ed25519 ${broken}`);
  await waitForState(panelOf(page), 'error');
  const calls = async (): Promise<number> =>
    (await replica<{ operation: string }[]>(page, 'graphql')).filter((c) => c.operation === 'updateUserSettings').length;
  const before = await calls();
  await save.click();
  await page.locator('[data-rpk=save-guard]').waitFor();
  await page.locator('button[data-rpk=save-cancel]').click();
  await page.waitForTimeout(400);
  assert.equal(await calls(), before, 'cancel does not save');
  assert.ok(!(await page.locator('[data-rpk=save-guard]').isVisible()));
  // Keyboard activation is guarded too.
  await save.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-rpk=save-guard]').waitFor();
  await page.locator('button[data-rpk=save-anyway]').click();
  await waitFor('saved once', calls, (n) => n === before + 1);
  await page.waitForTimeout(400);
  assert.equal(await calls(), before + 1, 'exactly once');
  assert.equal(await replica<string>(page, 'savedValue'), `ssh-ed25519 ${broken}`);
  // Clean field: the console's button works as before, no guard.
  await typeText(ed.publicLine);
  await waitForState(panelOf(page), 'ok');
  await save.click();
  await waitFor(
    'saved clean',
    () => replica<string>(page, 'savedValue'),
    (v) => v === ed.publicLine,
  );
  assert.equal(await page.locator('[data-rpk=save-guard]').isVisible(), false);
  await page.getByText('Public Key Updated').first().waitFor();
});

test('initial value set asynchronously by the page is analysed; fingerprints match known keys', async () => {
  await openSettings(`${ed.publicLine}\n${ed.sha256.fingerprint}`);
  const panel = panelOf(page);
  const f = (await waitForFinding(panel, 'fingerprint')).find((x) => x.code === 'fingerprint')!;
  assert.equal(f.line, 2);
  assert.equal(f.fixable, true, 'matches a key already in the field: removable');
  assert.equal(listLine(ed.publicLine).fingerprint, ed.sha256.fingerprint);
});
