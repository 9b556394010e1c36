/**
 * shared/CONTRACT.md hooks no other e2e test drives, on the BUILT extension:
 * - "Where it runs": all four console origins/paths get the content scripts (key field panel,
 *   copy-corrected, the page-world clipboard wrapper); look-alike URLs get nothing;
 * - key field named only by the title of its section when that title is an MUI (v5) accordion
 *   summary (`div[role=button][aria-expanded]`, no heading element); the panel right after it;
 * - popup settings "saved on change and applied to the next copy" when the test only fills the
 *   key path (no Tab, no close) and copies right away.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CONSOLE_BASES, launch, openPopup, type Launched } from './harness.ts';
import { generateKey } from '../helpers/openssh.ts';
import { rewriteCommand } from '../../src/core/command/index.ts';

const ed = generateKey({ kind: 'ed25519' }, { comment: 'contract@rpk' });
const TCP = 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';

/** Shared by both pages: a Connect-style row whose Copy button copies from state (writeText). */
const ROW = `<div class="row"><span>$</span><code id="cmd">${TCP}</code><button id="copy" type="button">Copy</button></div>`;
const SCRIPT = `<script>
  window.saves = 0;
  document.getElementById('update').onclick = () => { window.saves++; };
  document.getElementById('copy').onclick = () => { navigator.clipboard.writeText(${JSON.stringify(TCP)}).catch(() => {}); };
</script>`;

/** A plainly labelled key field. */
const LABELLED = `<!doctype html><html><head><meta charset="utf-8"><title>contract</title></head><body><main>
  <section><h2>SSH Public Keys</h2><label for="k">SSH Public Key</label><textarea id="k"></textarea>
  <button type="button" id="update">Update Public Key</button></section>
  ${ROW}</main>${SCRIPT}</body></html>`;

/**
 * MUI v5 markup of an expanded Accordion (AccordionSummary is a div[role=button], no heading; the
 * content is an unnamed role=region inside the Collapse wrappers) holding a TextField that has no
 * label of its own: only the section title names it.
 */
const ACCORDION = `<!doctype html><html><head><meta charset="utf-8"><title>contract</title></head><body><main>
  <div class="MuiPaper-root MuiAccordion-root">
    <div class="MuiAccordionSummary-root" role="button" tabindex="0" aria-expanded="true">
      <div class="MuiAccordionSummary-content"><p>SSH Public Keys</p><p>Keys injected into your pods</p></div>
      <div class="MuiAccordionSummary-expandIconWrapper"><svg aria-hidden="true" viewBox="0 0 24 24"></svg></div>
    </div>
    <div class="MuiCollapse-root"><div class="MuiCollapse-wrapper"><div class="MuiCollapse-wrapperInner">
      <div class="MuiAccordion-region" role="region"><div class="MuiAccordionDetails-root">
        <p>Several keys are separated by a newline.</p>
        <div class="MuiFormControl-root"><div class="MuiInputBase-root"><textarea id="k" rows="3"></textarea>
          <textarea aria-hidden="true" readonly tabindex="-1" style="visibility:hidden;position:absolute;top:0"></textarea></div></div>
        <button type="button" id="update">Update Public Key</button>
      </div></div>
    </div></div></div>
  </div>
  ${ROW}</main>${SCRIPT}</body></html>`;

let run: Launched;

before(async () => {
  run = await launch();
  // Every URL this test opens gets one of these pages; only the manifest decides where we run.
  await run.context.route(/^https:\/\/[^/]*(runpod\.io|example\.com)(\/|$)/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: route.request().url().endsWith('/mui') ? ACCORDION : LABELLED,
    }),
  );
  for (const base of CONSOLE_BASES) {
    await run.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  }
});
after(async () => run?.close());

async function open(url: string): Promise<Page> {
  const page = await run.context.newPage();
  await page.goto(url);
  return page;
}

test('the content scripts run on all four console origins/paths: panel, copy-corrected, page copies corrected', async () => {
  for (const base of CONSOLE_BASES) {
    const page = await open(`${base}/user/settings`);
    const panel = page.locator('[data-rpk=panel]');
    await panel.waitFor({ state: 'attached', timeout: 5000 });
    assert.equal(await panel.count(), 1, `${base}: one panel`);
    await page.locator('button[data-rpk=copy-corrected]').waitFor({ timeout: 5000 });
    // The page-world wrapper (world MAIN) is there too: the page's own writeText is corrected.
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.locator('#copy').click();
    const want = rewriteCommand(TCP, { keyPath: '~/.ssh/id_ed25519', shell: 'posix' });
    assert.ok(want.ok);
    await page.waitForFunction((w) => navigator.clipboard.readText().then((t) => t === w), want.command, { timeout: 5000 });
    await page.close();
  }
});

