/**
 * Security review findings, each checked on the BUILT extension against the console replica:
 * private keys reaching page listeners by ways other than a plain paste, a private key typed into
 * the popup's key *path* (which would go to sync storage and into copied commands), and a content
 * script (the console's renderer, which a hostile page may compromise) asking the background to
 * write into key fields. Keys come from the real ssh-keygen.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, openPopup, type Launched } from './harness.ts';
import { generateKey, readText } from '../helpers/openssh.ts';
import { storageOf } from '../helpers/popup.ts';
import { keyField, panelOf, paste, settingsLoaded, waitFor, waitForFinding } from './key-field-lib.ts';

const ed = generateKey({ kind: 'ed25519' }, { comment: 'sec@laptop' });
const ec = generateKey({ kind: 'ecdsa', bits: 256 }, { format: 'PEM', comment: 'sec-pem' });
const other = generateKey({ kind: 'ed25519' }, { comment: 'intruder@evil' });
const SECRET = /PRIVATE KEY|b3BlbnNzaC1rZXktdjE|BEGIN/;

let run: Launched;
let page: Page;

before(async () => {
  run = await launch({ console: true, clipboard: true });
  page = await run.context.newPage();
});
after(async () => run?.close());

/** Opens the settings page and installs page-world listeners that record any private text they see. */
async function openWithSpy(): Promise<void> {
  await page.goto('https://console.runpod.io/user/settings');
  await keyField(page).waitFor();
  await panelOf(page).waitFor({ state: 'attached' });
  await settingsLoaded(page);
  await page.evaluate((source) => {
    const secret = new RegExp(source);
    const seen: string[] = [];
    (window as unknown as { __spy: string[] }).__spy = seen;
    for (const target of [window, document]) {
      for (const type of ['paste', 'drop', 'beforeinput', 'input', 'textInput', 'change', 'keydown']) {
        target.addEventListener(
          type,
          (e) => {
            const ev = e as Event & { data?: string | null; clipboardData?: DataTransfer | null; dataTransfer?: DataTransfer | null };
            const el = e.target as HTMLTextAreaElement | null;
            const text = [ev.data, ev.clipboardData?.getData('text/plain'), ev.dataTransfer?.getData('text/plain'), el?.value].join('\n');
            if (secret.test(text)) seen.push(type);
          },
          true,
        );
      }
    }
  }, SECRET.source);
}

const spied = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __spy: string[] }).__spy);

async function assertBlocked(before: string): Promise<void> {
  const panel = panelOf(page);
  await waitForFinding(panel, 'private-key');
  assert.deepEqual(await spied(), [], 'no page listener saw private key text');
  assert.equal(await keyField(page).inputValue(), before, 'the field never held it');
}

test('a PEM key with spaced armour (which core reads as private) is stopped on paste', async () => {
  await openWithSpy();
  await keyField(page).fill(ed.publicLine);
  const spaced = readText(ec.privatePath).replace(/-----(BEGIN|END) EC PRIVATE KEY-----/g, '----- $1 EC PRIVATE KEY -----');
  await paste(page, keyField(page), spaced);
  await assertBlocked(ed.publicLine);
});

test('a paste-like insertion without a paste event (middle-click / selection paste) is stopped; typing is not', async () => {
  await openWithSpy();
  await keyField(page).fill(ed.publicLine);
  // What Chromium dispatches for a selection paste: beforeinput insertFromPaste carrying the text.
  await keyField(page).evaluate((field, text) => {
    field.dispatchEvent(
      new InputEvent('beforeinput', { inputType: 'insertFromPaste', data: text, bubbles: true, cancelable: true, composed: true }),
    );
  }, readText(ed.privatePath));
  await assertBlocked(ed.publicLine);
  // Ordinary typing still reaches the page.
  await keyField(page).press('End');
  await page.keyboard.type(' x');
  await waitFor(
    'typing passes',
    () => keyField(page).inputValue(),
    (v) => v === `${ed.publicLine} x`,
  );
});

