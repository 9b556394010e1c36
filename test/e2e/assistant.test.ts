/**
 * The Connect assistant on the BUILT extension in Chromium, on the console replica: a pod's
 * Connect tab (proxy + exposed TCP) and a serverless worker's pane (proxy). Every copied text is
 * what core's connectionCommands gives for the current settings, and is checked by the same
 * oracles as the unit tests (real bash splits it, real `ssh -G` resolves it). The popup's
 * all-pods config lists the pods seen on the Connect tabs and its file passes `ssh -G -F`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launch, openPopup, screenshot, type Launched, setSyncSettings } from './harness.ts';
import { seriousViolations } from './axe.ts';
import { assertSshResolves } from '../helpers/openssh.ts';
import { connectionCommands, type ConnectionCommands, type ConnectSettings } from '../../src/core/connect/index.ts';

const BASE = 'https://console.runpod.io';
const PROXY = 'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519';
const TCP = 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';
const WORKER = 'ssh h01e202zhqq90o-64410bd8@ssh.runpod.io -i ~/.ssh/id_ed25519';

let run: Launched;
let dir: string;
let keyPath: string;
let settings: ConnectSettings;

before(async () => {
  run = await launch({ console: true, clipboard: true });
  dir = await mkdtemp(join(tmpdir(), 'rpk-asst-'));
  // A real key file at a path with a space and a quote (ssh -G drops identity files that do not exist).
  keyPath = join(dir, "runpod key's");
  await writeFile(keyPath, '');
  settings = { keyPath, shell: 'posix', identitiesOnly: true };
  await setSync({ keyPath, shell: 'posix', identitiesOnly: true });
});

const setSync = (items: object): Promise<void> => setSyncSettings(run, items);
after(async () => {
  await run?.close();
  await rm(dir, { recursive: true, force: true });
});

const argv = (line: string): string[] =>
  execFileSync('bash', ['-c', 'eval "set -- $1" && printf "%s\\0" "$@"', 'bash', line], { encoding: 'utf8' }).split('\0').slice(0, -1);

function core(command: string, extra: Partial<ConnectSettings> = {}): ConnectionCommands {
  const r = connectionCommands(command, { ...settings, ...extra });
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r;
}

async function openPod(page: Page, name: string): Promise<Locator> {
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  const pane = page.getByRole('complementary', { name: `Pod ${name}` });
  await pane.locator('[data-rpk=assistant]').first().waitFor({ timeout: 10_000 });
  return pane;
}

/** Clicks a control inside an assistant and returns what the clipboard then holds. */
async function copied(page: Page, assistant: Locator, hook: string): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText('(before)'));
  await assistant.locator(`[data-rpk=${hook}]`).click();
  await assistant
    .locator('[data-rpk=asst-status]')
    .filter({ hasText: /Copied/ })
    .waitFor({ timeout: 5000 });
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await assistant.locator('[data-rpk=asst-status]').evaluate((n) => {
    n.textContent = '';
  });
  return text;
}

let page: Page;

