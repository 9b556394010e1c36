/**
 * Where the key field validator attaches (BUILT extension): labelling variants and look-alikes,
 * late and re-rendered fields, SPA navigation, the credentials dialog and the deploy flow, the
 * `fill-key-field` message, a forced failure inside the content script, and screenshots.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Worker } from 'playwright-core';
import { launch, routeConsole, screenshot, type Launched } from './harness.ts';
import { seriousViolations } from './axe.ts';
import { generateKey, readText } from '../helpers/openssh.ts';
import {
  panelText,
  findings,
  settingsLoaded,
  keyField,
  panelOf,
  replica,
  replicaField,
  waitFor,
  waitForFinding,
  waitForState,
} from './key-field-lib.ts';

const ed = generateKey({ kind: 'ed25519' }, { comment: 'me@laptop' });
const ecdsa = generateKey({ kind: 'ecdsa', bits: 256 });
const rsa = generateKey({ kind: 'rsa', bits: 2048 }, { comment: 'rsa@work' });
/** The bits of the extension API the service worker context offers (evaluated there, not here). */
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
  storage: {
    local: { set(v: Record<string, unknown>): Promise<void>; remove(k: string): Promise<void> };
    sync: { set(v: Record<string, unknown>): Promise<void> };
  };
};
const FORCE_ERROR_MARKER = '__rpk_force_content_error__';

let run: Launched;
let worker: Worker;

before(async () => {
  run = await launch({ colorScheme: 'dark', clipboard: true });
  [worker] = run.context.serviceWorkers() as [Worker];
});
after(async () => run?.close());

async function page(html?: string, path = '/user/settings'): Promise<Page> {
  // One console tab at a time, so runtime messages reach the page under test.
  for (const open of run.context.pages()) await open.close();
  await run.context.unrouteAll({ behavior: 'ignoreErrors' });
  await run.context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  await routeConsole(run.context, html === undefined ? {} : { html });
  const p = await run.context.newPage();
  await p.goto(`https://console.runpod.io${path}`);
  return p;
}

/** Which elements got a panel: the id of the element right before each panel's container. */
async function attachedIds(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    Array.from(document.querySelectorAll('[data-kf-case]'))
      .filter((f) => {
        // The panel follows the field's container: look for the first panel after the field.
        let n: Element | null = f;
        while (n && !n.nextElementSibling) n = n.parentElement;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
        walker.currentNode = f;
        for (let e = walker.nextNode() as Element | null; e; e = walker.nextNode() as Element | null) {
          if (e.matches('[data-kf-case]')) return false;
          if (e.matches('[data-rpk=panel]')) return true;
        }
        return false;
      })
      .map((f) => f.getAttribute('data-kf-case')!),
  );
}

const VARIANTS = `<!doctype html><html><body>
<main>
  <div><label for="a">SSH Public Key(s)</label><div><textarea id="a" data-kf-case="label-for"></textarea></div></div>
  <div><label>SSH key <textarea data-kf-case="wrapping-label"></textarea></label></div>
  <div><input type="text" aria-label="Public Key" data-kf-case="aria-label"></div>
  <div><span id="lb">Your SSH public key</span><textarea aria-labelledby="lb" data-kf-case="aria-labelledby"></textarea></div>
  <div><textarea placeholder="Paste your SSH public key" data-kf-case="placeholder"></textarea></div>
  <section><h2>SSH Public Keys</h2><p>One per line.</p><div><textarea data-kf-case="section-title"></textarea></div><button>Save</button></section>
  <div><label>API Key <input type="text" data-kf-case="no-api-key"></label></div>
  <div><label>Private key <textarea data-kf-case="no-private"></textarea></label></div>
  <div><label for="n">Notes</label><textarea id="n" data-kf-case="no-notes"></textarea></div>
  <section><h2>SSH Public Keys</h2><label>Name <input type="text" data-kf-case="no-name-in-ssh-section"></label></section>
  <div><label for="t">SSH Public Key</label><textarea id="t" data-kf-case="twin-visible"></textarea><textarea aria-hidden="true" readonly tabindex="-1" style="visibility:hidden;position:absolute" data-kf-twin></textarea></div>
</main></body></html>`;

test('finds fields by label, wrapping label, aria-label(ledby), placeholder, section title; skips look-alikes and hidden twins', async () => {
  const p = await page(VARIANTS);
  const want = ['label-for', 'wrapping-label', 'aria-label', 'aria-labelledby', 'placeholder', 'section-title', 'twin-visible'];
  const got = await waitFor(
    'attachments',
    () => attachedIds(p),
    (ids) => want.every((w) => ids.includes(w)),
  );
  assert.deepEqual(got.sort(), [...want].sort());
  assert.equal(await p.locator('[data-rpk=panel]').count(), want.length, 'one panel per field');
  // Each panel is analysing its own field.
  await p.locator('[data-kf-case=aria-label]').fill(ed.publicLine);
  await p.locator('[data-kf-case=placeholder]').fill(`${ed.sha256.fingerprint}`);
  await waitFor(
    'states',
    () => p.locator('[data-rpk=panel]').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-rpk-state'))),
    (s) => s.join() === 'empty,empty,ok,empty,error,empty,empty',
  );
  await p.close();
});

