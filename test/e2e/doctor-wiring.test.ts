/**
 * The SSH doctor's content-script wiring on the BUILT extension in Chromium, on the console
 * replica (issue 11, items 2 and 3): a save the console confirms ("Public Key Updated", "SSH key
 * added") stores exactly the field's public keys and the time in local storage, and the key panel
 * shows when; a pasted private key never reaches storage; "Not working?" in the key panel and in
 * the Connect assistant opens the popup's doctor in a new tab (`#doctor`); German once; axe;
 * screenshots of the panel with its saved line, light and dark.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Locator, Page, Worker } from 'playwright-core';
import { launch, screenshot, type Launched } from './harness.ts';
import { seriousViolations } from './axe.ts';
import { keyField, panelOf, paste, replica, settingsLoaded, waitFor, waitForFinding, waitForState } from './key-field-lib.ts';
import { generateKey, type GeneratedTestKey } from '../helpers/openssh.ts';
import { getMessage, loadCatalogue } from '../helpers/catalogue.ts';

const BASE = 'https://console.runpod.io';
const en = loadCatalogue('en');
const de = loadCatalogue('de');
/** A catalogue message's text before its first placeholder (the date differs by ICU version). */
const lead = (cat: typeof en, key: string): string => getMessage(cat, key, ['\u0000']).split('\u0000')[0]!;

interface Stored {
  keys: string[];
  savedAt: string;
}

let run: Launched;
let a: GeneratedTestKey;
let b: GeneratedTestKey;
let c: GeneratedTestKey;
let d: GeneratedTestKey;

before(async () => {
  run = await launch({ console: true, clipboard: true });
  a = generateKey({ kind: 'ed25519' }, { comment: 'laptop@rpk' });
  b = generateKey({ kind: 'rsa', bits: 2048 }, { comment: 'desktop@rpk' });
  c = generateKey({ kind: 'ed25519' }, { comment: 'pasted-private@rpk' });
  d = generateKey({ kind: 'ecdsa', bits: 256 }, { comment: 'dialog@rpk' });
});
after(async () => {
  await run?.close();
});

function worker(launched: Launched): Worker {
  const [w] = launched.context.serviceWorkers();
  assert.ok(w, 'the extension service worker runs');
  return w;
}
type Chrome = {
  storage: {
    local: { get(k?: string | null): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> };
    sync: { get(k?: null): Promise<Record<string, unknown>> };
  };
};

async function storedAccount(launched: Launched): Promise<Stored | undefined> {
  return worker(launched).evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('accountKeys')).accountKeys as Stored | undefined,
  );
}
/** Everything the extension stored, both areas, as one string. */
async function allStorage(launched: Launched): Promise<string> {
  return worker(launched).evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Chrome }).chrome.storage;
    return JSON.stringify([await api.local.get(null), await api.sync.get(null)]);
  });
}
async function forgetAccount(launched: Launched): Promise<void> {
  await worker(launched).evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove('accountKeys'));
}

/** Waits until storage holds an account save newer than `since` (ms), and returns it. */
async function waitForSave(since: number): Promise<Stored> {
  const got = await waitFor(
    'accountKeys stored',
    () => storedAccount(run),
    (s) => s !== undefined && Date.parse(s.savedAt) >= since,
    10_000,
  );
  return got!;
}

async function settings(page: Page, theme: 'light' | 'dark' = 'light', saved?: string): Promise<Locator> {
  await page.goto(`${BASE}/user/settings?theme=${theme}${saved === undefined ? '' : `&saved=${encodeURIComponent(saved)}`}`);
  await keyField(page).waitFor();
  await settingsLoaded(page);
  return panelOf(page);
}

async function saveAndConfirm(page: Page, button = 'Update Public Key', toast = 'Public Key Updated'): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('alert').filter({ hasText: toast }).first().waitFor({ timeout: 10_000 });
}

