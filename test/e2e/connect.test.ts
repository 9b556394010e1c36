/**
 * Connect tab / worker pane on the BUILT extension (shared/CONTRACT.md "Connect tab / worker pane").
 * One browser for every subtest. What is asserted is what the browser's clipboard holds afterwards
 * (`navigator.clipboard.readText()` with clipboard permissions granted), compared with the core
 * rewriter's output for the current settings; one case also goes through real `bash` + `ssh -G`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSshResolves } from '../helpers/openssh.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, launch, openPopup, screenshot, type Launched, setSyncSettings } from './harness.ts';
import { rewriteCommand } from '../../src/core/command/index.ts';
import type { RewriteSettings } from '../../src/core/types.ts';

const ORIGIN = 'https://console.runpod.io';
const PROXY = 'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519';
const TCP = 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';
const WORKER = 'ssh h01e202zhqq90o-64410bd8@ssh.runpod.io \u2013i ~/.ssh/id_ed25519';
const PORTS = '149.36.0.213:42442';

/**
 * A small console page of our own: the Connect tab's commands after a separate `$` glyph, copy
 * buttons that copy from state (writeText), the legacy modal's execCommand copy, Direct TCP Ports,
 * and a worker pane rendered late with an en dash.
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Connect</title><style>
  body { font: 14px/1.5 system-ui, sans-serif; margin: 24px; background: #fff; color: #1b1b1f; }
  body.dark { background: #16161a; color: #e8e8ee; }
  .row { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border: 1px solid #8886; border-radius: 8px; margin: 6px 0 14px; max-width: 760px; }
  .row code { font: 13px ui-monospace, monospace; flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
  .prompt { opacity: .6; font-family: monospace; }
  h3 { margin: 12px 0 2px; font-size: 14px; }
  .hint { margin: 0; font-size: 12px; opacity: .7; }
</style></head><body>
<section id="connect" style="max-width: 800px">
  <h3>SSH</h3><p class="hint">Connect to your pod using SSH. (No support for SCP &amp; SFTP)</p>
  <div class="row"><span class="prompt">$</span><code>${PROXY}</code><button id="copy-proxy" aria-label="Copy">Copy</button></div>
  <h3>SSH over exposed TCP</h3><p class="hint">Connect to your pod using SSH over a direct TCP connection. (Supports SCP &amp; SFTP)</p>
  <div class="row"><span class="prompt">$</span><code>${TCP}</code><button id="copy-tcp" aria-label="Copy">Copy</button></div>
  <h3>Direct TCP Ports</h3>
  <div class="row"><code>${PORTS} \u2192 :22</code><button id="copy-ports" aria-label="Copy">Copy</button></div>
  <h3>Basic SSH Terminal (legacy modal)</h3>
  <div class="row"><code>${TCP}</code><button id="copy-legacy">Copy</button></div>
</section>
<section id="worker"></section>
<script>
  window.copies = [];
  const state = { proxy: ${JSON.stringify(PROXY)}, tcp: ${JSON.stringify(TCP)}, ports: ${JSON.stringify(PORTS)} };
  const fromState = (text) => { copies.push(text); navigator.clipboard.writeText(text).catch(() => {}); };
  document.getElementById('copy-proxy').onclick = () => fromState(state.proxy);
  document.getElementById('copy-tcp').onclick = () => fromState(state.tcp);
  document.getElementById('copy-ports').onclick = () => fromState(state.ports);
  document.getElementById('copy-legacy').onclick = () => {
    copies.push(state.tcp);
    const ta = document.createElement('textarea');
    ta.value = state.tcp; ta.setAttribute('readonly', ''); ta.style.position = 'absolute'; ta.style.left = '-9999px';
    document.body.appendChild(ta); ta.select();
    try { document.execCommand('copy'); } finally { ta.remove(); }
  };
  setTimeout(() => {
    document.getElementById('worker').innerHTML = '<h3>Worker h01e202zhqq90o \u00b7 Connect</h3><div class="row"><span class="prompt">$</span><code id="worker-cmd"></code></div>';
    document.getElementById('worker-cmd').textContent = ${JSON.stringify(WORKER)};
  }, 700);
</script></body></html>`;

let run: Launched;
let page: Page;

before(async () => {
  run = await launch({ console: true, clipboard: true });
  await run.context.route(`${ORIGIN}/rpk-connect/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }),
  );
  page = await run.context.newPage();
  await page.goto(`${ORIGIN}/rpk-connect/pod`);
  await page.locator('html[data-rpk-ready]').waitFor();
});
after(async () => {
  await run?.close();
});

const DEFAULTS: RewriteSettings = { keyPath: '~/.ssh/id_ed25519', shell: 'posix', identitiesOnly: false };

async function setSettings(settings: Partial<RewriteSettings>): Promise<void> {
  await setSyncSettings(run, settings);
}

/** Hovers the first copy-corrected button until its preview shows `needle` (settings arrived). */
async function waitForPreview(needle: string): Promise<void> {
  await page.locator('button[data-rpk=copy-corrected]').first().hover();
  await page.locator('[data-rpk-host] .tip').first().filter({ hasText: needle }).waitFor({ timeout: 5000 });
  await page.mouse.move(0, 0);
}