test('late fields attach within 1 s; replaced fields get exactly one new panel; removed fields lose theirs', async () => {
  const p = await page(`<!doctype html><body><div id="host"></div><script>
    window.__t = {};
    new MutationObserver(() => { if (document.querySelector('[data-rpk=panel]') && !window.__t.panel) window.__t.panel = performance.now(); })
      .observe(document.body, { childList: true, subtree: true });
    window.addField = () => { document.getElementById('host').innerHTML = '<label for="k">SSH Public Key</label><textarea id="k"></textarea>'; window.__t.field = performance.now(); window.__t.panel = 0; };
  </script></body>`);
  await p.waitForTimeout(300);
  assert.equal(await p.locator('[data-rpk=panel]').count(), 0);
  await p.evaluate(() => (window as unknown as { addField(): void }).addField());
  const t = await waitFor(
    'panel',
    () => p.evaluate(() => (window as unknown as { __t: { field: number; panel: number } }).__t),
    (x) => x.panel > 0,
  );
  assert.ok(t.panel - t.field < 1000, `attached after ${Math.round(t.panel - t.field)} ms`);
  await p.locator('#k').fill(ed.publicLine);
  await waitForState(panelOf(p), 'ok');
  // A re-render replaces the element (same label): one panel, analysing the new element.
  await p.evaluate(() => (window as unknown as { addField(): void }).addField());
  await p.locator('#k').fill(`${ed.publicLine} ${ecdsa.publicLine}`);
  await waitForFinding(panelOf(p), 'joined');
  assert.equal(await p.locator('[data-rpk=panel]').count(), 1);
  await p.evaluate(() => {
    document.getElementById('host')!.innerHTML = '';
  });
  await waitFor(
    'panel removed',
    () => p.locator('[data-rpk=panel]').count(),
    (n) => n === 0,
  );
  await p.close();
});

test('replica: SPA navigation, deploy flow field, credentials "Add SSH key" dialog', async () => {
  const p = await page();
  await panelOf(p).waitFor({ state: 'attached' });
  await p.evaluate(() => (window as unknown as { __replica: { navigate(path: string): void } }).__replica.navigate('/pods'));
  await waitFor(
    'settings panel gone',
    () => p.locator('[data-rpk=panel]').count(),
    (n) => n === 0,
  );
  // Deploy flow: the key field appears when "SSH terminal access" is ticked.
  await p.getByRole('button', { name: 'Deploy', exact: true }).click();
  await p.getByLabel('SSH terminal access').check();
  await keyField(p).fill(rsa.publicLine);
  await waitForState(panelOf(p), 'ok');
  assert.equal(await p.locator('[data-rpk=panel]').count(), 1);
  // Back to settings without a page load: attaches again, once.
  await p.evaluate(() => (window as unknown as { __replica: { navigate(path: string): void } }).__replica.navigate('/user/settings'));
  await keyField(p).waitFor();
  await waitFor(
    'one panel again',
    () => p.locator('[data-rpk=panel]').count(),
    (n) => n === 1,
  );
  // Credentials → SSH tab → Add SSH key dialog.
  await p.evaluate(() =>
    (window as unknown as { __replica: { navigate(path: string): void } }).__replica.navigate('/user/credentials?tab=ssh-public-keys'),
  );
  await p.getByRole('button', { name: 'Add SSH key' }).click();
  const dialogField = p.getByRole('dialog').getByLabel('SSH key');
  await dialogField.fill(`${ed.publicLine}\n${ed.sha256.fingerprint}`);
  const panel = p.getByRole('dialog').locator('[data-rpk=panel]');
  await waitForFinding(panel, 'fingerprint');
  assert.equal(
    await p
      .getByRole('dialog')
      .getByLabel('Name')
      .evaluate((n) => n.parentElement?.parentElement?.nextElementSibling?.getAttribute('data-rpk') ?? null),
    null,
    'Name field has no panel',
  );
  // The dialog's Save is guarded while in error; fixing then saving works.
  await p.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await panel.locator('[data-rpk=save-guard]').waitFor();
  await panel.locator('button[data-rpk=save-cancel]').click();
  await panel.locator('button[data-rpk=fix-all]').click();
  await waitForState(panel, 'ok');
  await p.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await waitFor(
    'saved',
    () => replica<string>(p, 'savedValue'),
    (v) => v.trim() === ed.publicLine,
  );
  await p.close();
});