/** Clicks (or presses Enter on) a "Not working?" button: a new tab opens the popup page at #doctor. */
async function opensDoctor(button: Locator, how: 'click' | 'Enter'): Promise<void> {
  const [tab] = await Promise.all([
    run.context.waitForEvent('page', { timeout: 10_000 }),
    how === 'click' ? button.click() : button.press('Enter'),
  ]);
  await tab.waitForLoadState();
  assert.match(tab.url(), /^chrome-extension:\/\/[a-p]{32}\/.*#doctor$/, tab.url());
  await tab.locator('[data-rpk=doctor-input]').waitFor({ state: 'visible', timeout: 10_000 });
  await tab.close();
}

test('a confirmed save stores exactly the public keys and the time; the panel says when; light + dark screenshots', async () => {
  const page = await run.context.newPage();
  const panel = await settings(page);
  assert.equal(await storedAccount(run), undefined, 'nothing stored before any save');
  assert.equal(await panel.locator('[data-rpk=saved-at]').count(), 0, 'no saved line while the time is unknown');
  await keyField(page).fill(`${a.publicLine}\n\n${b.publicLine}\n`);
  await waitForState(panel, 'ok');
  const t0 = Date.now();
  await saveAndConfirm(page);
  const stored = await waitForSave(t0);
  assert.deepEqual(stored.keys, [a.publicLine, b.publicLine]);
  assert.ok(Date.parse(stored.savedAt) <= Date.now() && new Date(stored.savedAt).toISOString() === stored.savedAt, stored.savedAt);
  assert.equal(await replica<string>(page, 'savedValue'), `${a.publicLine}\n\n${b.publicLine}\n`, 'the page saved what we stored');

  const line = panel.locator('[data-rpk=saved-at]');
  await line.waitFor();
  assert.equal(await line.getAttribute('data-saved-at'), stored.savedAt);
  const text = (await line.textContent()) ?? '';
  assert.ok(text.startsWith(lead(en, 'doctorEntrySavedAt')) && /restart them\.$/.test(text), text);
  assert.ok(text.includes(String(new Date(stored.savedAt).getFullYear())), `the date is shown: ${text}`);
  assert.deepEqual(await seriousViolations(page, ['[data-rpk=panel]']), []);
  await screenshot(page.locator('section, [role=region]').filter({ has: panel }).last(), 'doctor-wiring-panel-light');

  // Another tab in the dark theme (the replica's saved string is per tab): the line comes from storage.
  const dark = await run.context.newPage();
  const darkPanel = await settings(dark, 'dark', `${a.publicLine}\n\n${b.publicLine}\n`);
  await darkPanel.locator('[data-rpk=saved-at]').waitFor();
  assert.deepEqual(await seriousViolations(dark, ['[data-rpk=panel]']), []);
  await screenshot(dark.locator('section, [role=region]').filter({ has: darkPanel }).last(), 'doctor-wiring-panel-dark');
  await dark.close();
  await page.close();
});

test('a pasted private key never reaches storage: fixed to its public key, or left out by "Save anyway"', async () => {
  const priv = readFileSync(c.privatePath, 'utf8');
  const body = priv.split('\n')[1]!;
  const page = await run.context.newPage();
  const panel = await settings(page);

  // Pasted and fixed: its public half is saved and remembered.
  await keyField(page).fill(`${a.publicLine}\n`);
  await paste(page, keyField(page), priv);
  await waitForFinding(panel, 'private-key');
  await panel.locator('[data-rpk=finding][data-code=private-key] button[data-rpk=fix]').click();
  await waitForState(panel, 'ok');
  let t0 = Date.now();
  await saveAndConfirm(page);
  let stored = await waitForSave(t0);
  assert.deepEqual(stored.keys, [a.publicLine, c.publicLine]);
  assert.ok(!(await allStorage(run)).includes(body) && !/PRIVATE KEY/.test(await allStorage(run)));

  // Pasted and not fixed: the guard, then "Save anyway"; only the public key in the field is kept.
  await keyField(page).fill(`${b.publicLine}\n`);
  await paste(page, keyField(page), priv);
  await waitForFinding(panel, 'private-key');
  t0 = Date.now();
  await page.getByRole('button', { name: 'Update Public Key', exact: true }).click();
  await panel.locator('[data-rpk=save-guard]').waitFor();
  await panel.locator('button[data-rpk=save-anyway]').click();
  await page.getByRole('alert').filter({ hasText: 'Public Key Updated' }).first().waitFor();
  stored = await waitForSave(t0);
  assert.deepEqual(stored.keys, [b.publicLine]);
  const everything = await allStorage(run);
  assert.ok(!everything.includes(body) && !/PRIVATE KEY|openssh-key-v1/.test(everything), 'no private key text in storage');
  await page.close();
});

test('"Add SSH key" on the credentials page adds its key to the remembered ones', async () => {
  const page = await run.context.newPage();
  const before = (await storedAccount(run))?.keys ?? [];
  assert.ok(before.length > 0, 'a previous test saved keys');
  await page.goto(`${BASE}/user/credentials?tab=ssh-public-keys`);
  await page.getByRole('button', { name: 'Add SSH key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add SSH key' });
  await dialog.getByLabel('Name').fill('dialog key');
  await keyField(page, 'SSH key').fill(d.publicLine);
  await waitForState(dialog.locator('[data-rpk=panel]'), 'ok');
  const t0 = Date.now();
  await saveAndConfirm(page, 'Save', 'SSH key added');
  const stored = await waitForSave(t0);
  assert.deepEqual(stored.keys, [...before, d.publicLine]);
  await page.close();
});

test('"Not working?" in the key panel and in the Connect assistant opens the doctor in a new tab (click and keyboard, axe)', async () => {
  const page = await run.context.newPage();
  const panel = await settings(page);
  const link = panel.locator('button[data-rpk=open-doctor]');
  assert.equal(await link.textContent(), getMessage(en, 'doctorEntryNotWorking', []));
  await opensDoctor(link, 'click');
  await opensDoctor(link, 'Enter');

  await page.goto(`${BASE}/pods?theme=light`);
  await page
    .getByRole('button', { name: /vigilant_violet_lynx/ })
    .first()
    .click();
  const pane = page.getByRole('complementary', { name: 'Pod vigilant_violet_lynx' });
  const assistant = pane.locator('[data-rpk=assistant]').first();
  await assistant.waitFor({ timeout: 10_000 });
  const asstLink = assistant.locator('button[data-rpk=open-doctor]');
  assert.equal(await asstLink.isVisible(), true, 'shown without opening the assistant');
  // Keyboard: Tab from "More commands" reaches it.
  await assistant.locator('[data-rpk=assistant-toggle]').focus();
  await page.keyboard.press('Tab');
  assert.equal(await assistant.evaluate((h) => h.shadowRoot?.activeElement?.getAttribute('data-rpk')), 'open-doctor');
  await opensDoctor(asstLink, 'Enter');
  await assistant.locator('[data-rpk=assistant-toggle]').click();
  assert.deepEqual(await seriousViolations(page, ['[data-rpk=assistant]']), []);
  await opensDoctor(asstLink, 'click');
  await screenshot(pane, 'doctor-wiring-connect-light');
  await page.close();
});

test('German: the saved line and "Not working?" in the panel and the assistant', async () => {
  const runDe = await launch({ console: true, locale: 'de' });
  try {
    const savedAt = '2026-12-01T10:00:00.000Z';
    await worker(runDe).evaluate((v) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ accountKeys: v }), {
      keys: [a.publicLine],
      savedAt,
    });
    const page = await runDe.context.newPage();
    await page.goto(`${BASE}/user/settings?theme=light&saved=${encodeURIComponent(a.publicLine)}`);
    const panel = panelOf(page);
    const line = panel.locator('[data-rpk=saved-at]');
    await line.waitFor({ timeout: 10_000 });
    const text = (await line.textContent()) ?? '';
    assert.ok(text.startsWith(lead(de, 'doctorEntrySavedAt')) && text.includes('2026'), text);
    assert.notEqual(lead(de, 'doctorEntrySavedAt'), lead(en, 'doctorEntrySavedAt'));
    const link = panel.locator('button[data-rpk=open-doctor]');
    assert.equal(await link.textContent(), getMessage(de, 'doctorEntryNotWorking', []));
    assert.equal(await link.getAttribute('title'), getMessage(de, 'doctorEntryNotWorkingTitle', []));
    await screenshot(page.locator('section, [role=region]').filter({ has: panel }).last(), 'doctor-wiring-panel-de');

    await page.goto(`${BASE}/pods?theme=light`);
    await page
      .getByRole('button', { name: /vigilant_violet_lynx/ })
      .first()
      .click();
    const asstLink = page.locator('[data-rpk=assistant] button[data-rpk=open-doctor]').first();
    await asstLink.waitFor({ timeout: 10_000 });
    assert.equal(await asstLink.textContent(), getMessage(de, 'doctorEntryNotWorking', []));
    const [tab] = await Promise.all([runDe.context.waitForEvent('page', { timeout: 10_000 }), asstLink.click()]);
    await tab.locator('[data-rpk=doctor-input]').waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(tab.url(), /#doctor$/);
    // the popup sets lang when it localizes, just after its static markup shows
    await tab.locator('html[lang=de]').waitFor({ state: 'attached', timeout: 10_000 });
  } finally {
    await runDe.close();
  }
});

