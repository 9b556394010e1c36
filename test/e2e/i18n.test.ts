/**
 * German proves the localisation works end to end: Chromium started with a German UI language
 * (`--lang=de`, LANGUAGE/LANG) picks `_locales/de` for the manifest, the popup (static markup and
 * script messages) and the Connect buttons in the console page. Expected texts are read from the
 * catalogue files, not repeated here; English (the default suites) must look different.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPopup, routeConsole, screenshot, type Launched } from './harness.ts';
import { keyFileNames } from '../../src/core/keygen/install.ts';
import { keyField, panelOf, paste, settingsLoaded, waitFor, waitForState } from './key-field-lib.ts';
import { generateKey, readText } from '../helpers/openssh.ts';
import { getMessage, loadCatalogue, type Catalogue } from '../helpers/catalogue.ts';

const de = loadCatalogue('de');
const en = loadCatalogue('en');
const msg = (cat: Catalogue, key: string): string => {
  const m = cat[key]?.message;
  if (m === undefined) throw new Error(`no message ${key}`);
  return m;
};
const fmt = (cat: Catalogue, key: string, ...subs: string[]): string => getMessage(cat, key, subs);

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
  // A core command reason (key-path check) comes through the catalogue too.
  await popup.locator('[data-rpk=key-path]').fill('~/.ssh/id_ed25519.pub');
  const german = msg(de, 'cmdKeyPathPublic');
  await popup.waitForFunction(
    (want) => (document.querySelector('[data-rpk=key-path-message]')?.textContent ?? '').toLowerCase().includes(want.toLowerCase()),
    german,
  );
  assert.ok(!(await popup.locator('[data-rpk=key-path-message]').textContent())?.includes(msg(en, 'cmdKeyPathPublic')));
  await popup.locator('[data-rpk=key-path]').fill('~/.ssh/id_ed25519');
  await screenshot(popup, 'i18n-popup-de');

  // After generating: result labels and the status line.
  await popup.locator('button[data-rpk=generate]').click();
  await popup.locator('[data-rpk=public-key]').waitFor({ state: 'visible', timeout: 60_000 });
  assert.equal(await popup.locator('[data-rpk=generate-status]').textContent(), msg(de, 'popupGenerated'));
  assert.equal((await popup.locator('#result-title').textContent())?.trim(), msg(de, 'popupResultTitle'));
  assert.equal(await popup.locator('[data-rpk=encryption]').textContent(), msg(de, 'popupNotEncrypted'));
  assert.equal(
    await popup.locator('[data-rpk=download-private]').getAttribute('title'),
    msg(de, 'popupSavesFile').replace(
      '$file$',
      keyFileNames((await popup.locator('[data-rpk=fingerprint]').textContent()) ?? '').privateName,
    ),
  );
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
  assert.ok(((await finding.textContent()) ?? '').includes(expected), (await finding.textContent()) ?? '');
  assert.equal((await finding.locator('button[data-rpk=fix]').textContent())?.trim(), msg(de, 'fixRemoveLine'));
  await screenshot(page, 'i18n-panel-de');
  await page.close();
});

// --- the key-field panel's own words ---

const ed = generateKey({ kind: 'ed25519' }, { comment: 'me@laptop' });
const ed2 = generateKey({ kind: 'ed25519' }, { comment: 'second@box' });
const priv = generateKey({ kind: 'ecdsa', bits: 256 });
const count = (cat: Catalogue, what: 'Keys' | 'Warnings' | 'Problems', n: number): string =>
  n === 1 ? msg(cat, `panel${what}One`) : fmt(cat, `panel${what}Many`, String(n));

/**
 * The English words of the panel that must not show in German: each panel/paste/fill message's
 * literal text between placeholders (8+ characters), unless German happens to contain it too
 * (e.g. "Randomart").
 */
const englishOnly = Object.entries(en)
  .filter(([key]) => /^(panel|paste|fill)[A-Z]/.test(key))
  .flatMap(([key, e]) =>
    e.message
      .split(/\$[A-Za-z0-9_@]+\$/)
      .map((part) => part.trim())
      .filter((part) => part.length >= 8 || part === e.message)
      .map((part) => [key, part] as const),
  )
  .filter(([key, part]) => !msg(de, key).includes(part));