test("pod Connect tab: the TCP command's assistant copies ssh, scp, rsync, sftp, forwards and the Host block that OpenSSH accepts", async () => {
  page = await run.context.newPage();
  await page.goto(`${BASE}/pods?theme=light`);
  const pane = await openPod(page, 'vigilant_violet_lynx');
  const assistants = pane.locator('[data-rpk=assistant]');
  await assistants.nth(1).waitFor();
  assert.equal(await assistants.count(), 2, 'one assistant per command (proxy, TCP)');
  const tcp = assistants.nth(1);
  const toggle = tcp.locator('[data-rpk=assistant-toggle]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const want = core(TCP, { podId: 'e9ohprt7xzfdgr' });

  const ssh = await copied(page, tcp, 'asst-ssh');
  assert.equal(ssh, want.ssh);
  assertSshResolves(ssh, { hostname: '149.36.0.213', port: 42442, user: 'root', identityFile: keyPath, identitiesOnly: true });

  // Paths edited in place: spaces on both sides.
  await tcp.locator('[data-rpk=asst-local]').fill('./my data/run 1.csv');
  await tcp.locator('[data-rpk=asst-remote]').fill('/workspace/in box/');
  const scp = await copied(page, tcp, 'asst-scp-up');
  assert.equal(scp, want.scp('./my data/run 1.csv', '/workspace/in box/', 'up'));
  assert.deepEqual(argv(scp), [
    'scp',
    '-r',
    '-s',
    '-P',
    '42442',
    '-i',
    keyPath,
    '-o',
    'IdentitiesOnly=yes',
    './my data/run 1.csv',
    'root@149.36.0.213:/workspace/in box/',
  ]);
  const rsync = await copied(page, tcp, 'asst-rsync-down');
  assert.equal(rsync, want.rsync('./my data/run 1.csv', '/workspace/in box/', 'down'));
  const rsyncArgv = argv(rsync);
  assert.deepEqual(rsyncArgv.slice(0, 3), ['rsync', '-av', '-s']);
  assert.equal(rsyncArgv[4], `ssh -p 42442 -i "${keyPath}" -o IdentitiesOnly=yes`);
  assert.equal(await copied(page, tcp, 'asst-sftp'), want.sftp);

  // The pane lists Jupyter on 8888: a forward for it, and one for a typed port; ssh -G shows both.
  const fwd = await copied(page, tcp, 'asst-forward');
  assert.equal(fwd, want.forward(8888, 8888));
  assert.match(
    execFileSync('ssh', ['-G', '-F', '/dev/null', ...argv(fwd).slice(1)], { encoding: 'utf8' }),
    /^localforward 8888 \[localhost\]:8888$/m,
  );
  await tcp.locator('[data-rpk=asst-port]').fill('6006');
  assert.equal(await copied(page, tcp, 'asst-forward-port'), want.forward(6006, 6006));
  await tcp.locator('[data-rpk=asst-port]').fill('99999');
  await tcp.locator('[data-rpk=asst-forward-port]').click();
  assert.equal(await tcp.locator('[data-rpk=asst-port]').getAttribute('aria-invalid'), 'true');
  assert.match((await tcp.locator('[data-rpk=asst-status]').textContent()) ?? '', /1 to 65535/);
  await tcp.locator('[data-rpk=asst-port]').fill('6006');
  assert.equal(await tcp.locator('[data-rpk=asst-port]').getAttribute('aria-invalid'), null, 'typing clears the error mark');

  // The Host block: ssh -G -F resolves the alias to this pod, with its HostKeyAlias.
  const block = await copied(page, tcp, 'asst-config');
  assert.equal(block, want.config);
  const file = join(dir, 'config');
  await writeFile(file, block);
  const g = execFileSync('ssh', ['-G', '-F', file, want.alias], { encoding: 'utf8' });
  for (const line of [
    'hostname 149.36.0.213',
    'port 42442',
    'user root',
    `identityfile ${keyPath}`,
    'hostkeyalias runpod-e9ohprt7xzfdgr',
    'identitiesonly yes',
  ]) {
    assert.match(g, new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  }
  await screenshot(pane, 'assistant-tcp-light');
});

test('Open in VS Code first asks to add the Host block (copied), then opens ssh-remote+<alias>', async () => {
  const tcp = page.locator('[data-rpk=assistant]').nth(1);
  const want = core(TCP, { podId: 'e9ohprt7xzfdgr' });
  await page.evaluate(() => navigator.clipboard.writeText('(before)'));
  await tcp.locator('[data-rpk=asst-vscode]').click();
  await tcp.locator('[data-rpk=asst-add-first]').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want.config, 'the Host block is on the clipboard');
  assert.equal(await tcp.getAttribute('data-rpk-opened'), null, 'nothing opened yet');
  await tcp.locator('[data-rpk=asst-mark-added]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-rpk-opened]').length > 0);
  assert.equal(await tcp.getAttribute('data-rpk-opened'), 'vscode://vscode-remote/ssh-remote+runpod-e9ohprt7xzfdgr/workspace');
  // Marked as added: Cursor opens directly.
  await tcp.locator('[data-rpk=asst-cursor]').click();
  await page.waitForFunction(() => document.querySelector('[data-rpk-opened^="cursor:"]') !== null);
  assert.equal(await tcp.locator('[data-rpk=asst-add-first]').isHidden(), true);
});

test('the proxy assistant: ssh and Host block, the note, no transfer commands; keyboard and axe', async () => {
  const proxy = page.locator('[data-rpk=assistant]').first();
  const toggle = proxy.locator('[data-rpk=assistant-toggle]');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const want = core(PROXY);
  assert.equal(await copied(page, proxy, 'asst-ssh'), want.ssh);
  assert.equal(await copied(page, proxy, 'asst-config'), want.config);
  assert.match((await proxy.locator('[data-rpk=asst-note]').textContent()) ?? '', /TCP port 22/);
  for (const hook of ['asst-scp-up', 'asst-rsync-up', 'asst-sftp', 'asst-forward-port', 'asst-vscode']) {
    assert.equal(await proxy.locator(`[data-rpk=${hook}]`).count(), 0, hook);
  }
  await proxy.locator('[data-rpk=asst-ssh]').focus();
  // A settings change re-renders the open panel; the keyboard user's focus stays on the same control.
  await proxy.locator('[data-rpk=asst-ssh]').evaluate((b) => b.setAttribute('data-test-old', ''));
  await setSync({ identitiesOnly: false });
  await proxy.locator('[data-rpk=asst-ssh]:not([data-test-old])').waitFor({ timeout: 5000 });
  await setSync({ identitiesOnly: true });
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-rpk=assistant]');
    return host?.shadowRoot?.activeElement?.getAttribute('data-rpk') === 'asst-ssh';
  });
  // The console re-renders the command's row: the assistant follows it, focus still inside.
  await page.evaluate(() => {
    const row = document.querySelector('[data-rpk=assistant]')!.previousElementSibling!;
    row.parentElement!.append(row);
  });
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-rpk=assistant]')!;
    return host.parentElement?.lastElementChild === host;
  });
  assert.equal(
    await page.evaluate(() => document.querySelector('[data-rpk=assistant]')?.shadowRoot?.activeElement?.getAttribute('data-rpk')),
    'asst-ssh',
  );
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.deepEqual(await seriousViolations(page, ['[data-rpk=assistant]']), []);
});

