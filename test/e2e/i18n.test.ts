/**
 * German proves the localisation works end to end: Chromium started with a German UI language
 * (`--lang=de`, LANGUAGE/LANG) picks `_locales/de` for the manifest, the popup (static markup and
 * script messages) and the Connect buttons in the console page. Expected texts are read from the
 * catalogue files, not repeated here; English (the default suites) must look different.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, openPopup, routeConsole, screenshot, type Launched } from './harness.ts';
import { keyField, panelOf, settingsLoaded } from './key-field-lib.ts';

type Catalogue = Record<string, { message: string }>;
const de = JSON.parse(readFileSync(join(ROOT, 'public/_locales/de/messages.json'), 'utf8')) as Catalogue;
const en = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Catalogue;
const msg = (cat: Catalogue, key: string): string => {
  const m = cat[key]?.message;
  if (m === undefined) throw new Error(`no message ${key}`);
  return m;
};

let browser: Launched;
before(async () => {
  browser = await launch({ locale: 'de' });
});
after(async () => {
  await browser?.close();
});

test('the popup is German: static labels, attributes, lang and script messages', async () => {
  const popup = await openPopup(browser);
  await popup.locator('html[data-rpk-ready]').waitFor({ timeout: 10_000 });
  assert.equal(await popup.locator('html').getAttribute('lang'), 'de');
  assert.equal(await popup.title(), msg(de, 'extName'));
  assert.equal((await popup.locator('h1').textContent())?.trim(), msg(de, 'extName'));
  assert.equal((await popup.locator('#settings-title').textContent())?.trim(), msg(de, 'popupSettingsTitle'));
  assert.equal((await popup.locator('button[data-rpk=generate]').textContent())?.trim(), msg(de, 'popupGenerate'));
  assert.equal(await popup.locator('[data-rpk=open-tab]').getAttribute('title'), msg(de, 'popupOpenTabTitle'));
  assert.equal(await popup.locator('label[for=key-path]').textContent(), msg(de, 'popupKeyPathLabel'));
  // Accessible names come from the German catalogue too.
  await popup.getByRole('combobox', { name: msg(de, 'popupShellLabel') }).waitFor();
  // A script message: the passphrase verdict.
  await popup.locator('[data-rpk=passphrase]').fill('abc');
  await popup.locator('[data-rpk=passphrase-confirm]').fill('abd');
  assert.equal(await popup.locator('[data-rpk=passphrase-message]').textContent(), msg(de, 'popupPassphraseMismatch'));
  await popup.locator('[data-rpk=passphrase]').fill('');
  await popup.locator('[data-rpk=passphrase-confirm]').fill('');
  assert.equal(await popup.locator('[data-rpk=passphrase-message]').textContent(), msg(de, 'popupPassphraseNone'));
  assert.notEqual(msg(de, 'popupPassphraseNone'), msg(en, 'popupPassphraseNone'));
  await screenshot(popup, 'i18n-popup-de');

  // After generating: result labels and the status line.
  await popup.locator('button[data-rpk=generate]').click();
  await popup.locator('[data-rpk=public-key]').waitFor({ state: 'visible', timeout: 60_000 });
  assert.equal(await popup.locator('[data-rpk=generate-status]').textContent(), msg(de, 'popupGenerated'));
  assert.equal((await popup.locator('#result-title').textContent())?.trim(), msg(de, 'popupResultTitle'));
  assert.equal(await popup.locator('[data-rpk=encryption]').textContent(), msg(de, 'popupNotEncrypted'));
  assert.equal(await popup.locator('[data-rpk=download-private]').getAttribute('title'), msg(de, 'popupSavesFile').replace('$file$', 'id_ed25519_runpod'));
  await screenshot(popup, 'i18n-popup-de-generated');
  await popup.close();
});

test('the Connect buttons next to an SSH command are German', async () => {
  const command = 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';
  await routeConsole(browser.context, {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connect</title></head>
      <body style="font: 14px system-ui; margin: 24px"><h3>SSH over exposed TCP</h3>
      <div style="display:flex; gap:8px; align-items:center"><span>$</span><code>${command}</code><button>Copy</button></div></body></html>`,
  });
  const page = await browser.context.newPage();
  await page.goto('https://console.runpod.io/pods');
  const copy = page.locator('button[data-rpk=copy-corrected]');
  await copy.waitFor({ timeout: 10_000 });
  assert.equal((await copy.textContent())?.trim(), msg(de, 'connectCopyCorrected'));
  assert.equal((await page.locator('button[data-rpk=copy-ssh-config]').textContent())?.trim(), msg(de, 'connectCopyConfig'));
  await copy.focus();
  const tip = page.locator('[data-rpk-host] .tip');
  await tip.filter({ hasText: msg(de, 'connectPreviewCommand') }).waitFor({ timeout: 5000 });
  await screenshot(page, 'i18n-connect-de');
  await page.close();
});

test('the validator panel shows core findings and fix labels from the German catalogue', async () => {
  await routeConsole(browser.context);
  const page = await browser.context.newPage();
  await page.goto('https://console.runpod.io/user/settings');
  await settingsLoaded(page);
  const field = keyField(page);
  await field.fill('hello world');
  const panel = panelOf(page);
  const finding = panel.locator('[data-rpk=finding][data-code=not-a-key]');
  await finding.waitFor({ timeout: 10_000 });
  const expected = msg(de, 'findingNotAKeyLine').replace('$line$', '1').replace('$text$', 'hello world');
  assert.ok(((await finding.textContent()) ?? '').includes(expected), await finding.textContent() ?? '');
  assert.equal((await finding.locator('button[data-rpk=fix]').textContent())?.trim(), msg(de, 'fixRemoveLine'));
  await screenshot(page, 'i18n-panel-de');
  await page.close();
});