/** The panel's rendered text and every accessible name inside it hold no English UI string. */
async function assertNoEnglish(panel: import('playwright-core').Locator, where: string): Promise<void> {
  const seen = await panel.evaluate((host) => {
    const root = host.shadowRoot?.querySelector<HTMLElement>('.rpk');
    const labels = [...(host.shadowRoot?.querySelectorAll('[aria-label]') ?? [])].map((n) => n.getAttribute('aria-label'));
    return [root?.innerText ?? '', ...labels].join('\n');
  });
  assert.ok(seen.length > 40, `${where}: panel text ${JSON.stringify(seen)}`);
  for (const [key, part] of englishOnly) assert.ok(!seen.includes(part), `${where}: English "${part}" (${key}) in ${JSON.stringify(seen)}`);
}

test("the validator panel's own words are German: summary, counts, severities, buttons, notes, save guard, paste notes", async () => {
  assert.ok(englishOnly.length > 40, `${englishOnly.length} English fragments to look for`);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://console.runpod.io' });
  await routeConsole(browser.context);
  const page = await browser.context.newPage();
  await page.goto('https://console.runpod.io/user/settings');
  await settingsLoaded(page);
  const field = keyField(page);
  const panel = panelOf(page);
  const inPanel = (selector: string) => panel.locator(selector);
  const text = async (selector: string): Promise<string> => ((await inPanel(selector).first().textContent()) ?? '').trim();

  // Empty field.
  await field.fill('');
  await waitForState(panel, 'empty');
  assert.equal(await text('.title'), msg(de, 'panelSummaryEmpty'));
  assert.equal(await inPanel('.rpk').getAttribute('aria-label'), msg(de, 'panelAriaLabel'));

  // Two valid keys: summary with a plural count, key rows, both notes (the command inside the sentence).
  await field.fill(`${ed.publicLine}\n${ed2.publicLine}`);
  await waitForState(panel, 'ok');
  assert.equal(await text('.title'), fmt(de, 'panelSummaryOk', count(de, 'Keys', 2)));
  assert.equal(await text('.brand'), msg(de, 'extName'));
  assert.equal(await inPanel('ul.keys').getAttribute('aria-label'), msg(de, 'panelValidKeysLabel'));
  assert.equal(await text('[data-rpk=key] .bits'), fmt(de, 'panelBitsLabel', '256', 'ED25519'));
  assert.equal(await text('[data-rpk=key] .line'), fmt(de, 'panelKeyLine', '1'));
  assert.equal(await text('button[data-rpk=randomart-toggle]'), msg(de, 'panelRandomart'));
  const notes = await inPanel('.notes p').allTextContents();
  assert.deepEqual(notes, [msg(de, 'panelNoteRestart'), fmt(de, 'panelNoteSeveral', 'echo $PUBLIC_KEY')]);
  assert.equal(await text('.notes code'), 'echo $PUBLIC_KEY');
  await assertNoEnglish(panel, 'two keys');
  await screenshot(panel, 'i18n-panel-de-keys');

  // One key: the singular.
  await field.fill(ed.publicLine);
  await waitFor(
    'singular summary',
    () => text('.title'),
    (v) => v === fmt(de, 'panelSummaryOk', msg(de, 'panelKeysOne')),
  );

  // Problems: severities, the error summary with counts, the fix buttons.
  await field.fill(`hello world\n${ed.publicLine}\n${ed.publicLine} copy`);
  await waitForState(panel, 'error');
  const severities = await inPanel('[data-rpk=finding]').evaluateAll((ns) =>
    ns.map((n) => [n.getAttribute('data-severity'), n.querySelector('.sev')?.textContent]),
  );
  const word = {
    error: msg(de, 'panelSeverityError'),
    warning: msg(de, 'panelSeverityWarning'),
    info: msg(de, 'panelSeverityInfo'),
  } as Record<string, string>;
  assert.ok(severities.length >= 2);
  for (const [severity, shown] of severities) assert.equal(shown, word[severity ?? ''], `severity ${severity}`);
  const errors = severities.filter(([s]) => s === 'error').length;
  const keys = await inPanel('[data-rpk=key]').count();
  assert.ok(keys >= 1);
  assert.equal(await text('.title'), fmt(de, 'panelSummaryErrorKeys', count(de, 'Problems', errors), count(de, 'Keys', keys)));
  assert.equal(await inPanel('ul.findings').getAttribute('aria-label'), msg(de, 'panelProblemsLabel'));
  const fixes = await inPanel('button[data-rpk=fix]').count();
  assert.ok(fixes >= 2);
  assert.equal(await text('button[data-rpk=fix-all]'), fmt(de, 'panelFixAll', String(fixes)));
  const removeLine = inPanel('[data-rpk=finding][data-code=not-a-key] button[data-rpk=fix]');
  assert.equal(await removeLine.getAttribute('aria-label'), fmt(de, 'panelFixAria', msg(de, 'fixRemoveLine'), '1'));
  await assertNoEnglish(panel, 'problems');

  // The save guard.
  await page.getByRole('button', { name: 'Update Public Key' }).click();
  const guard = page.locator('[data-rpk=save-guard]');
  await guard.waitFor();
  assert.equal(await guard.getAttribute('aria-label'), msg(de, 'panelGuardLabel'));
  assert.equal((await guard.locator('p').textContent())?.trim(), fmt(de, 'panelGuardText', count(de, 'Problems', errors)));
  assert.equal((await guard.locator('button[data-rpk=save-anyway]').textContent())?.trim(), msg(de, 'panelSaveAnyway'));
  assert.equal((await guard.locator('button[data-rpk=save-cancel]').textContent())?.trim(), msg(de, 'panelCancelFixFirst'));
  await assertNoEnglish(panel, 'save guard');
  await screenshot(panel, 'i18n-panel-de-guard');
  await guard.locator('button[data-rpk=save-cancel]').click();

  // One fix: the "Fixed" note names the fix in German; both undo buttons.
  await removeLine.click();
  await waitFor(
    'fixed note',
    () => text('.fixed .text'),
    (v) => v === fmt(de, 'panelFixed', msg(de, 'fixRemoveLine')),
  );
  assert.equal(await text('button[data-rpk=undo-fixed]'), msg(de, 'panelUndo'));
  assert.equal(await text('button[data-rpk=undo]'), msg(de, 'panelUndoLast'));
  await assertNoEnglish(panel, 'after a fix');
  // The one remaining fix: "Fix it".
  await waitFor(
    'fix it',
    () => inPanel('button[data-rpk=fix]').count(),
    (n) => n === 1,
  );
  assert.equal(await text('button[data-rpk=fix-all]'), msg(de, 'panelFixIt'));

  // A fixable paste (a key wrapped over two lines) is fixed on the way in, with a German note.
  await field.fill('');
  await waitForState(panel, 'empty');
  const [type, blob] = ed.publicLine.split(' ') as [string, string];
  await paste(page, field, `${type} ${blob.slice(0, 30)}\n${blob.slice(30)} me@laptop`);
  await waitFor(
    'paste fixed',
    () => field.inputValue(),
    (v) => v === ed.publicLine,
  );
  assert.equal(await text('.fixed .text'), fmt(de, 'panelFixedOnPaste', msg(de, 'fixJoinLines')));

  // A private key paste: blocked, with German words around core's German format name.
  await paste(page, field, readText(priv.privatePath));
  const blocked = inPanel('[data-rpk=finding][data-code=private-key]');
  const expected = fmt(de, 'pasteBlockedPrivate', msg(de, 'blockFormatOpenssh'), msg(de, 'blockNextFix'));
  await waitFor(
    'German private-key note',
    async () => ((await blocked.count()) ? ((await blocked.locator('.msg').textContent()) ?? '') : ''),
    (v) => v.endsWith(expected),
  );
  assert.equal(await field.inputValue(), ed.publicLine, 'the private key never reached the field');
  await blocked.locator('button[data-rpk=fix]').waitFor({ timeout: 10_000 });
  assert.equal(await text('[data-code=private-key] button[data-rpk=fix]'), msg(de, 'panelInsertPublic'));
  await assertNoEnglish(panel, 'private paste');
  await screenshot(panel, 'i18n-panel-de-private');
  await page.close();
});
