/**
 * The popup's SSH doctor on the BUILT extension, in Chromium (en and de, light and dark, axe) and
 * in the Firefox build: `#doctor` opens the view; REAL `ssh -v` output from a real sshd pasted in
 * gives cause cards with their fix command and copy button, and the offered fingerprint shown
 * against the account's keys (stored public lines).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openPopup, screenshot, type Launched } from './harness.ts';
import { seriousViolations } from './axe.ts';
import { launchFirefox, openFirefoxPopup } from './firefox-harness.ts';
import { popupReady } from '../helpers/popup.ts';
import { startSshd, type Sshd } from '../helpers/sshd.ts';
import { makeKey, run, tempDir, type TestKey } from '../unit/doctor/real-ssh.ts';

const VIEWPORT = { width: 400, height: 800 };
let sshd: Sshd;
let stranger: TestKey;
let late: TestKey;
let refusedOutput: string; // a key in the account, refused by the pod
let missingOutput: string; // -i pointing nowhere

before(async () => {
  sshd = await startSshd();
  const dir = tempDir();
  stranger = makeKey(dir, 'stranger');
  late = makeKey(dir, 'late');
  const opts = `-o UserKnownHostsFile=${join(dir, 'kh')} -o StrictHostKeyChecking=accept-new -p ${sshd.port}`;
  writeFileSync(sshd.authorizedKeys, `${stranger.publicLine}\n`);
  refusedOutput = run(`ssh -v ${opts} -i ${late.path} root@127.0.0.1 true`).output;
  missingOutput = run(`ssh ${opts} -i ${join(dir, 'nope')} root@127.0.0.1 true`).output;
  assert.match(refusedOutput, /Offering public key/);
});
after(async () => {
  await sshd.stop();
});

/** The account's keys as the content script stores them after a save. */
async function storeAccount(page: Page, keys: string[]): Promise<void> {
  await page.evaluate(async (k) => {
    const api =
      (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ??
      (globalThis as unknown as { chrome: typeof chrome }).chrome;
    await api.storage.local.set({ accountKeys: { keys: k, savedAt: '2026-12-01T10:00:00.000Z' } });
  }, keys);
}
declare const chrome: { storage: { local: { set(v: unknown): Promise<void> } } };

/** The popup at #doctor, with `late` among the account's keys. */
async function openDoctor(runC: Launched): Promise<Page> {
  const page = await openPopup(runC);
  await popupReady(page);
  await storeAccount(page, [late.publicLine]);
  await page.goto(`${page.url()}#doctor`);
  await page.reload();
  await popupReady(page);
  return page;
}

async function paste(page: Page, text: string): Promise<void> {
  await page.locator('[data-rpk=doctor-input]').fill(text);
  await page.locator('[data-rpk=cause]').first().waitFor({ timeout: 5000 });
}

async function checkDoctor(page: Page, lang: 'en' | 'de', focused = true): Promise<void> {
  // #doctor: the doctor alone, its textarea focused.
  assert.equal(await page.locator('[data-rpk=doctor-input]').isVisible(), true);
  assert.equal(await page.locator('[data-rpk=generate]').isVisible(), false);
  // (Firefox over BiDi opens the page in a background tab, where focus() does not take.)
  if (focused) assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-rpk')), 'doctor-input');

  await paste(page, refusedOutput);
  const first = page.locator('[data-rpk=cause]').first();
  assert.equal(await first.getAttribute('data-code'), 'key-added-after-start');
  const text = await first.locator('[data-rpk=cause-message]').innerText();
  assert.match(text, lang === 'de' ? /Runpod-Konto/ : /Runpod account/);
  const fix = await first.locator('[data-rpk=fix-command]').innerText();
  assert.ok(fix.includes(late.publicLine.split(' ')[1]!) && fix.includes('>> ~/.ssh/authorized_keys'), fix);
  assert.equal(await first.locator('button[data-rpk=copy-fix]').count(), 1);
  // The focusable command is a named region (a screen reader says what it is when Tab reaches it).
  assert.equal(await first.getByRole('region', { name: lang === 'de' ? 'Lösung' : 'Fix', exact: true }).count(), 1);
  const offered = page.locator('[data-rpk=offered-key]');
  assert.equal(await offered.count(), 1);
  assert.equal(await offered.getAttribute('data-in-account'), 'true');
  assert.equal(await offered.getAttribute('data-accepted'), 'false');

  await paste(page, missingOutput);
  assert.equal(await page.locator('[data-rpk=cause]').first().getAttribute('data-code'), 'identity-missing');
}

test('Chromium: #doctor, real ssh output → cause cards with fixes, offered key against the account (en, light + dark, axe, keyboard)', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const runC = await launch({ viewport: VIEWPORT, colorScheme: scheme });
    try {
      const page = await openDoctor(runC);
      await checkDoctor(page, 'en');
      await paste(page, refusedOutput);
      // Keyboard: Tab from the textarea reaches the fix command and its copy button.
      await page.locator('[data-rpk=doctor-input]').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-rpk')), 'copy-fix');
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page.locator('body'), `doctor-${scheme}`);
      // Back shows the whole popup; the header link opens the doctor again.
      await page.locator('[data-rpk=doctor-back]').click();
      assert.equal(await page.locator('[data-rpk=generate]').isVisible(), true);
      await page.locator('[data-rpk=open-doctor]').click();
      assert.equal(await page.locator('[data-rpk=generate]').isVisible(), false);
    } finally {
      await runC.close();
    }
  }
});

test('Chromium: the open-doctor message (for the "Not working?" links) opens the doctor in a tab', async () => {
  const runC = await launch({ viewport: VIEWPORT });
  try {
    const page = await openPopup(runC);
    await popupReady(page);
    const [tab] = await Promise.all([
      runC.context.waitForEvent('page', { timeout: 10_000 }),
      page.evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
          type: 'open-doctor',
          payload: {},
        }),
      ),
    ]);
    await popupReady(tab);
    assert.match(tab.url(), /\?tab#doctor$/);
    assert.equal(await tab.locator('[data-rpk=doctor-input]').isVisible(), true);
    assert.equal(await tab.locator('[data-rpk=generate]').isVisible(), false);
  } finally {
    await runC.close();
  }
});

test('Chromium in German: the causes and labels are German', async () => {
  const runC = await launch({ viewport: VIEWPORT, locale: 'de' });
  try {
    const page = await openDoctor(runC);
    assert.equal(await page.locator('label[for=doctor-input]').innerText(), 'Terminal-Ausgabe');
    await checkDoctor(page, 'de');
    await screenshot(page.locator('body'), 'doctor-de');
  } finally {
    await runC.close();
  }
});

test('Firefox build: #doctor gives the same cause cards', async () => {
  const ff = await launchFirefox();
  try {
    const popup = await openFirefoxPopup(ff.context);
    await storeAccount(popup, [late.publicLine]);
    // A fresh page opened at …/index.html#doctor (as openFirefoxPopup does: retried, BiDi may hang on the first load).
    const page = await ff.context.newPage();
    for (let attempt = 1; ; attempt++) {
      await page.goto(`${popup.url()}#doctor`, { waitUntil: 'commit' });
      try {
        await page.locator('html[data-rpk-ready]').waitFor({ timeout: attempt < 3 ? 3000 : 10_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await checkDoctor(page, 'en', false);
    await screenshot(page, 'firefox-doctor');
  } finally {
    await ff.close();
  }
});
