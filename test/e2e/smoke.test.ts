import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, routeConsole, openPopup, screenshot } from './harness.ts';

test('content script runs on a routed console settings page, and the popup opens', async () => {
  const run = await launch();
  try {
    await routeConsole(run.context, { html: '<!doctype html><title>Settings</title><h1>Account settings</h1>' });
    const page = await run.context.newPage();
    await page.goto('https://console.runpod.io/user/settings');
    await page.locator('html[data-rpk-ready]').waitFor({ timeout: 10_000 });

    // Not injected outside the console's origins.
    await run.context.route('https://example.com/**', (r) => r.fulfill({ body: '<p>elsewhere</p>', contentType: 'text/html' }));
    const other = await run.context.newPage();
    await other.goto('https://example.com/');
    await other.waitForTimeout(500);
    assert.equal(await other.locator('html[data-rpk-ready]').count(), 0);

    const popup = await openPopup(run);
    await popup.locator('main').waitFor();
    assert.match(await popup.title(), /Runpod SSH/);
    await screenshot(popup, 'smoke-popup');
  } finally {
    await run.close();
  }
});
