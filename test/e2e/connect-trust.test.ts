/**
 * Issue 9 on the BUILT extension in Chromium: only the console's own Runpod commands get our
 * button (not container logs, not a template README, not hostile command-like text); a page
 * script cannot obtain the key path without a user copy; a refused command is never copied by our
 * button; after the extension is reloaded the old content script removes its UI and goes quiet.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, type Launched, setSyncSettings } from './harness.ts';
import { rewriteCommand } from '../../src/core/command/index.ts';
import type { RewriteSettings } from '../../src/core/types.ts';

const ORIGIN = 'https://console.runpod.io';
const POD = 'e9ohprt7xzfdgr';
const TCP = 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';
const SECRET_PATH = '/home/alice.smith/.ssh/acme-prod-key';
const PRIVATE: RewriteSettings = { keyPath: SECRET_PATH, shell: 'posix', identitiesOnly: false };

let run: Launched;

before(async () => {
  run = await launch({ console: true, clipboard: true });
});
after(async () => {
  await run?.close();
});

async function setSettings(settings: Partial<RewriteSettings>): Promise<void> {
  await setSyncSettings(run, settings);
}

async function open(path: string): Promise<Page> {
  const page = await run.context.newPage();
  await page.goto(`${ORIGIN}${path}`);
  await page.locator('html[data-rpk-ready]').waitFor();
  return page;
}

/**
 * Adds a real console-style command row at the end of the body and waits for its button: every
 * DOM change made before it has been looked at by then (batches are handled in order).
 */
async function sentinel(page: Page, n: number): Promise<void> {
  await page.evaluate((id) => {
    const row = document.createElement('div');
    row.id = `sentinel-${id}`;
    const command = document.createElement('span');
    command.textContent = `ssh root@10.0.0.${id} -p 2222 -i ~/.ssh/id_ed25519`;
    row.append(command);
    document.body.append(row);
  }, n);
  await page.locator(`#sentinel-${n} [data-rpk-command]`).waitFor({ timeout: 5000 });
}

test('replica pod pane: Connect commands get buttons; streaming Logs and the Template Readme get none', async () => {
  const page = await open(`/pods?pod=${POD}&logs=300&stream=1`);
  const inspector = page.getByRole('complementary', { name: 'Pod vigilant_violet_lynx' });
  await inspector.locator('button[data-rpk=copy-corrected]').nth(1).waitFor();
  assert.equal(await inspector.locator('button[data-rpk=copy-corrected]').count(), 2, 'positive control: SSH and SSH over exposed TCP');

  await inspector.getByRole('tab', { name: 'Logs' }).click();
  const logs = page.getByTestId('pod-logs');
  await logs.waitFor();
  // The stream adds 10 lines every 50 ms: wait until it has streamed past its first 300.
  await page.waitForFunction(() => (document.querySelector('[data-testid=pod-logs]')?.childElementCount ?? 0) > 400);
  assert.ok((await logs.textContent())?.includes(`ssh ${POD}-64410d32@ssh.runpod.io`), 'the logs hold command-like lines');
  await sentinel(page, 1);
  assert.equal(await inspector.locator('[data-rpk-command], [data-rpk-host]').count(), 0, 'no button in the logs');

  await inspector.getByRole('tab', { name: 'Template Readme' }).click();
  await page.getByTestId('pod-readme').waitFor();
  await sentinel(page, 2);
  assert.equal(await inspector.locator('[data-rpk-command], [data-rpk-host]').count(), 0, 'no button in the README');
  await page.close();
});

test('hostile command-like text (6 KB) gets no button and does not stop later commands', async () => {
  const page = await open('/pods');
  await page.evaluate(() => {
    const block = document.createElement('p');
    block.textContent = "ssh '".repeat(1300) + ' ssh root@1.2.3.4 -o ProxyCommand=x';
    document.body.append(block);
    const spans = document.createElement('div');
    for (let i = 0; i < 600; i++) {
      const span = document.createElement('span');
      span.textContent = i % 2 ? "ssh 'a' " : 'ssh root@1.2.3.4 $(touch /tmp/x) ';
      spans.append(span);
    }
    document.body.append(spans);
    const refused = document.createElement('div');
    refused.id = 'refused';
    refused.textContent = 'ssh root@1.2.3.4; touch /tmp/pwned';
    document.body.append(refused);
    const other = document.createElement('div');
    other.textContent = 'ssh git@github.com -i ~/.ssh/id_ed25519';
    document.body.append(other);
  });
  await sentinel(page, 3);
  const marked = await page.locator('[data-rpk-command]').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 200)));
  assert.deepEqual(marked.length, 1, `only the sentinel: ${marked.join(' / ')}`);
  await page.close();
});