async function clipboard(): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
async function resetClipboard(): Promise<void> {
  await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the copy)'));
}

function expected(command: string, settings: RewriteSettings): string {
  const result = rewriteCommand(command, settings);
  assert.ok(result.ok, `core rewrites ${command}`);
  return result.command;
}

test('bars appear next to every shown command, not next to other text', async () => {
  const bars = page.locator('button[data-rpk=copy-corrected]');
  // proxy, tcp, legacy row, and the worker pane rendered 700 ms after load
  await page.locator('#worker-cmd[data-rpk-command]').waitFor({ timeout: 5000 });
  assert.equal(await bars.count(), 4);
  assert.equal(await page.locator('[data-rpk-command]').filter({ hasText: PORTS }).count(), 0);
});

test("the page's own copy button (writeText from state) puts the corrected command on the clipboard", async () => {
  // A real key file (ssh -G drops identity files that do not exist), in a path with a space.
  const dir = await mkdtemp(join(tmpdir(), 'rpk-connect-'));
  const keyPath = join(dir, 'runpod key');
  await writeFile(keyPath, '');
  const settings: RewriteSettings = { keyPath, shell: 'posix', identitiesOnly: true };
  await setSettings(settings);
  await waitForPreview(expected(PROXY, settings));
  await resetClipboard();
  await page.click('#copy-tcp');
  await page.waitForFunction((n) => (window as unknown as { copies: string[] }).copies.length >= n, 1);
  const got = await clipboard();
  assert.equal(got, expected(TCP, settings));

  // Oracle: real bash splits it, real ssh -G resolves it: same host, port, user and exactly our key.
  assertSshResolves(got, { hostname: '149.36.0.213', port: 42442, user: 'root', identityFile: keyPath, identitiesOnly: true });
  await rm(dir, { recursive: true, force: true });
});

test('text that is not an SSH command (Direct TCP Ports) passes through unchanged; with rewriteClipboard off page copies are left alone', async () => {
  await setSettings(DEFAULTS);
  await waitForPreview(expected(PROXY, DEFAULTS));
  await resetClipboard();
  await page.click('#copy-ports');
  await page.waitForFunction(() => (window as unknown as { copies: string[] }).copies.includes('149.36.0.213:42442'));
  assert.equal(await clipboard(), PORTS);

  // With "rewrite clipboard" off, the page's copies are left alone; our button still corrects.
  await setSettings({ rewriteClipboard: false } as Partial<RewriteSettings>);
  await page.waitForTimeout(300); // no visible effect to wait for: give storage.onChanged time to arrive
  await resetClipboard();
  await page.click('#copy-tcp');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== '(clipboard before the copy)'));
  assert.equal(await clipboard(), TCP);
  await resetClipboard();
  await page.locator('button[data-rpk=copy-corrected]').nth(1).click();
  assert.equal(await clipboard(), expected(TCP, DEFAULTS));
  await setSettings({ rewriteClipboard: true } as Partial<RewriteSettings>);
  await page.waitForTimeout(300);
});

