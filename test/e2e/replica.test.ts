/**
 * Tests of the console replica itself (test/fixtures/console), served through the harness exactly as
 * in the other e2e tests. They pin down the traps the extension has to cope with: SPA navigation,
 * a React-controlled field that loads late and remounts, copy buttons that copy from state.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, screenshot, type Launched } from './harness.ts';
import { settingsLoaded } from './key-field-lib.ts';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGP+L8hnjIcBqUb8NRrDiC32FuJBvRA0m8jLShzgq6BQ me@host';
const PROXY = 'ssh e9ohprt7xzfdgr-64410d32@ssh.runpod.io -i ~/.ssh/id_ed25519';
const TCP = 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';

let run: Launched;
before(async () => {
  // The replica itself, without the extension: its own behaviour is what these tests pin down.
  run = await launch({ extension: false, console: true });
});
after(async () => {
  await run?.close();
});

async function open(url: string): Promise<Page> {
  const page = await run.context.newPage();
  await page.goto(url);
  return page;
}
const keyField = (page: Page) => page.getByRole('textbox', { name: 'SSH Public Key', exact: true });
const copies = (page: Page) => page.evaluate(() => window.__replica.copies.slice());

describe('console replica', () => {
  test('navigates between routes with the history API, without page loads, also under /console', async () => {
    for (const base of ['https://console.runpod.io', 'https://www.runpod.io/console']) {
      const page = await open(`${base}/pods`);
      await page.getByRole('heading', { name: 'Pods' }).waitFor();
      await page.evaluate(() => Object.assign(window, { __marker: 42 }));
      let loads = 0;
      page.on('load', () => loads++);
      await page.getByRole('link', { name: 'Settings' }).click();
      await keyField(page).waitFor();
      assert.equal(page.url(), `${base}/user/settings`);
      await page.getByRole('link', { name: 'Credentials' }).click();
      await page.getByRole('tab', { name: 'SSH Public Keys' }).waitFor();
      assert.equal(page.url(), `${base}/user/credentials`);
      await page.evaluate(() => window.__replica.navigate('/serverless/user/endpoint/abc123'));
      await page.getByText('Endpoint abc123', { exact: true }).waitFor();
      assert.equal(page.url(), `${base}/serverless/user/endpoint/abc123`);
      await page.goBack();
      await page.getByRole('tab', { name: 'SSH Public Keys' }).waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker), 42);
      assert.equal(loads, 0);
      await page.close();
    }
  });

  test('settings: the value loads late, the field is React-controlled, Update saves React state', async () => {
    const page = await open(`https://console.runpod.io/user/settings?saved=${encodeURIComponent(KEY)}`);
    const field = keyField(page);
    await field.waitFor();
    // Rendered empty at first, filled by the fake query ~500 ms later.
    assert.equal(await field.inputValue(), '');
    await page.waitForFunction(() => window.__replica.fieldValue() !== '');
    assert.equal(await field.inputValue(), KEY);
    assert.deepEqual(await page.evaluate(() => window.__replica.graphql.map((c) => c.operation)), ['getPubKey']);

    // MUI markup: label[for] → textarea[id], plus the hidden autosize twin.
    const id = await field.getAttribute('id');
    assert.ok(id);
    assert.equal(await page.locator('label', { hasText: 'SSH Public Key' }).getAttribute('for'), id);
    const twin = page.locator('textarea[aria-hidden="true"][readonly][tabindex="-1"]');
    assert.equal(await twin.count(), 1);
    assert.equal(await page.locator('textarea').count(), 2);
    assert.doesNotMatch((await page.content()).replace(/css-[0-9a-z]+/g, ''), /class="[^"]*[a-z]/i, 'only generated class names');

    // A plain .value assignment is invisible to React and reverted on the next render.
    await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('textarea:not([aria-hidden])')!;
      ta.value = 'plain assignment';
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.equal(await page.evaluate(() => window.__replica.fieldValue()), KEY);
    await field.focus();
    await field.blur();
    assert.equal(await field.inputValue(), KEY);

    // The native setter + a bubbling input event is what React sees.
    const next = `${KEY}\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA== second`;
    const inputsBefore = await page.evaluate(() => window.__replica.inputEvents);
    await page.evaluate((text) => {
      const ta = document.querySelector<HTMLTextAreaElement>('textarea:not([aria-hidden])')!;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(ta, text);
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }, next);
    assert.equal(await page.evaluate(() => window.__replica.fieldValue()), next);
    assert.equal(await page.evaluate(() => window.__replica.inputEvents), inputsBefore + 1);
    await field.focus();
    await field.blur();
    assert.equal(await field.inputValue(), next);

    await page.getByRole('button', { name: 'Update Public Key' }).click();
    await page.getByRole('alert').filter({ hasText: 'Public Key Updated' }).waitFor();
    assert.equal(await page.evaluate(() => window.__replica.savedValue), next);
    assert.equal(await page.getByTestId('saved-value').textContent(), next);
    const call = await page.evaluate(() => window.__replica.graphql.at(-1));
    assert.deepEqual(call, { operation: 'updateUserSettings', variables: { input: { pubKey: next } } });

    // Saved "on the server": a reload shows it again.
    await page.goto('https://console.runpod.io/user/settings');
    await page.waitForFunction(() => window.__replica.fieldValue() !== '');
    assert.equal(await keyField(page).inputValue(), next);
    await page.close();
  });

  test('settings: collapsing the accordion unmounts the field, expanding mounts a new one with the draft', async () => {
    const page = await open('https://console.runpod.io/user/settings');
    const field = keyField(page);
    await page.waitForFunction(() => window.__replica.fieldValue() === '');
    // The draft goes in after the saved keys have loaded (that load replaces the value).
    await settingsLoaded(page);
    await field.fill('draft text');
    const first = await field.elementHandle();
    const header = page.getByRole('button', { name: /^SSH Public Keys/ });
    await header.click();
    assert.equal(await header.getAttribute('aria-expanded'), 'false');
    assert.equal(await field.count(), 0);
    await header.click();
    assert.equal(await field.inputValue(), 'draft text');
    assert.equal(await page.evaluate(([a]) => a!.isConnected, [first]), false, 'a new textarea element');
    await page.close();
  });

  test('paste events on key fields are counted once each, by React and by a document listener', async () => {
    const page = await open('https://console.runpod.io/user/settings');
    await page.waitForFunction(() => window.__replica.fieldValue() === '');
    await page.evaluate((text) => {
      const ta = document.querySelector<HTMLTextAreaElement>('textarea:not([aria-hidden])')!;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      // Not a key field: not counted.
      document.body.dispatchEvent(new ClipboardEvent('paste', { bubbles: true }));
    }, KEY);
    const counts = await page.evaluate(() => [
      window.__replica.pasteEvents,
      window.__replica.pasteEventsReact,
      window.__replica.pasteEventsDocument,
    ]);
    assert.deepEqual(counts, [1, 1, 1]);
    await page.close();
  });

  test('pod Connect tab: SSH commands with a $ glyph; copy buttons copy from state', async () => {
    const page = await open('https://console.runpod.io/pods');
    await page.getByText('vigilant_violet_lynx').click();
    const pane = page.getByRole('complementary', { name: 'Pod vigilant_violet_lynx' });
    assert.equal(await pane.getByRole('tab', { name: 'Connect' }).getAttribute('aria-selected'), 'true');
    assert.deepEqual(await pane.getByRole('tab').allTextContents(), ['Connect', 'Details', 'Telemetry', 'Logs', 'Template Readme']);
    const ssh = pane.locator('section').filter({ hasText: 'No support for SCP & SFTP' });
    await ssh.getByText(PROXY, { exact: true }).waitFor();
    assert.equal(await ssh.getByText('$', { exact: true }).count(), 1);
    await ssh.getByRole('button', { name: 'Copy' }).click();
    const tcp = pane.locator('section').filter({ hasText: 'Supports SCP & SFTP' });
    await tcp.getByText(TCP, { exact: true }).waitFor();
    await tcp.getByRole('button', { name: 'Copy' }).click();
    const ports = pane.locator('section').filter({ hasText: 'Direct TCP Ports' });
    await ports.getByText('149.36.0.213:42442 → :22').waitFor();
    await screenshot(pane, 'replica-connect-dark');
    await ports.getByRole('button', { name: 'Copy' }).click();
    assert.deepEqual(await copies(page), [PROXY, TCP, '149.36.0.213:42442']);

    // A copy button copies its state even when the displayed text was changed under it.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.startsWith('ssh e9oh')) n.textContent = 'edited';
    });
    await ssh.getByRole('button', { name: 'Copy' }).click();
    assert.equal((await copies(page)).at(-1), PROXY);

    // The other pod exposes no TCP port: only the proxy command.
    await page.getByText('comfy_no_tcp').click();
    const other = page.getByRole('complementary', { name: 'Pod comfy_no_tcp' });
    await other.getByText('ssh p7qm3vx0lk2h9a-64411a7e@ssh.runpod.io -i ~/.ssh/id_ed25519').waitFor();
    assert.equal(await other.getByText('SSH over exposed TCP').count(), 0);
    await page.close();
  });

  test('legacy modal copies through a temporary textarea and execCommand', async () => {
    const page = await open('https://runpod.io/console/pods?legacy=1');
    await page.evaluate(() => {
      const orig = document.execCommand.bind(document);
      (window as unknown as { __exec: string[] }).__exec = [];
      document.execCommand = (cmd: string, ...rest: unknown[]) => {
        const sel = (document.activeElement as HTMLTextAreaElement | null)?.value ?? '';
        (window as unknown as { __exec: string[] }).__exec.push(`${cmd}:${sel}`);
        return orig(cmd, ...(rest as [boolean?, string?]));
      };
    });
    await page.getByRole('button', { name: 'Connect', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Connect' });
    assert.deepEqual(await dialog.getByRole('tab').allTextContents(), ['Connection Options', 'TCP Port Mappings', 'Configure Public Key']);
    await dialog.getByText('Basic SSH Terminal:').waitFor();
    await dialog.getByText('SSH over exposed TCP:').waitFor();
    const buttons = dialog.getByRole('button', { name: 'Copy', exact: true });
    await buttons.nth(0).click();
    await buttons.nth(1).click();
    assert.deepEqual(await copies(page), [PROXY, TCP]);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __exec: string[] }).__exec), [`copy:${PROXY}`, `copy:${TCP}`]);
    assert.equal(await page.locator('body > textarea').count(), 0, 'the temporary textarea is removed');
    await page.close();
  });

  test('credentials: Add SSH key dialog appends to the saved keys', async () => {
    const page = await open(`https://www.console.runpod.io/user/credentials?saved=${encodeURIComponent(KEY)}`);
    await page.getByRole('tab', { name: 'SSH Public Keys' }).click();
    await page.getByRole('listitem').filter({ hasText: 'me@host' }).waitFor();
    await page.getByRole('button', { name: 'Add SSH key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add SSH key' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('laptop');
    const second = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBBB laptop@x';
    await dialog.getByRole('textbox', { name: 'SSH key' }).fill(second);
    await screenshot(page, 'replica-credentials-dialog-dark');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('listitem').filter({ hasText: 'laptop' }).waitFor();
    assert.equal(await page.evaluate(() => window.__replica.savedValue), `${KEY}\n${second}`);
    await page.close();
  });

  test('deploy form: "SSH terminal access" reveals a public key field', async () => {
    const page = await open(`https://console.runpod.io/pods?saved=${encodeURIComponent(KEY)}`);
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    assert.equal(await keyField(page).count(), 0);
    await page.getByRole('checkbox', { name: 'SSH terminal access' }).check();
    assert.equal(await keyField(page).inputValue(), KEY);
    await page.getByRole('button', { name: 'Deploy On-Demand' }).click();
    assert.deepEqual(await page.evaluate(() => window.__replica.lastDeploy), { name: 'my-pod', sshAccess: true, publicKey: KEY });
    await page.close();
  });

  test('serverless worker pane shows the proxy command only, with an en dash when asked', async () => {
    for (const [query, dash] of [
      ['', '-'],
      ['?endash=1', '–'],
    ] as const) {
      const page = await open(`https://console.runpod.io/serverless/user/endpoint/vllm-8x2k3d${query}`);
      await page.getByRole('tab', { name: 'Workers' }).click();
      await page.getByText('h01e202zhqq90o').click();
      const pane = page.getByRole('complementary', { name: 'Worker h01e202zhqq90o' });
      assert.deepEqual(await pane.getByRole('tab').allTextContents(), ['Telemetry', 'Logs', 'Connect', 'Request History']);
      await pane.getByRole('tab', { name: 'Connect' }).click();
      const cmd = `ssh h01e202zhqq90o-64410bd8@ssh.runpod.io ${dash}i ~/.ssh/id_ed25519`;
      await pane.getByText(cmd, { exact: true }).waitFor();
      assert.equal(await pane.getByRole('button', { name: 'Copy' }).count(), 1);
      await pane.getByRole('button', { name: 'Copy' }).click();
      assert.deepEqual(await copies(page), [cmd]);
      await page.close();
    }
  });

  test('themes: dark by default, ?theme=light, setTheme(); screenshots', async () => {
    const page = await open(`https://console.runpod.io/user/settings?saved=${encodeURIComponent(KEY)}`);
    await page.waitForFunction(() => window.__replica.fieldValue() !== '');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await bg();
    await screenshot(page, 'replica-settings-dark');
    await page.evaluate(() => window.__replica.setTheme('light'));
    await page.waitForFunction((d) => getComputedStyle(document.body).backgroundColor !== d, dark);
    await screenshot(page, 'replica-settings-light');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.muiColorScheme), 'light');
    await page.close();

    const light = await open('https://console.runpod.io/pods?theme=light');
    assert.equal(await light.evaluate(() => document.documentElement.dataset.muiColorScheme), 'light');
    await light.getByText('vigilant_violet_lynx').click();
    await light.getByText(TCP).waitFor();
    await screenshot(light, 'replica-connect-light');
    await light.close();
  });
});