test('look-alike URLs get no content script, no page-world wrapper, no panel', async () => {
  for (const url of [
    'https://www.runpod.io/pricing',
    'https://runpod.io/',
    'https://runpod.io/consoles/x',
    'https://docs.runpod.io/console/x',
    'https://example.com/console/user/settings',
  ]) {
    const page = await open(url);
    await page.waitForLoadState('load');
    // Positive control in the same browser: a console page gets its marker within this time.
    await page.waitForTimeout(400);
    const seen = await page.evaluate(() => ({
      ready: document.documentElement.hasAttribute('data-rpk-ready'),
      panels: document.querySelectorAll('[data-rpk], [data-rpk-host]').length,
      wrapped: !/\[native code\]/.test(Function.prototype.toString.call(Clipboard.prototype.writeText)),
    }));
    assert.deepEqual(seen, { ready: false, panels: 0, wrapped: false }, url);
    await page.close();
  }
});

test('a field named only by its MUI accordion summary gets one panel right after it; the save guard holds its Update button', async () => {
  const page = await open('https://console.runpod.io/user/mui');
  const panel = page.locator('[data-rpk=panel]');
  await panel.waitFor({ state: 'attached', timeout: 5000 });
  const order = await page.evaluate(() => {
    const field = document.getElementById('k')!;
    const host = document.querySelector('[data-rpk=panel]')!;
    const update = document.getElementById('update')!;
    return {
      after: Boolean(field.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING),
      beforeButton: Boolean(host.compareDocumentPosition(update) & Node.DOCUMENT_POSITION_FOLLOWING),
      // After MUI's whole FormControl (not between the field and its hidden twin).
      sibling: host.previousElementSibling?.className ?? '',
    };
  });
  assert.deepEqual(order, { after: true, beforeButton: true, sibling: 'MuiFormControl-root' });
  assert.equal(await panel.count(), 1, 'the hidden twin gets no panel');
  await page.locator('#k').fill(`${ed.publicLine}\n${ed.sha256.fingerprint}`);
  await page.waitForFunction(() => document.querySelector('[data-rpk=panel]')?.getAttribute('data-rpk-state') === 'error');
  await page.locator('#update').click();
  await panel.locator('[data-rpk=save-guard]').waitFor({ timeout: 3000 });
  assert.equal(await page.evaluate(() => (window as unknown as { saves: number }).saves), 0);
  await panel.locator('button[data-rpk=save-cancel]').click();
  await page.locator('#k').fill(ed.publicLine);
  await page.waitForFunction(() => document.querySelector('[data-rpk=panel]')?.getAttribute('data-rpk-state') === 'ok');
  const key = panel.locator('[data-rpk=key]');
  assert.equal(await key.getAttribute('data-fingerprint'), ed.sha256.fingerprint);
  await page.close();
});

test('popup: a key path only filled (no Tab, popup left open) applies to the very next copy', async () => {
  const page = await open('https://console.runpod.io/pods');
  await page.locator('button[data-rpk=copy-corrected]').waitFor({ timeout: 5000 });
  const popup = await openPopup(run);
  const keyPath = popup.locator('[data-rpk=key-path]');
  await popup.waitForFunction(
    () => (document.querySelector('[data-rpk=key-path]') as HTMLInputElement | null)?.value === '~/.ssh/id_ed25519',
  );
  const path = '~/.ssh/contract_key';
  await keyPath.fill(path);
  await popup.locator('[data-rpk=identities-only]').check();
  await page.bringToFront();
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.locator('#copy').click();
  const want = rewriteCommand(TCP, { keyPath: path, shell: 'posix', identitiesOnly: true });
  assert.ok(want.ok);
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== 'before'), undefined, { timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want.command);
  // Restore the defaults for any later test in this browser.
  await keyPath.fill('~/.ssh/id_ed25519');
  await keyPath.press('Tab');
  await popup.locator('[data-rpk=identities-only]').uncheck();
  await popup.close();
  await page.close();
});