test("serverless worker pane: the proxy assistant copies the worker's ssh", async () => {
  // A fresh tab: the previous one has launched vscode:// and cursor:// links (external protocol prompts).
  page = await run.context.newPage();
  await page.goto(`${BASE}/serverless/user/endpoint/abc123?theme=light`);
  await page.getByText('Endpoint abc123', { exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Workers' }).click();
  await page.getByRole('button', { name: /h01e202zhqq90o/ }).click();
  const pane = page.getByRole('complementary', { name: 'Worker h01e202zhqq90o' });
  await pane.getByRole('tab', { name: 'Connect' }).click();
  const assistant = pane.locator('[data-rpk=assistant]');
  await assistant.waitFor({ timeout: 10_000 });
  await assistant.locator('[data-rpk=assistant-toggle]').click();
  const want = core(WORKER);
  const ssh = await copied(page, assistant, 'asst-ssh');
  assert.equal(ssh, want.ssh);
  assertSshResolves(ssh, {
    hostname: 'ssh.runpod.io',
    port: 22,
    user: 'h01e202zhqq90o-64410bd8',
    identityFile: keyPath,
    identitiesOnly: true,
  });
  assert.equal(await assistant.locator('[data-rpk=asst-scp-up]').count(), 0);
});

test('the popup lists the pods seen on their Connect tabs; its config file passes ssh -G -F', async () => {
  // A second pod's Connect tab (proxy only).
  await page.evaluate(() => (window as unknown as { __replica: { navigate(p: string): void } }).__replica.navigate('/pods'));
  await page.getByRole('heading', { name: 'Pods' }).waitFor();
  await openPod(page, 'comfy_no_tcp');
  const popup = await openPopup(run);
  const items = popup.locator('[data-rpk=pod]');
  await items.nth(2).waitFor({ timeout: 10_000 });
  const aliases = await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.alias));
  assert.deepEqual([...aliases].sort(), ['runpod-comfy-no-tcp', 'runpod-h01e202zhqq90o', 'runpod-vigilant-violet-lynx']);
  // The downloaded file is what the popup shows, and what ssh reads.
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('[data-rpk=download-pods-config]').click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  assert.equal(text, await popup.locator('[data-rpk=pods-config]').textContent());
  const g = (alias: string): string => execFileSync('ssh', ['-G', '-F', file, alias], { encoding: 'utf8' });
  assert.match(g('runpod-vigilant-violet-lynx'), /^hostname 149\.36\.0\.213$/m);
  assert.match(g('runpod-vigilant-violet-lynx'), /^port 42442$/m);
  assert.match(g('runpod-vigilant-violet-lynx'), /^hostkeyalias runpod-e9ohprt7xzfdgr$/m);
  assert.match(g('runpod-comfy-no-tcp'), /^user p7qm3vx0lk2h9a-64411a7e$/m);
  assert.match(g('runpod-h01e202zhqq90o'), /^hostname ssh\.runpod\.io$/m);
  assert.deepEqual(await seriousViolations(popup, ['[data-rpk=pods]']), []);
  await screenshot(popup.locator('[data-rpk=pods]'), 'popup-pods-light');
  await popup.locator('[data-rpk=forget-pod]').first().click();
  await popup.waitForFunction(() => document.querySelectorAll('[data-rpk=pod]').length === 2);
  await popup.locator('[data-rpk=forget-all-pods]').click();
  await popup.locator('[data-rpk=pods-empty]').waitFor();
});

// Last: a second browser takes the first one's page to the background.
test('dark theme screenshot of the open assistant', async () => {
  const dark = await launch({ console: true, colorScheme: 'dark' });
  try {
    const p = await dark.context.newPage();
    await p.goto(`${BASE}/pods?theme=dark`);
    const pane = await openPod(p, 'vigilant_violet_lynx');
    const tcp = pane.locator('[data-rpk=assistant]').nth(1);
    await tcp.locator('[data-rpk=assistant-toggle]').click();
    await tcp.locator('[data-rpk=asst-scp-up]').waitFor();
    assert.deepEqual(await seriousViolations(p, ['[data-rpk=assistant]']), []);
    await screenshot(pane, 'assistant-tcp-dark');
  } finally {
    await dark.close();
  }
});