test('a save the console does not confirm stores nothing; forgetting clears the panel line', async () => {
  await forgetAccount(run);
  const page = await run.context.newPage();
  const panel = await settings(page);
  await keyField(page).fill(`${a.publicLine}\n`);
  await waitForState(panel, 'ok');
  assert.equal(await panel.locator('[data-rpk=saved-at]').count(), 0);
  // A page "Save" that ends in an error toast: nothing is remembered. The replica's save always
  // succeeds, so the page's answer is replaced by an error toast in the same place.
  await page.evaluate(() => {
    const save = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Update Public Key')!;
    save.addEventListener('click', (e) => {
      e.stopImmediatePropagation();
      const toast = document.createElement('div');
      toast.setAttribute('role', 'alert');
      toast.textContent = 'Failed to update public key';
      document.body.append(toast);
      // Then a success toast of something else: still no save of the key field.
      setTimeout(() => {
        const ok = document.createElement('div');
        ok.setAttribute('role', 'alert');
        ok.textContent = 'Public Key Updated';
        document.body.append(ok);
      }, 100);
    });
  });
  await page.getByRole('button', { name: 'Update Public Key', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Public Key Updated' }).waitFor();
  // The watch ended at the failure toast: a later save (the real one) is what gets stored.
  await page.reload();
  await keyField(page).waitFor();
  await settingsLoaded(page);
  assert.equal(await storedAccount(run), undefined, 'a failed save stores nothing');
  await keyField(page).fill(`${b.publicLine}\n`);
  const t0 = Date.now();
  await saveAndConfirm(page);
  assert.deepEqual((await waitForSave(t0)).keys, [b.publicLine]);
  await panelOf(page).locator('[data-rpk=saved-at]').waitFor();
  await forgetAccount(run);
  await panelOf(page).locator('[data-rpk=saved-at]').waitFor({ state: 'detached' });
  await page.close();
});