test('a content script cannot make the background write into key fields (only the popup can)', async () => {
  await openWithSpy();
  await keyField(page).fill(ed.publicLine);
  const pagesBefore = run.context.pages().length;
  // Evaluate in the extension's isolated world on this page: what a compromised renderer could run.
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const isolated = await waitFor(
    'content script context',
    async () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(run.extensionId)),
    (c) => c !== undefined,
  );
  const reply = await cdp.send('Runtime.evaluate', {
    contextId: isolated!.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `chrome.runtime.sendMessage({ type: 'add-to-runpod', payload: { publicKey: ${JSON.stringify(other.publicLine)} } })`,
  });
  assert.equal(reply.exceptionDetails, undefined, JSON.stringify(reply.exceptionDetails));
  const value = reply.result.value as { ok: boolean; reason?: string } | undefined;
  assert.equal(value?.ok, false, 'refused');
  assert.equal(value?.reason, 'Only the extension popup may add keys.', 'with the reason from _locales');
  await page.waitForTimeout(300);
  assert.equal(await keyField(page).inputValue(), ed.publicLine, 'the field is untouched');
  assert.equal(run.context.pages().length, pagesBefore, 'no console tab was opened');
  await cdp.detach();
  // The popup still can (the same request from our own page).
  const popup = await openPopup(run);
  const fromPopup = (await popup.evaluate(
    async (line) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'add-to-runpod',
        payload: { publicKey: line },
      }),
    other.publicLine,
  )) as { ok: boolean };
  assert.equal(fromPopup.ok, true);
  await waitFor(
    'popup fill',
    () => keyField(page).inputValue(),
    (v) => v.includes(other.publicLine.split(' ')[1]!),
  );
  await popup.close();
});

test('a private key typed into the popup key path is refused, never saved to (sync) storage', async () => {
  const popup = await openPopup(run);
  await popup.locator('html[data-rpk-ready]').waitFor({ state: 'attached' });
  const before = (await storageOf(run)).sync.keyPath;
  const field = popup.locator('[data-rpk=key-path]');
  // A single-line input drops the line breaks: this is what the field holds after a paste.
  await field.fill(readText(ed.privatePath));
  await field.blur();
  const message = popup.locator('[data-rpk=key-path-message]');
  await waitFor(
    'refusal shown',
    () => message.textContent(),
    (t) => /private key itself/i.test(t ?? ''),
  );
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await popup.waitForTimeout(500);
  await popup.close(); // pagehide flushes a pending path
  const stored = await storageOf(run);
  assert.equal(stored.sync.keyPath, before, 'key path unchanged');
  assert.ok(!SECRET.test(JSON.stringify(stored)), 'no private text anywhere in storage');
  // A real path is still saved.
  const again = await openPopup(run);
  await again.locator('html[data-rpk-ready]').waitFor({ state: 'attached' });
  await again.locator('[data-rpk=key-path]').fill('~/.ssh/id_sec');
  await waitFor(
    'path saved',
    async () => (await storageOf(run)).sync.keyPath,
    (v) => v === '~/.ssh/id_sec',
  );
  await again.close();
});

/**
 * Runs `expression` in this extension's content-script world (CDP: the isolated context that holds
 * the paste guard), to simulate a failure there that a page cannot cause on purpose.
 */
async function inContentScriptWorld(target: Page, expression: string): Promise<void> {
  const cdp = await target.context().newCDPSession(target);
  const contexts: { id: number; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; auxData?: { type?: string } } }) => {
    contexts.push(event.context);
  });
  await cdp.send('Runtime.enable');
  let done = false;
  for (const context of contexts.filter((c) => c.auxData?.type === 'isolated')) {
    const probe = await cdp.send('Runtime.evaluate', {
      contextId: context.id,
      expression: "typeof globalThis.__runpodSshHelperPasteGuard === 'object'",
      returnByValue: true,
    });
    if ((probe as { result: { value?: unknown } }).result.value !== true) continue;
    await cdp.send('Runtime.evaluate', { contextId: context.id, expression });
    done = true;
  }
  await cdp.detach();
  assert.ok(done, 'found the content-script world');
}

test('a private key pasted into a field whose lookup throws is still blocked (fails closed)', async () => {
  await openWithSpy();
  const field = keyField(page);
  const before = await field.inputValue();
  // Every field lookup of the guard now throws (matches/closest are what it asks the field).
  await inContentScriptWorld(
    page,
    `(() => {
    const fail = function () { throw new Error('lookup broken for the test'); };
    HTMLTextAreaElement.prototype.matches = fail;
    HTMLTextAreaElement.prototype.closest = fail;
  })()`,
  );
  await paste(page, field, readText(ed.privatePath));
  // A harmless paste afterwards lands (the lookup still throws, so it passes through untouched):
  // the guard has run for the first one by then.
  await paste(page, field, 'hello');
  await waitFor(
    'the harmless paste',
    () => field.inputValue(),
    (v) => v.includes('hello'),
  );
  assert.deepEqual(await spied(), [], 'no page listener saw private key text');
  assert.ok(!SECRET.test(await field.inputValue()), 'the field never held it');
  assert.equal(await field.inputValue(), before + 'hello');
});