test('fill-key-field appends on its own line via the native setter, never saves, and waits for a late field', async () => {
  const p = await page();
  await keyField(p).waitFor();
  await settingsLoaded(p);
  await keyField(p).fill(ecdsa.publicLine);
  const send = (publicKey: string): Promise<unknown> =>
    worker.evaluate(async (key) => {
      const [tab] = await chrome.tabs.query({ url: 'https://console.runpod.io/*' });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'fill-key-field', payload: { publicKey: key } });
    }, publicKey);
  assert.deepEqual(await send(ed.publicLine), { ok: true });
  assert.equal(await keyField(p).inputValue(), `${ecdsa.publicLine}\n${ed.publicLine}`);
  assert.equal(await replicaField(p), `${ecdsa.publicLine}\n${ed.publicLine}`, 'React state follows');
  await waitForState(panelOf(p), 'ok');
  assert.equal(await replica<string>(p, 'savedValue'), '', 'never saves');
  await p.close();

  // Late field: the message arrives before the field exists.
  const late = await page(`<!doctype html><body><div id="h"></div><script>
    setTimeout(() => { document.getElementById('h').innerHTML = '<label for="k">SSH Public Key</label><textarea id="k"></textarea>'; }, 1500);
  </script></body>`);
  await late.locator('html[data-rpk-ready]').waitFor({ state: 'attached' });
  assert.equal(await late.locator('#k').count(), 0, 'the field is not there yet');
  assert.deepEqual(await send(rsa.publicLine), { ok: true });
  assert.equal(await late.locator('#k').inputValue(), rsa.publicLine);
  await late.close();
});

test('known generated keys: a pasted fingerprint of one is fixable by replacing it with the key', async () => {
  await worker.evaluate(
    async (k) =>
      chrome.storage.local.set({
        generatedKeys: [{ publicKey: k.line, comment: 'me@laptop', fingerprint: k.fp, createdAt: new Date().toISOString() }],
      }),
    { line: rsa.publicLine, fp: rsa.sha256.fingerprint },
  );
  const p = await page();
  await settingsLoaded(p);
  await keyField(p).fill(`${ed.publicLine}\n${rsa.sha256.fingerprint}`);
  const seen = await waitFor(
    'fixable fingerprint finding',
    () => findings(panelOf(p)),
    (fs) => fs.some((x) => x.code === 'fingerprint' && x.fixable),
  );
  assert.equal(seen.find((x) => x.code === 'fingerprint')!.line, 2);
  await panelOf(p).locator('[data-rpk=finding][data-code=fingerprint] button[data-rpk=fix]').click();
  await waitFor(
    'replaced',
    () => keyField(p).inputValue(),
    (v) => v === `${ed.publicLine}\n${rsa.publicLine}`,
  );
  await worker.evaluate(async () => chrome.storage.local.remove('generatedKeys'));
  await p.close();
});

test('a failure inside the content script never breaks the field or the save button', async () => {
  const p = await page();
  await keyField(p).waitFor();
  await settingsLoaded(p);
  const text = `ssh-ed25519 broken ${FORCE_ERROR_MARKER}`;
  await keyField(p).fill(text);
  await keyField(p).press('End');
  await keyField(p).pressSequentially(' ok');
  assert.equal(await keyField(p).inputValue(), `${text} ok`);
  assert.equal(await replicaField(p), `${text} ok`);
  await waitFor(
    'panel says it could not check',
    () => panelText(panelOf(p)),
    (t) => /could not be checked/.test(t),
  );
  await p.getByRole('button', { name: 'Update Public Key' }).click();
  await waitFor(
    'saved normally',
    () => replica<string>(p, 'savedValue'),
    (v) => v === `${text} ok`,
  );
  assert.equal(await p.locator('[data-rpk=save-guard]').isVisible(), false);
  // Recovers once the marker is gone.
  await keyField(p).fill(ed.publicLine);
  await waitForState(panelOf(p), 'ok');
  await p.close();
});

