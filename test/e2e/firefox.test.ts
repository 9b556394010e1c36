/**
 * The BUILT Firefox extension (dist-firefox/, or $RPK_DIST_FIREFOX) in a real Firefox (Debian's
 * firefox-esr) over WebDriver BiDi — see firefox-harness.ts for how it is installed and driven.
 * One browser for the whole file. Oracles as everywhere else: real ssh-keygen for keys and
 * fingerprints, the core rewriter plus real bash + `ssh -G` for copied commands, and the page's
 * own `window.__replica` counters for what the console saw.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { routeConsole, screenshot } from './harness.ts';
import { EXTENSION_ORIGIN, launchFirefox, nextDownload, openFirefoxPopup, setField, type FirefoxLaunched } from './firefox-harness.ts';
import { keyFileNames } from '../../src/core/keygen/install.ts';
import {
  findings,
  keyField,
  panelKeys,
  panelOf,
  paste,
  replica,
  replicaField,
  settingsLoaded,
  waitFor,
  waitForFinding,
  waitForState,
} from './key-field-lib.ts';
import { addToRunpod, generateInPopup, privateNeedles, sshKeygenFingerprint, sshKeygenPublic } from '../helpers/popup.ts';
import { assertSshResolves, derivePublic, generateKey, readText } from '../helpers/openssh.ts';
import { rewriteCommand } from '../../src/core/command/index.ts';
import type { RewriteSettings } from '../../src/core/types.ts';

const ORIGIN = 'https://console.runpod.io';
const ed = generateKey({ kind: 'ed25519' }, { comment: 'ffx@laptop' });
const ecdsa = generateKey({ kind: 'ecdsa', bits: 256 }, { comment: 'ffx-ecdsa@box' });
const rsa = generateKey({ kind: 'rsa', bits: 3072 }, { comment: 'ffx-rsa@box' });

let run: FirefoxLaunched;
let work: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'rpk-ffx-test-'));
  run = await launchFirefox();
  await routeConsole(run.context);
});
after(async () => {
  await run?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function openSettings(): Promise<Page> {
  const page = await run.context.newPage();
  await page.goto(`${ORIGIN}/user/settings?theme=light`);
  await keyField(page).waitFor();
  await panelOf(page).waitFor({ state: 'attached' });
  await settingsLoaded(page);
  return page;
}

test('Firefox: the content script runs on the console only; valid keys get ssh-keygen fingerprints; a fingerprint line is flagged and fixed', async () => {
  const page = await openSettings();
  assert.equal(await page.locator('[data-rpk=panel]').count(), 1, 'one panel for the one field');
  const panel = panelOf(page);
  await waitForState(panel, 'empty');

  await setField(keyField(page), `${ed.publicLine}\n${ecdsa.publicLine}\n${rsa.publicLine}`);
  await waitForState(panel, 'ok');
  const keys = await panelKeys(panel);
  assert.deepEqual(
    keys,
    [ed, ecdsa, rsa].map((k, i) => ({ fp: k.sha256.fingerprint, type: k.type, bits: String(k.sha256.bits), line: String(i + 1) })),
  );

  // A `SHA256:` fingerprint under the key it belongs to: error on line 2, fixable (remove).
  const withPrint = `${ed.publicLine}\n${ed.sha256.fingerprint}`;
  await setField(keyField(page), withPrint);
  const f = (await waitForFinding(panel, 'fingerprint')).find((x) => x.code === 'fingerprint')!;
  assert.deepEqual({ severity: f.severity, line: f.line, fixable: f.fixable }, { severity: 'error', line: 2, fixable: true });
  assert.match(f.text, /fingerprint/i);
  await waitForState(panel, 'error');
  await screenshot(page.locator('form, main').first(), 'firefox-key-field-fingerprint');
  await panel.locator('[data-rpk=finding][data-code=fingerprint] button[data-rpk=fix]').click();
  await waitFor(
    'fix applied',
    () => keyField(page).inputValue(),
    (v) => v !== withPrint,
  );
  assert.equal((await keyField(page).inputValue()).trim(), ed.publicLine);
  assert.equal(await replicaField(page), await keyField(page).inputValue(), "React's state follows the fix (native setter + input event)");
  await waitForState(panel, 'ok');
  await screenshot(page.locator('form, main').first(), 'firefox-key-field-ok');

  // A fingerprint alone (no key it could belong to): still flagged, not fixable.
  await setField(keyField(page), ecdsa.sha256.fingerprint);
  const alone = (await waitForFinding(panel, 'fingerprint')).find((x) => x.code === 'fingerprint')!;
  assert.equal(alone.fixable, false);
  await page.close();

  // Not injected outside the console's origins.
  await run.context.route('https://example.com/**', (r) =>
    r.fulfill({ body: '<!doctype html><textarea aria-label="SSH Public Key"></textarea>', contentType: 'text/html' }),
  );
  const other = await run.context.newPage();
  await other.goto('https://example.com/');
  await other.waitForTimeout(500);
  assert.equal(await other.locator('html[data-rpk-ready]').count(), 0);
  assert.equal(await other.locator('[data-rpk]').count(), 0);
  await other.close();
});

test('Firefox: a pasted private key never reaches the page; its fix inserts what ssh-keygen -y derives', async () => {
  const page = await openSettings();
  const panel = panelOf(page);
  await setField(keyField(page), ecdsa.publicLine);
  await waitForState(panel, 'ok');
  const pastesBefore = await replica<number>(page, 'pasteEvents');
  const inputsBefore = await replica<number>(page, 'inputEvents');

  // A trusted Ctrl+V from Firefox's own clipboard.
  await paste(page, keyField(page), readText(ed.privatePath));
  const f = (await waitForFinding(panel, 'private-key')).find((x) => x.code === 'private-key')!;
  assert.deepEqual({ severity: f.severity, line: f.line }, { severity: 'error', line: 1 });
  await waitForState(panel, 'error');
  assert.equal(await replica<number>(page, 'pasteEvents'), pastesBefore, 'no page listener saw the paste');
  assert.equal(await replica<number>(page, 'inputEvents'), inputsBefore, 'no input reached the page');
  assert.equal(await keyField(page).inputValue(), ecdsa.publicLine, 'field untouched');
  assert.equal(await replicaField(page), ecdsa.publicLine);

  // The same Ctrl+V path does deliver an ordinary public key (so the block above is not an artefact).
  await setField(keyField(page), '');
  await waitForState(panel, 'empty');
  await paste(page, keyField(page), ed.publicLine);
  await waitFor(
    'public key pasted',
    () => keyField(page).inputValue(),
    (v) => v === ed.publicLine,
  );
  assert.equal(await replica<number>(page, 'pasteEvents'), pastesBefore + 1, 'the page sees ordinary pastes');
  await setField(keyField(page), ecdsa.publicLine);
  await waitForState(panel, 'ok');
  await paste(page, keyField(page), readText(ed.privatePath));
  await waitForFinding(panel, 'private-key');

  const fix = panel.locator('[data-rpk=finding][data-code=private-key] button[data-rpk=fix]');
  await fix.waitFor({ timeout: 10_000 });
  await screenshot(page.locator('form, main').first(), 'firefox-key-field-private');
  await fix.click();
  const value = await waitFor(
    'public key inserted',
    () => keyField(page).inputValue(),
    (v) => v !== ecdsa.publicLine,
  );
  const derived = derivePublic(ed.privatePath).split(' ').slice(0, 2).join(' ');
  assert.ok(
    value.split('\n').some((l) => l.startsWith(derived)),
    `derived public key inserted: ${value}`,
  );
  assert.ok(!/PRIVATE KEY/.test(value));
  await waitForState(panel, 'ok');
  assert.equal(await replicaField(page), value);
  await page.close();
});

interface ReplicaWindow {
  __replica: { copies: string[] };
}
const DEFAULTS: RewriteSettings = { keyPath: '~/.ssh/id_ed25519', shell: 'posix', identitiesOnly: false };

function expected(command: string, settings: RewriteSettings): string {
  const result = rewriteCommand(command, settings);
  assert.ok(result.ok, `core rewrites ${command}`);
  return result.command;
}

test('Firefox: Connect tab copies are corrected (page Copy button, copy-corrected); popup settings apply to the next copy (bash + ssh -G)', async () => {
  const p = await run.context.newPage();
  await p.goto(`${ORIGIN}/pods?theme=light`);
  await p.getByText('vigilant_violet_lynx').click();
  const inspector = p.getByRole('complementary', { name: 'Pod vigilant_violet_lynx' });
  const bars = inspector.locator('button[data-rpk=copy-corrected]');
  await bars.nth(1).waitFor();
  assert.equal(await bars.count(), 2, 'SSH and SSH over exposed TCP, not Direct TCP Ports');
  const sshSection = inspector.locator('section').filter({ hasText: 'No support for SCP' });
  const tcpSection = inspector.locator('section').filter({ hasText: 'SSH over exposed TCP' });
  const proxy = (await sshSection.locator('[data-rpk-command]').textContent()) ?? '';
  assert.match(proxy, /^ssh \S+@ssh\.runpod\.io/);
  const clipboard = (): Promise<string> => p.evaluate(() => navigator.clipboard.readText());
  const resetClipboard = (): Promise<void> => p.evaluate(() => navigator.clipboard.writeText('(clipboard before the copy)'));
  const copies = (): Promise<string[]> => p.evaluate(() => [...(window as unknown as ReplicaWindow).__replica.copies]);

  // The page's own Copy button (writeText from React state) ends up corrected on the clipboard.
  await resetClipboard();
  await tcpSection.getByRole('button', { name: 'Copy', exact: true }).click();
  const [tcp] = await waitFor('page copy', copies, (c) => c.length === 1);
  assert.match(tcp!, /^ssh root@149\.36\.0\.213 -p 42442/);
  await waitFor('clipboard corrected', clipboard, (c) => c !== '(clipboard before the copy)');
  assert.equal(await clipboard(), expected(tcp!, DEFAULTS));

  // Not a command: passes through untouched.
  await resetClipboard();
  await inspector.locator('section').filter({ hasText: 'Direct TCP Ports' }).getByRole('button', { name: 'Copy', exact: true }).click();
  await waitFor('ports copy', copies, (c) => c.length === 2);
  await waitFor('clipboard', clipboard, (c) => c !== '(clipboard before the copy)');
  assert.equal(await clipboard(), '149.36.0.213:42442');

  // Settings changed in the popup (a real key file in a path with a space, IdentitiesOnly) apply
  // to the very next copy, through storage.onChanged in Firefox.
  const keyPath = join(work, 'runpod key');
  await writeFile(keyPath, '');
  const settings: RewriteSettings = { keyPath, shell: 'posix', identitiesOnly: true };
  const popup = await openFirefoxPopup(run.context);
  await popup.locator('[data-rpk=key-path]').fill(keyPath);
  await popup.locator('[data-rpk=key-path]').press('Tab');
  await popup.locator('[data-rpk=shell]').selectOption('posix');
  await popup.locator('[data-rpk=identities-only]').check();
  await p.bringToFront();
  await bars.first().hover();
  await inspector
    .locator('[data-rpk-host] .tip')
    .first()
    .filter({ hasText: expected(proxy, settings) })
    .waitFor({ timeout: 5000 });
  await screenshot(inspector, 'firefox-connect-tip');
  await p.mouse.move(0, 0);

  await resetClipboard();
  await bars.nth(1).click();
  await waitFor('copy-corrected', clipboard, (c) => c !== '(clipboard before the copy)');
  const got = await clipboard();
  assert.equal(got, expected(tcp!, settings));
  // Oracle: real bash splits it, real ssh -G resolves it: same host, port, user and exactly our key.
  assertSshResolves(got, { hostname: '149.36.0.213', port: 42442, user: 'root', identityFile: keyPath, identitiesOnly: true });

  // And the page's own button for the proxy command, with the new settings.
  await resetClipboard();
  await sshSection.getByRole('button', { name: 'Copy', exact: true }).click();
  await waitFor('page copy', copies, (c) => c.length === 3);
  await waitFor('clipboard', clipboard, (c) => c !== '(clipboard before the copy)');
  assert.equal(await clipboard(), expected(proxy, settings));
  await p.close();

  // Back to the defaults for whoever runs next in this browser.
  const reset = await openFirefoxPopup(run.context);
  await reset.locator('[data-rpk=key-path]').fill(DEFAULTS.keyPath);
  await reset.locator('[data-rpk=key-path]').press('Tab');
  await reset.locator('[data-rpk=identities-only]').uncheck();
});

test('Firefox: the popup opens at moz-extension://, generates a key that ssh-keygen reads back from the downloads; Add to Runpod fills the console tab', async () => {
  const consolePage = await openSettings();
  const popup = await openFirefoxPopup(run.context);
  assert.ok(popup.url().startsWith(`${EXTENSION_ORIGIN}/`), popup.url());
  assert.match(await popup.title(), /Runpod SSH/);
  // MV3 host permissions are opt-in in Firefox: the profile install must have granted them all.
  const granted = await popup.evaluate(() =>
    (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).browser.permissions.getAll(),
  );
  for (const origin of ['https://console.runpod.io/*', 'https://www.console.runpod.io/*'])
    assert.ok(granted.origins?.includes(origin), `${origin} granted: ${JSON.stringify(granted)}`);
  await screenshot(popup, 'firefox-popup');

  const key = await generateInPopup(popup, { comment: 'ffx@rpk-test' });
  assert.match(key.publicKey, /^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} ffx@rpk-test$/);
  await screenshot(popup, 'firefox-popup-generated');

  const seen = new Set<string>();
  await popup.locator('button[data-rpk=download-private]').click();
  const priv = await nextDownload(run, seen);
  const names = keyFileNames(key.fingerprint);
  assert.equal(priv.name, names.privateName);
  await popup.locator('button[data-rpk=download-public]').click();
  const pub = await nextDownload(run, seen);
  assert.equal(pub.name, names.publicName);
  assert.equal(await readFile(pub.path, 'utf8'), `${key.publicKey}\n`);

  // Oracles: real ssh-keygen reads the downloaded private key back to the same public line.
  execFileSync('chmod', ['600', priv.path]);
  assert.equal(sshKeygenPublic(priv.path), key.publicKey);
  assert.equal(sshKeygenFingerprint(priv.path), `256 ${key.fingerprint} ffx@rpk-test (ED25519)`);

  // No private bytes in the extension's storage.
  const stored = await popup.evaluate(async () => {
    const b = (globalThis as unknown as { browser: { storage: Record<'local' | 'sync', { get(k: null): Promise<unknown> }> } }).browser;
    return JSON.stringify([await b.storage.local.get(null), await b.storage.sync.get(null)]);
  });
  for (const needle of privateNeedles(await readFile(priv.path, 'utf8'), key.publicKey))
    assert.ok(!stored.includes(needle), 'private key material in storage');

  // Add to Runpod: popup → background → the open console tab's field (React state included).
  await addToRunpod(popup);
  await waitFor(
    'key added to the console field',
    () => keyField(consolePage).inputValue(),
    (v) => v.includes(key.publicKey),
  );
  assert.ok((await replicaField(consolePage))?.includes(key.publicKey));
  assert.ok(!(await findings(panelOf(consolePage))).some((f) => f.severity === 'error'));
  await consolePage.close();
});