test("the legacy modal's execCommand('copy') and selection + Ctrl+C get the corrected command", async () => {
  await setSettings({ keyPath: '~/.ssh/runpod key', identitiesOnly: true });
  const settings: RewriteSettings = { keyPath: '~/.ssh/runpod key', shell: 'posix', identitiesOnly: true };
  await waitForPreview(expected(PROXY, settings));

  await resetClipboard();
  await page.click('#copy-legacy');
  assert.equal(await clipboard(), expected(TCP, settings));

  // Select the `$` glyph and the proxy command, as a person would, and press Ctrl+C.
  await resetClipboard();
  await page.evaluate(() => {
    const row = document.querySelector('#copy-proxy')!.parentElement!;
    const range = document.createRange();
    range.setStartBefore(row.firstChild!);
    range.setEndAfter(row.querySelector('code')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.press('Control+c');
  assert.equal(await clipboard(), expected(PROXY, settings));

  // A selection that is not a command is left alone.
  await resetClipboard();
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('.hint')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.press('Control+c');
  assert.equal(await clipboard(), 'Connect to your pod using SSH. (No support for SCP & SFTP)');
  await page.evaluate(() => getSelection()!.removeAllRanges());
  await setSettings(DEFAULTS);
});

test('clipboard.write with a text/plain ClipboardItem and a copy handler calling setData are corrected too', async () => {
  await setSettings(DEFAULTS);
  await waitForPreview(expected(PROXY, DEFAULTS));
  await resetClipboard();
  await page.evaluate(
    (text) => navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }) })]),
    TCP,
  );
  assert.equal(await clipboard(), expected(TCP, DEFAULTS));

  // copy-to-clipboard style: the page fills clipboardData in its own copy listener.
  await resetClipboard();
  await page.evaluate((text) => {
    document.addEventListener(
      'copy',
      (e) => {
        e.clipboardData?.setData('text/plain', text);
        e.preventDefault();
      },
      { once: true },
    );
    document.execCommand('copy');
  }, PROXY);
  assert.equal(await clipboard(), expected(PROXY, DEFAULTS));

  // ...and the same handler with a non-command is left alone.
  await resetClipboard();
  await page.evaluate(() => {
    document.addEventListener(
      'copy',
      (e) => {
        e.clipboardData?.setData('text/plain', 'Use ssh to connect, then run nvidia-smi.');
        e.preventDefault();
      },
      { once: true },
    );
    document.execCommand('copy');
  });
  assert.equal(await clipboard(), 'Use ssh to connect, then run nvidia-smi.');
});

test('copy-corrected on the late worker pane (en dash) copies the repaired command; settings apply to the next copy', async () => {
  await setSettings({ keyPath: '~/.ssh/id_ed25519', identitiesOnly: false, shell: 'posix' });
  await waitForPreview(expected(PROXY, DEFAULTS));
  const workerBar = page.locator('#worker [data-rpk-host] button[data-rpk=copy-corrected]');
  await resetClipboard();
  await workerBar.click();
  const first = await clipboard();
  assert.equal(first, expected(WORKER, DEFAULTS));
  assert.ok(!first.includes('\u2013'), 'the en dash is repaired');
  await page.locator('#worker [data-rpk-host]').getByText('Copied').waitFor();

  // PowerShell, a Windows path with a space: the very next click follows.
  const ps: RewriteSettings = { keyPath: 'C:\\Users\\Jo Doe\\.ssh\\id_ed25519', shell: 'powershell', identitiesOnly: true };
  await setSettings(ps);
  await waitForPreview(expected(PROXY, ps));
  await resetClipboard();
  await workerBar.click();
  assert.equal(await clipboard(), expected(WORKER, ps));

  // Keyboard: focus shows the preview, Enter copies.
  await setSettings(DEFAULTS);
  await waitForPreview(expected(PROXY, DEFAULTS));
  await resetClipboard();
  // Tab from the control just before it (the Connect assistant's "Not working?" link, after its
  // toggle, after the legacy row).
  await page.locator('#connect [data-rpk=assistant]').last().locator('[data-rpk=open-doctor]').focus();
  await page.keyboard.press('Tab');
  assert.equal(await workerBar.evaluate((b) => b.matches(':focus-visible')), true);
  await page.locator('#worker [data-rpk-host] .tip').filter({ hasText: 'id_ed25519' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== '(clipboard before the copy)'));
  assert.equal(await clipboard(), expected(WORKER, DEFAULTS));
});

