/**
 * Store screenshots (1280×800, the Chrome Web Store size; AMO takes the same), made from the built
 * extension on the console replica: the validator panel, the Connect pane with our buttons, the
 * popup after generating a key. Saved under test-artifacts/store/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPopup, screenshot, setSyncSettings } from './harness.ts';
import { keyField, panelOf, settingsLoaded, waitForState } from './key-field-lib.ts';

const SIZE = { width: 1280, height: 800 };

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function realPublicKeys(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rpk-store-'));
  try {
    return ['ed25519', 'rsa'].map((type) => {
      execFileSync('ssh-keygen', [
        '-q',
        '-t',
        type,
        '-N',
        '',
        '-C',
        `${type === 'rsa' ? 'rsa@workstation' : 'me@laptop'}`,
        '-f',
        join(dir, type),
      ]);
      return readFileSync(join(dir, `${type}.pub`), 'utf8').trim();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('store screenshots: validator panel, Connect pane, popup (1280x800)', async () => {
  const run = await launch({ colorScheme: 'dark', viewport: SIZE, console: true });
  try {
    const [ed, rsa] = realPublicKeys() as [string, string];
    const page = await run.context.newPage();
    await page.goto('https://console.runpod.io/user/settings?theme=dark');
    await settingsLoaded(page);
    const field = keyField(page);
    // A typical broken paste: a prompt line, two keys glued together, and a fingerprint.
    const fingerprint = execFileSync('ssh-keygen', ['-l', '-f', '-'], { input: ed, encoding: 'utf8' }).split(' ')[1]!;
    await field.fill(`$ cat ~/.ssh/id_ed25519.pub\n${ed} ${rsa}\n${fingerprint}`);
    const panel = panelOf(page);
    await waitForState(panel, 'error');
    await panel.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    const shots = [await screenshot(page, 'store/1-validator')];

    // A user whose Runpod key is not the console's default path.
    await setSyncSettings(run, { keyPath: '~/.ssh/id_ed25519_runpod', identitiesOnly: true });
    await page.goto('https://console.runpod.io/pods?theme=dark');
    await page.getByText('vigilant_violet_lynx').first().click();
    const corrected = page.locator('[data-rpk=copy-corrected]').first();
    await corrected.waitFor({ timeout: 10_000 });
    await corrected.focus();
    await page.getByText('id_ed25519_runpod').first().waitFor();
    shots.push(await screenshot(page, 'store/2-connect'));

    const popup = await openPopup(run);
    await popup.setViewportSize(SIZE);
    await popup.locator('[data-rpk=generate]').click();
    await popup.locator('[data-rpk=public-key]').waitFor({ timeout: 20_000 });
    // Stage the popup page like the browser shows it: centred, on the console's dark backdrop,
    // scrolled to the new key.
    await popup.evaluate(() => {
      document.documentElement.style.background = '#0f0d1a';
      document.body.style.margin = '16px auto';
      document.body.style.width = '400px';
      document.body.style.boxShadow = '0 8px 40px rgba(0,0,0,.6)';
      document.querySelector('[data-rpk=public-key]')?.closest('section')?.scrollIntoView({ block: 'start' });
    });
    shots.push(await screenshot(popup, 'store/3-popup'));

    for (const shot of shots) assert.deepEqual(pngSize(shot), SIZE, shot);
  } finally {
    await run.close();
  }
});
