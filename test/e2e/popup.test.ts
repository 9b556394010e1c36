/**
 * The popup on the BUILT extension: settings persist, keys generate (plain and with a passphrase)
 * and download as files real ssh-keygen reads back to the same public line and fingerprint,
 * "Add to Runpod" fills the replica's field (open tab / no tab), and no private key byte reaches
 * storage, runtime messages or any console log. Screenshots light and dark, before and after.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPopup, screenshot, type Launched } from './harness.ts';
import { keyFileNames } from '../../src/core/keygen/install.ts';
import { seriousViolations } from './axe.ts';
import {
  addToRunpod,
  download,
  generateInPopup,
  popupReady,
  privateNeedles,
  sshKeygenFingerprint,
  sshKeygenPublic,
  sshKeygenRandomart,
  storageOf,
  syncStorageIn,
  watch,
} from '../helpers/popup.ts';

const POPUP_VIEWPORT = { width: 400, height: 900 };

function today(): string {
  const d = new Date();
  return `runpod-${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function withRun(options: Parameters<typeof launch>[0], body: (run: Launched, dir: string) => Promise<void>): Promise<void> {
  const run = await launch(options);
  const dir = await mkdtemp(join(tmpdir(), 'rpk-popup-'));
  try {
    await body(run, dir);
  } finally {
    await run.close();
    await rm(dir, { recursive: true, force: true });
  }
}

test('settings: defaults, validation as you type, saved on change, persist across reopen', async () => {
  await withRun({ viewport: POPUP_VIEWPORT }, async (run) => {
    let popup = await openPopup(run);
    await popupReady(popup);
    const keyPath = popup.locator('[data-rpk=key-path]');
    assert.equal(await keyPath.inputValue(), '~/.ssh/id_ed25519');
    assert.equal(await popup.locator('[data-rpk=shell]').inputValue(), 'posix', 'Linux derives posix');
    assert.equal(await popup.locator('[data-rpk=identities-only]').isChecked(), false);
    assert.deepEqual((await storageOf(run)).sync, {}, 'nothing is written before the user changes something');

    // A .pub path is the common mistake: warned while typing, still saved (never lose user text).
    await keyPath.fill('~/.ssh/id_ed25519.pub');
    const msg = popup.locator('[data-rpk=key-path-message]');
    await assert.doesNotReject(msg.filter({ hasText: /public key/i }).waitFor({ timeout: 2000 }));
    assert.equal(await msg.getAttribute('data-tone'), 'warning');
    // A path ssh would misread (it expands %-tokens in -i) is an error, shown as such.
    await keyPath.fill('~/.ssh/%runpod');
    await msg.filter({ hasText: '%' }).waitFor({ timeout: 2000 });
    assert.equal(await msg.getAttribute('data-tone'), 'error', await msg.innerText());
    assert.equal(await keyPath.getAttribute('aria-invalid'), 'true');

    await keyPath.fill('~/.ssh/runpod key');
    await popup.locator('[data-rpk=shell]').selectOption('powershell');
    await popup.locator('[data-rpk=identities-only]').check();
    await popup.locator('[data-rpk=auto-fix-paste]').uncheck();
    await popup.locator('[data-rpk=rewrite-clipboard]').uncheck();
    await popup.waitForTimeout(400); // the key path is saved 250 ms after typing stops
    assert.deepEqual((await storageOf(run)).sync, {
      keyPath: '~/.ssh/runpod key',
      shell: 'powershell',
      identitiesOnly: true,
      autoFixPaste: false,
      rewriteClipboard: false,
    });

    // A pasted or filled path is saved at once: the very next copy may come before typing "stops".
    await keyPath.fill('~/.ssh/runpod_now');
    assert.equal((await syncStorageIn(popup)).keyPath, '~/.ssh/runpod_now');

    // Typing then closing at once still saves (flushed on pagehide).
    await keyPath.fill('~/.ssh/id_runpod');
    await popup.close();
    popup = await openPopup(run);
    await popupReady(popup);
    assert.equal(await popup.locator('[data-rpk=key-path]').inputValue(), '~/.ssh/id_runpod');
    assert.equal(await popup.locator('[data-rpk=shell]').inputValue(), 'powershell');
    assert.equal(await popup.locator('[data-rpk=identities-only]').isChecked(), true);
    assert.equal(await popup.locator('[data-rpk=auto-fix-paste]').isChecked(), false);
    assert.equal(await popup.locator('[data-rpk=rewrite-clipboard]').isChecked(), false);
    assert.equal((await storageOf(run)).sync.keyPath, '~/.ssh/id_runpod');
    assert.deepEqual(await seriousViolations(popup), []);
  });
});

test('generate (no passphrase): downloads match ssh-keygen, public key remembered, Add to Runpod fills an open tab, no private bytes leak', async () => {
  await withRun({ viewport: POPUP_VIEWPORT, console: true }, async (run, dir) => {
    const watcher = await watch(run);
    const consolePage = await run.context.newPage();
    await consolePage.goto('https://console.runpod.io/user/settings');
    const field = consolePage.getByRole('textbox', { name: 'SSH Public Key' });
    await field.waitFor();
    await consolePage.getByRole('button', { name: 'Update Public Key' }).and(consolePage.locator(':enabled')).waitFor();

    const popup = await openPopup(run);
    await popupReady(popup);
    assert.equal(await popup.locator('[data-rpk=comment]').inputValue(), today());
    assert.equal(await popup.locator('[data-rpk=result]').isVisible(), false);
    await screenshot(popup.locator('body'), 'popup-light-before');

    const started = Date.now();
    const key = await generateInPopup(popup);
    const generateMs = Date.now() - started;
    assert.match(key.publicKey, new RegExp(`^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} ${today()}$`));
    assert.equal(await popup.locator('[data-rpk=public-key]').textContent(), key.publicKey, 'readable as text too');
    assert.equal(await popup.locator('[data-rpk=unsaved-warning]').isVisible(), true, 'warns before the private key is downloaded');

    // Names unique to this key (an older pair in Downloads would make the browser save "… (1)").
    const names = keyFileNames(key.fingerprint);
    const priv = await download(popup, 'download-private', dir);
    assert.equal(priv.name, names.privateName);
    assert.equal(await popup.locator('[data-rpk=unsaved-warning]').isVisible(), false);
    const pub = await download(popup, 'download-public', dir);
    assert.equal(pub.name, names.publicName);
    assert.equal(await readFile(pub.path, 'utf8'), `${key.publicKey}\n`);
    assert.ok((await stat(priv.path)).size > 300);

    // Oracles: real ssh-keygen reads our files back.
    assert.equal(sshKeygenPublic(priv.path), key.publicKey.split(' ').slice(0, 2).join(' ') + ` ${today()}`);
    assert.equal(sshKeygenFingerprint(priv.path), `256 ${key.fingerprint} ${today()} (ED25519)`);
    assert.equal(sshKeygenFingerprint(pub.path), `256 ${key.fingerprint} ${today()} (ED25519)`);
    assert.equal(key.randomart, sshKeygenRandomart(pub.path));

    // Install one-liner for the current shell; "use this key" switches the key path.
    const install = (await popup.locator('[data-rpk=install-command]').textContent()) ?? '';
    assert.ok(install.includes(names.privateName) && install.includes(key.fingerprint), install);
    assert.match(install, /chmod 600/);
    await popup.locator('button[data-rpk=use-generated-path]').click();
    await popup.locator('[data-rpk=use-generated-status]').filter({ hasText: names.privateName }).waitFor();
    assert.equal(await popup.locator('[data-rpk=key-path]').inputValue(), `~/.ssh/${names.privateName}`);

    // Only the public half is remembered, locally.
    const stored = await storageOf(run);
    const known = stored.local.generatedKeys as { publicKey: string; comment: string; fingerprint: string; createdAt: string }[];
    assert.equal(known.length, 1);
    assert.deepEqual(
      { ...known[0], createdAt: undefined },
      { publicKey: key.publicKey, comment: today(), fingerprint: key.fingerprint, createdAt: undefined },
    );
    assert.ok(!Number.isNaN(Date.parse(known[0]!.createdAt)));

    // Add to Runpod: fills the open console tab's field; saving stays with the user.
    await addToRunpod(popup);
    assert.equal(await field.inputValue(), key.publicKey);
    assert.equal(await consolePage.evaluate(() => window.__replica.fieldValue()), key.publicKey, 'React state has the key');
    assert.equal(await consolePage.evaluate(() => window.__replica.savedValue), '', 'never saves by itself');
    assert.equal(await popup.locator('button[data-rpk=show-tab]').isVisible(), true);
    assert.equal(run.context.pages().filter((p) => p.url().includes('runpod.io')).length, 1, 'no extra tab when one is open');
    await screenshot(popup.locator('body'), 'popup-light-after');

    // No private key bytes anywhere the extension writes or says things.
    const privateText = await readFile(priv.path, 'utf8');
    const needles = privateNeedles(privateText, key.publicKey);
    assert.ok(needles.length > 5);
    const messages = await watcher.messages();
    assert.ok(
      messages.some((m) => m.includes('add-to-runpod')) && messages.some((m) => m.includes('fill-key-field')),
      'messages were recorded',
    );
    const haystacks = {
      storage: await watcher.storage(),
      messages: messages.join('\n'),
      logs: watcher.logs.join('\n'),
      popupDom: await popup.evaluate(() => document.documentElement.outerHTML),
      consoleDom: await consolePage.evaluate(() => document.documentElement.outerHTML + JSON.stringify(window.__replica)),
    };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const needle of needles) assert.ok(!text.includes(needle), `private key material in ${where}`);
    }
    console.log(`# generate (no passphrase) in popup: ${generateMs} ms`);
  });
});

test('generate with passphrase (dark): mismatch blocks, progress shows, ssh-keygen -P reads it; Add to Runpod opens the console when no tab is open', async () => {
  await withRun({ viewport: POPUP_VIEWPORT, colorScheme: 'dark', console: true }, async (run, dir) => {
    const popup = await openPopup(run);
    await popupReady(popup);
    await screenshot(popup.locator('body'), 'popup-dark-before');

    const generate = popup.locator('button[data-rpk=generate]');
    await popup.locator('[data-rpk=passphrase]').fill('correct horse battery staple');
    await popup.locator('[data-rpk=passphrase-confirm]').fill('correct horse battery stapel');
    assert.equal(await generate.isDisabled(), true);
    assert.match(await popup.locator('[data-rpk=passphrase-message]').innerText(), /do not match/);
    await popup.locator('[data-rpk=comment]').fill('me@laptop');
    await popup.locator('[data-rpk=passphrase-confirm]').fill('correct horse battery staple');
    assert.equal(await generate.isEnabled(), true);
    assert.match(await popup.locator('[data-rpk=passphrase-message]').innerText(), /strong/i);

    const started = Date.now();
    await generate.click();
    // The popup stays responsive while bcrypt runs in the worker.
    await popup.locator('[data-rpk=progress]').waitFor({ state: 'visible' });
    const pingMs = await popup.evaluate(async () => {
      const t = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t;
    });
    await popup.locator('[data-rpk=public-key]').waitFor({ state: 'visible', timeout: 60_000 });
    const generateMs = Date.now() - started;
    const publicKey = await popup.locator('[data-rpk=public-key]').inputValue();
    const fingerprint = await popup.locator('[data-rpk=fingerprint]').textContent();
    assert.match(publicKey, /^ssh-ed25519 \S+ me@laptop$/);
    assert.match(await popup.locator('[data-rpk=ssh-add]').innerText(), /^ssh-add /);

    const priv = await download(popup, 'download-private', dir);
    assert.equal(sshKeygenPublic(priv.path, 'correct horse battery staple'), publicKey);
    assert.throws(() => sshKeygenPublic(priv.path, 'wrong'), 'the file is really encrypted');
    // (The comment sits in the encrypted section, so ssh-keygen -l of the file cannot show it.)
    assert.match(sshKeygenFingerprint(priv.path), new RegExp(`^256 ${fingerprint?.replace(/[+/]/g, '\\$&')} .*\\(ED25519\\)$`));
    assert.equal(await popup.locator('[data-rpk=passphrase]').inputValue(), '', 'passphrase cleared after use');

    // No console tab open: the background opens the settings page and fills it once ready.
    const [consolePage] = await Promise.all([run.context.waitForEvent('page', { timeout: 40_000 }), addToRunpod(popup)]);
    assert.equal(new URL(consolePage.url()).href, 'https://console.runpod.io/user/settings');
    const field = consolePage.getByRole('textbox', { name: 'SSH Public Key' });
    assert.equal(await field.inputValue(), publicKey);
    assert.equal(await consolePage.evaluate(() => window.__replica.fieldValue()), publicKey);
    assert.equal(await consolePage.evaluate(() => window.__replica.savedValue), '');
    await screenshot(popup.locator('body'), 'popup-dark-after');
    assert.deepEqual(await seriousViolations(popup), []);
    console.log(
      `# generate (passphrase, 24 rounds) in popup: ${generateMs} ms; main-thread timer latency meanwhile ${pingMs.toFixed(1)} ms`,
    );
  });
});