test('a key path that cannot be quoted for cmd leaves the page copy unchanged and says why', async () => {
  const bad: RewriteSettings = { keyPath: 'C:\\keys\\my"key', shell: 'cmd', identitiesOnly: false };
  const refused = rewriteCommand(TCP, bad);
  assert.equal(refused.ok, false, 'precondition: the core refuses this path for cmd');
  await setSettings(bad);
  await waitForPreview(refused.ok ? '' : refused.reason);
  await resetClipboard();
  await page.click('#copy-tcp');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== '(clipboard before the copy)'));
  assert.equal(await clipboard(), TCP);
  const notice = page.locator('[data-rpk=connect-notice] [data-rpk-reason]');
  await notice.waitFor();
  const reason = refused.ok ? '' : refused.reason;
  assert.ok(reason.length > 0);
  // Shown as a sentence: capitalised, with a full stop.
  assert.equal((await notice.textContent())?.toLowerCase(), `${reason.toLowerCase().replace(/\.$/, '')}.`);
  await screenshot(page, 'connect-refused-notice');
  await setSettings(DEFAULTS);
  await page.locator('[data-rpk=connect-notice] button').click();
});

test('one preview on the page at a time: hovering a bar hides the preview another bar shows for keyboard focus', async () => {
  await waitForPreview(expected(PROXY, DEFAULTS));
  const visible = page.locator('[data-rpk-host] .tip:visible');
  await page.locator('button[data-rpk=copy-ssh-config]').nth(1).focus();
  await visible.filter({ hasText: 'Host ' }).waitFor({ timeout: 5000 });
  await page.locator('button[data-rpk=copy-corrected]').first().hover();
  await visible.filter({ hasText: expected(PROXY, DEFAULTS) }).waitFor({ timeout: 5000 });
  assert.equal(await visible.count(), 1);
  await page.mouse.move(0, 0);
  await page.locator('body').focus();
});

test('screenshots of the Connect pane with our buttons, light and dark', async () => {
  await waitForPreview(expected(PROXY, DEFAULTS));
  await page.locator('button[data-rpk=copy-corrected]').nth(1).hover();
  await screenshot(page, 'connect-light');
  await page.evaluate(() => document.body.classList.add('dark'));
  await page.focus('#copy-proxy');
  await page.keyboard.press('Shift+Tab');
  await page.locator('[data-rpk-host] button[data-rpk=copy-ssh-config]:focus-visible').first().waitFor();
  await screenshot(page, 'connect-dark');
  await page.evaluate(() => document.body.classList.remove('dark'));
});

// ---- The console replica (test/fixtures/console): pod Connect tab, legacy modal, worker pane.

interface ReplicaWindow {
  __replica: { copies: string[]; setTheme(theme: 'light' | 'dark'): void };
}
const lastCopy = (p: Page): Promise<string | undefined> => p.evaluate(() => (window as unknown as ReplicaWindow).__replica.copies.at(-1));

async function openReplica(path: string): Promise<Page> {
  const p = await run.context.newPage();
  await p.goto(`${ORIGIN}${path}`);
  await p.locator('html[data-rpk-ready]').waitFor();
  return p;
}