test('commands the core refuses (ProxyCommand, $(…), -F) get no button', async () => {
  const page = await open('/pods');
  await page.evaluate(() => {
    for (const text of [
      'ssh root@1.2.3.4 -o ProxyCommand="nc %h %p"',
      'ssh root@1.2.3.4 "$(touch /tmp/pwned)"',
      'ssh root@1.2.3.4 -F /tmp/x',
    ]) {
      const row = document.createElement('div');
      row.textContent = text;
      document.body.append(row);
    }
  });
  await sentinel(page, 4);
  const marked = await page.locator('[data-rpk-command]').count();
  await page.close();
  assert.equal(marked, 1, 'only the sentinel');
});

test('a page script cannot obtain the key path without a user copy; a user copy still gets it', async () => {
  await setSettings(PRIVATE);
  const html = `<!doctype html><html><head><meta charset="utf-8"><script>
    window.leaks = [];
    const cmd = ${JSON.stringify(TCP)};
    const record = (e) => { try { window.leaks.push('event ' + String(e.detail)); } catch {} };
    function probe() {
      // The old public bridge: request on document, answer on document.
      document.addEventListener('rpk-connect:rewrite-answer', record, true);
      document.dispatchEvent(new CustomEvent('rpk-connect:rewrite-request', { detail: cmd }));
      // Ask the extension to introduce its private node now that page scripts run.
      const hello = (e) => {
        const node = e.target;
        node.addEventListener('rpk-connect:rewrite-answer', record);
        node.dispatchEvent(new CustomEvent('rpk-connect:rewrite-request', { detail: cmd }));
      };
      document.addEventListener('rpk-connect:hello', hello, true);
      document.dispatchEvent(new Event('rpk-connect:call'));
      document.removeEventListener('rpk-connect:hello', hello, true);
      // Clipboard writes, read back (permission granted in this test). Playwright's own calls
      // give the page a transient user activation (5 s): only probes without one count.
      const active = navigator.userActivation.isActive;
      navigator.clipboard.writeText(cmd).then(() => navigator.clipboard.readText()).then((t) => window.leaks.push((active ? 'active ' : 'inactive ') + 'writeText ' + t), () => {});
      const item = new ClipboardItem({ 'text/plain': new Blob([cmd], { type: 'text/plain' }) });
      navigator.clipboard.write([item]).then(() => navigator.clipboard.readText()).then((t) => window.leaks.push((active ? 'active ' : 'inactive ') + 'write ' + t), () => {});
      const data = new DataTransfer();
      data.setData('text/plain', cmd);
      window.leaks.push('setData ' + data.getData('text/plain'));
    }
    window.probes = 0;
    const timer = setInterval(() => { probe(); if (++window.probes >= 40) clearInterval(timer); }, 250);
  </script></head><body>
    <div><span>$</span><span id="cmd">${TCP}</span><button id="copy">Copy</button></div>
    <script>document.getElementById('copy').onclick = () => navigator.clipboard.writeText(${JSON.stringify(TCP)});</script>
  </body></html>`;
  await run.context.route(`${ORIGIN}/rpk-trust/leak`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await open('/rpk-trust/leak');
  const expected = rewriteCommand(TCP, PRIVATE);
  assert.ok(expected.ok);
  // Settings are loaded once our button previews the private path.
  await page.locator('button[data-rpk=copy-corrected]').hover();
  await page.locator('[data-rpk-host] .tip').filter({ hasText: 'acme-prod-key' }).waitFor();
  // Leave the page alone until the activation Playwright's calls gave it has expired (5 s in
  // Chromium) and the probes have run without one.
  await new Promise((resolve) => setTimeout(resolve, 9_000));
  await page.waitForFunction(() => (window as unknown as { probes: number }).probes >= 40);
  const leaks = await page.evaluate(() => (window as unknown as { leaks: string[] }).leaks);
  const inactive = leaks.filter((t) => t.startsWith('inactive '));
  assert.ok(
    inactive.some((t) => t.endsWith(` ${TCP}`)),
    'probes ran without a user activation and read the clipboard back',
  );
  assert.deepEqual(
    inactive.filter((t) => t.includes('acme-prod-key')),
    [],
    'no clipboard probe without a user gesture saw the key path',
  );
  assert.deepEqual(
    leaks.filter((t) => !/^(?:in)?active /.test(t) && t.includes('acme-prod-key')),
    [],
    'no event or DataTransfer probe ever saw it',
  );

  // Positive control: the page's own copy button, clicked by the user, is corrected.
  await page.click('#copy');
  await page.waitForFunction((want) => navigator.clipboard.readText().then((t) => t === want), expected.command);
  await page.close();
});

test('our button copies nothing for a refused command and says why', async () => {
  const bad: RewriteSettings = { keyPath: 'C:\\keys\\my"key', shell: 'cmd', identitiesOnly: false };
  const refused = rewriteCommand(TCP, bad);
  assert.equal(refused.ok, false, 'precondition: the core refuses this path for cmd');
  await setSettings(bad);
  const html = `<!doctype html><html><body><div><span>$</span><span>${TCP}</span></div></body></html>`;
  await run.context.route(`${ORIGIN}/rpk-trust/refused`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await open('/rpk-trust/refused');
  await page.locator('button[data-rpk=copy-corrected]').hover();
  await page.locator('[data-rpk-host] .tip').filter({ hasText: 'Copies nothing' }).waitFor();
  await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the copy)'));
  await page.locator('button[data-rpk=copy-corrected]').click();
  await page.locator('[data-rpk-host] .status').filter({ hasText: 'Nothing copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '(clipboard before the copy)');
  await setSettings({ keyPath: '~/.ssh/id_ed25519', shell: 'posix' });
  await page.close();
});

test('before the command core has loaded, a page copy passes through untouched; it starts the load and the next copy is corrected', async () => {
  const settings: RewriteSettings = { keyPath: '~/.ssh/id_ed25519', shell: 'posix', identitiesOnly: true };
  await setSettings(settings);
  // No command is shown (nothing to preload the core for); the button copies one from state.
  const bare = 'ssh root@149.36.0.213 -p 42442';
  const html = `<!doctype html><html><body><button id="copy">Copy</button>
    <script>document.getElementById('copy').onclick = () => navigator.clipboard.writeText(${JSON.stringify(bare)});</script>
  </body></html>`;
  await run.context.route(`${ORIGIN}/rpk-trust/unshown`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await open('/rpk-trust/unshown');
  const expected = rewriteCommand(bare, settings);
  assert.ok(expected.ok && expected.command !== bare);
  await page.waitForTimeout(500); // settings loaded: only the core is missing
  await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the copy)'));
  await page.click('#copy');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== '(clipboard before the copy)'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), bare, 'the page text, exactly as written');
  let got = '';
  for (let i = 0; i < 25 && got !== expected.command; i++) {
    await page.waitForTimeout(200);
    await page.click('#copy');
    got = await page.evaluate(() => navigator.clipboard.readText());
  }
  assert.equal(got, expected.command);
  await setSettings({ identitiesOnly: false });
  await page.close();
});

test('after the extension is reloaded, the old content script removes its UI and logs no errors', async () => {
  const page = await open(`/pods?pod=${POD}`);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (/context invalidated|runpod-ssh-helper/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.locator('button[data-rpk=copy-corrected]').nth(1).waitFor();
  const [worker] = run.context.serviceWorkers();
  assert.ok(worker);
  await worker
    .evaluate(() => {
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
    })
    .catch(() => undefined);
  // Any interaction (or DOM change) lets the old script notice its runtime is gone.
  await page.waitForFunction(
    () => {
      document.body.click();
      document.body.append(document.createElement('i'));
      return document.querySelectorAll('[data-rpk-host]').length === 0;
    },
    undefined,
    { polling: 200, timeout: 10_000 },
  );
  await page.mouse.click(5, 5);
  await page.keyboard.press('Control+c');
  assert.equal(await page.locator('[data-rpk-command], [data-rpk-host], [data-rpk]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