test('screenshots: the panel in the dark and the light theme', async () => {
  for (const theme of ['dark', 'light'] as const) {
    const p = await page(undefined, `/user/settings?theme=${theme}`);
    await keyField(p).waitFor();
    await settingsLoaded(p);
    await keyField(p).fill(
      `$ cat ~/.ssh/id_ed25519.pub\n${ed.publicLine}\n${rsa.publicLine} ${ecdsa.publicLine}\n${ed.sha256.fingerprint}`,
    );
    await waitForFinding(panelOf(p), 'joined');
    await panelOf(p)
      .locator('[data-rpk=key]')
      .first()
      .getByRole('button', { name: /randomart/i })
      .click();
    await panelOf(p).locator('button[data-rpk=fix-all]').focus();
    const bg = await panelOf(p).evaluate((h) => getComputedStyle(h.shadowRoot!.querySelector('.rpk')!).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number) as [number, number, number];
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    assert.ok(theme === 'dark' ? luminance < 80 : luminance > 200, `${theme} panel background ${bg}`);
    await p.setViewportSize({ width: 1280, height: 1300 });
    await screenshot(
      p
        .locator('section, [role=region]')
        .filter({ has: p.locator('[data-rpk=panel]') })
        .last(),
      `key-field-${theme}`,
    ).catch(() => screenshot(p, `key-field-${theme}`));
    assert.ok((await findings(panelOf(p))).length >= 3);
    // Accessible: no serious axe violations; Tab from the field reaches the panel's buttons.
    assert.deepEqual(await seriousViolations(p, ['[data-rpk=panel]']), []);
    await keyField(p).focus();
    await p.keyboard.press('Tab');
    assert.equal(
      await p.evaluate(() => {
        const host = document.activeElement;
        return host?.getAttribute('data-rpk') === 'panel' ? (host.shadowRoot?.activeElement?.tagName ?? null) : null;
      }),
      'BUTTON',
    );
    // The panel follows the console's theme switch (no reload).
    const other = theme === 'dark' ? 'light' : 'dark';
    await p.evaluate((t) => (window as unknown as { __replica: { setTheme(t: string): void } }).__replica.setTheme(t), other);
    await waitFor(
      `panel turns ${other}`,
      () => panelOf(p).evaluate((h) => h.shadowRoot!.querySelector('.rpk')!.getAttribute('data-theme')),
      (v) => v === other,
    );
    await p.close();
  }
});

test('private key paste into the deploy flow field: blocked before the page sees it', async () => {
  const p = await page(undefined, '/pods');
  await p.getByRole('button', { name: 'Deploy', exact: true }).click();
  await p.getByLabel('SSH terminal access').check();
  await keyField(p).focus();
  const before = await replica<number>(p, 'pasteEvents');
  await p.evaluate((t) => navigator.clipboard.writeText(t), readText(ed.privatePath));
  await p.keyboard.press('ControlOrMeta+V');
  await waitForFinding(panelOf(p), 'private-key');
  assert.equal(await keyField(p).inputValue(), '');
  assert.equal(await replica<number>(p, 'pasteEvents'), before);
  // Typing on (here: the right key) drops the blocked paste's finding.
  await keyField(p).pressSequentially(ed.publicLine.slice(0, 12));
  await keyField(p).fill(ed.publicLine);
  await waitForState(panelOf(p), 'ok');
  assert.equal((await findings(panelOf(p))).length, 0);
  await p.close();
});

test('the paste guard runs before a window capture listener the page registers first thing', async () => {
  const p = await page(`<!doctype html><html><head><script>
    window.__seen = 0;
    window.addEventListener('paste', () => { window.__seen++; }, true);
    document.addEventListener('paste', () => { window.__seen++; }, true);
  </script></head><body><label for="k">SSH Public Key</label><textarea id="k"></textarea></body></html>`);
  await p.locator('#k').focus();
  await p.evaluate((t) => navigator.clipboard.writeText(t), readText(ed.privatePath));
  await p.keyboard.press('ControlOrMeta+V');
  await waitForFinding(panelOf(p), 'private-key');
  assert.equal(await p.evaluate(() => (window as unknown as { __seen: number }).__seen), 0, 'no page listener saw the private paste');
  assert.equal(await p.locator('#k').inputValue(), '');
  // A public key paste still reaches the page as usual.
  await p.evaluate((t) => navigator.clipboard.writeText(t), ed.publicLine);
  await p.keyboard.press('ControlOrMeta+V');
  await waitFor(
    'pasted',
    () => p.locator('#k').inputValue(),
    (v) => v === ed.publicLine,
  );
  assert.equal(await p.evaluate(() => (window as unknown as { __seen: number }).__seen), 2);
  await p.close();
});

test('autoFixPaste off: a fixable paste is inserted as pasted and reported, not fixed', async () => {
  await worker.evaluate(async () => chrome.storage.sync.set({ autoFixPaste: false }));
  try {
    const p = await page();
    await settingsLoaded(p);
    await panelOf(p).waitFor({ state: 'attached' });
    const [type, blob] = ed.publicLine.split(' ') as [string, string];
    const wrapped = `${type} ${blob.slice(0, 30)}\n${blob.slice(30)} me@laptop`;
    await keyField(p).focus();
    await p.evaluate((t) => navigator.clipboard.writeText(t), wrapped);
    await p.keyboard.press('ControlOrMeta+V');
    await waitFor(
      'pasted as is',
      () => keyField(p).inputValue(),
      (v) => v === wrapped,
    );
    await waitForFinding(panelOf(p), 'wrapped');
    await p.close();
  } finally {
    await worker.evaluate(async () => chrome.storage.sync.set({ autoFixPaste: true }));
  }
});