/** axe-core violations whose nodes are in our UI (the page's own issues are not ours to fix). */
async function axeOnOurUi(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return p.evaluate(async () => {
    type Nodes = { target: unknown; failureSummary?: string }[];
    type Result = { violations: { id: string; nodes: Nodes }[]; passes: { id: string; nodes: Nodes }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<Result> } }).axe;
    const { violations, passes } = await axe.run(document);
    // The check must have looked at our buttons at all (color-contrast passes on them).
    if (!passes.some((r) => r.id === 'color-contrast' && r.nodes.some((n) => JSON.stringify(n.target).includes('rpk'))))
      return ['axe never checked our buttons'];
    return violations.flatMap((v) =>
      v.nodes
        .filter((n) => JSON.stringify(n.target).includes('rpk'))
        .map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
    );
  });
}

/** Sets the settings and waits until the first bar in `scope` previews the command for them. */
async function settle(p: Page, scope: Locator, settings: RewriteSettings): Promise<void> {
  await setSettings(settings);
  const shown = (await scope.locator('[data-rpk-command]').first().textContent()) ?? '';
  await scope.locator('button[data-rpk=copy-corrected]').first().hover();
  await scope
    .locator('[data-rpk-host] .tip')
    .first()
    .filter({ hasText: expected(shown, settings) })
    .waitFor({ timeout: 5000 });
  await p.mouse.move(0, 0);
}

async function readClipboard(p: Page): Promise<string> {
  return p.evaluate(() => navigator.clipboard.readText());
}
async function resetClipboardOn(p: Page): Promise<void> {
  await p.evaluate(() => navigator.clipboard.writeText('(clipboard before the copy)'));
}

test('replica pod Connect tab: page copy buttons, re-render, popup settings apply to the next copy, light/dark', async () => {
  const p = await openReplica('/pods?theme=light');
  await p.getByText('vigilant_violet_lynx').click();
  const inspector = p.getByRole('complementary', { name: 'Pod vigilant_violet_lynx' });
  const bars = inspector.locator('button[data-rpk=copy-corrected]');
  await bars.nth(1).waitFor();
  await settle(p, inspector, DEFAULTS);
  assert.equal(await bars.count(), 2, 'SSH and SSH over exposed TCP, not Direct TCP Ports');

  const tcpSection = inspector.locator('section').filter({ hasText: 'SSH over exposed TCP' });
  await resetClipboardOn(p);
  await tcpSection.getByRole('button', { name: 'Copy', exact: true }).click();
  await p.waitForFunction(() => (window as unknown as ReplicaWindow).__replica.copies.length > 0);
  const original = await lastCopy(p);
  assert.ok(original && /^ssh root@149\.36\.0\.213 -p 42442/.test(original));
  assert.equal(await readClipboard(p), expected(original, DEFAULTS));

  const portsSection = inspector.locator('section').filter({ hasText: 'Direct TCP Ports' });
  await resetClipboardOn(p);
  await portsSection.getByRole('button', { name: 'Copy', exact: true }).click();
  await p.waitForFunction(() => (window as unknown as ReplicaWindow).__replica.copies.at(-1) === '149.36.0.213:42442');
  assert.equal(await readClipboard(p), '149.36.0.213:42442', 'non-command copies pass through');

  // Switching tabs unmounts Connect; coming back re-renders it: the bars come back.
  await inspector.getByRole('tab', { name: 'Details' }).click();
  await p.waitForFunction(() => document.querySelectorAll('[data-rpk-host]').length === 0);
  await inspector.getByRole('tab', { name: 'Connect' }).click();
  await bars.nth(1).waitFor();
  assert.equal(await bars.count(), 2);

  // Settings changed in the popup apply to the next copy, no reload.
  const popup = await openPopup(run);
  const ps: RewriteSettings = { keyPath: 'C:\\Users\\Jo Doe\\.ssh\\id_ed25519', shell: 'powershell', identitiesOnly: true };
  await popup.locator('[data-rpk=key-path]').fill(ps.keyPath);
  await popup.locator('[data-rpk=key-path]').press('Tab');
  await popup.locator('[data-rpk=shell]').selectOption(ps.shell);
  await popup.locator('[data-rpk=identities-only]').check();
  await popup.close();
  await p.bringToFront();
  const sshSection = inspector.locator('section').filter({ hasText: 'No support for SCP' });
  const proxy = (await sshSection.locator('[data-rpk-command]').textContent()) ?? '';
  await bars.first().hover();
  await inspector
    .locator('[data-rpk-host] .tip')
    .first()
    .filter({ hasText: expected(proxy, ps) })
    .waitFor({ timeout: 5000 });
  await resetClipboardOn(p);
  await sshSection.getByRole('button', { name: 'Copy', exact: true }).click();
  await p.waitForFunction((n) => (window as unknown as ReplicaWindow).__replica.copies.length === n, 3);
  assert.equal(await lastCopy(p), proxy, 'the page copied its own text');
  assert.equal(await readClipboard(p), expected(proxy, ps));

  await setSettings(DEFAULTS);
  await bars.first().hover();
  await inspector
    .locator('[data-rpk-host] .tip')
    .first()
    .filter({ hasText: expected(proxy, DEFAULTS) })
    .waitFor({ timeout: 5000 });
  await screenshot(inspector, 'connect-replica-light');
  assert.deepEqual(await axeOnOurUi(p), [], 'axe, light theme');
  await p.evaluate(() => (window as unknown as ReplicaWindow).__replica.setTheme('dark'));
  await p.mouse.move(0, 0);
  await p.keyboard.press('Escape');
  await bars.nth(1).focus();
  await p.keyboard.press('Shift+Tab');
  await p.keyboard.press('Tab');
  await inspector.locator('[data-rpk-host] .tip:not([hidden])').waitFor();
  await screenshot(inspector, 'connect-replica-dark');
  assert.deepEqual(await axeOnOurUi(p), [], 'axe, dark theme');
  await p.close();
});

test("replica legacy modal: execCommand('copy') gets the corrected command", async () => {
  const p = await openReplica('/pods?legacy=1');
  await p.getByRole('button', { name: 'Connect', exact: true }).first().click();
  const dialog = p.getByRole('dialog', { name: 'Connect' });
  await dialog.locator('button[data-rpk=copy-corrected]').first().waitFor();
  const line = dialog.locator('code', { hasText: 'root@' }).locator('xpath=..');
  await settle(p, line, DEFAULTS);
  await resetClipboardOn(p);
  await line.getByRole('button', { name: 'Copy', exact: true }).click();
  const original = await lastCopy(p);
  assert.ok(original?.startsWith('ssh root@'), String(original));
  assert.equal(await readClipboard(p), expected(original ?? '', DEFAULTS));
  await screenshot(dialog, 'connect-replica-legacy');
  await p.close();
});

test('replica worker pane with en dash: page copy and copy-corrected both give the repaired command', async () => {
  const p = await openReplica('/serverless/user/endpoint/vllm-abc123?endash=1&theme=light');
  await p.getByRole('tab', { name: 'Workers' }).click();
  await p.getByText('h01e202zhqq90o').first().click();
  const pane = p.getByRole('complementary', { name: 'Worker h01e202zhqq90o' });
  await pane.getByRole('tab', { name: 'Connect' }).click();
  const ours = pane.locator('button[data-rpk=copy-corrected]');
  await ours.waitFor();
  await settle(p, pane, DEFAULTS);
  const shown = (await pane.locator('[data-rpk-command]').textContent()) ?? '';
  assert.ok(shown.includes('\u2013i'), 'the replica shows an en dash');

  await resetClipboardOn(p);
  await pane.getByRole('button', { name: 'Copy', exact: true }).click();
  await p.waitForFunction(() => (window as unknown as ReplicaWindow).__replica.copies.length > 0);
  const original = (await lastCopy(p)) ?? '';
  assert.ok(original.includes('\u2013i'));
  const corrected = expected(original, DEFAULTS);
  assert.ok(!corrected.includes('\u2013'));
  assert.equal(await readClipboard(p), corrected);

  await resetClipboardOn(p);
  await ours.click();
  assert.equal(await readClipboard(p), expected(shown, DEFAULTS));
  await screenshot(pane, 'connect-replica-worker');
  await p.close();
});
