/**
 * "Add to Runpod" into a console page that is still loading (BUILT extension): the replica, like
 * the console, shows an empty field and replaces its value when its saved keys arrive
 * (`?holdSavedKeys=1` or `?savedKeysDelayMs=` hold that back). The content script keeps the
 * filled line through that replacement — once, next to the page's keys, React state in sync,
 * nothing saved — and stops as soon as the user edits the field. Keys from the real ssh-keygen.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launch, openPopup, screenshot, REPLICA_DIST, type Launched } from './harness.ts';
import { generateKey } from '../helpers/openssh.ts';
import { keyField, panelOf, replica, replicaField, settingsLoaded, waitFor, waitForState } from './key-field-lib.ts';

const ed = generateKey({ kind: 'ed25519' }, { comment: 'me@laptop' });
const ecdsa = generateKey({ kind: 'ecdsa', bits: 256 }, { comment: 'ci@runner' });
const rsa = generateKey({ kind: 'rsa', bits: 2048 }, { comment: 'rsa@work' });
const blobOf = (line: string): string => line.split(' ')[1]!;
/** How many lines of `value` carry the key of `line`. */
const count = (value: string, line: string): number => value.split('\n').filter((l) => l.split(/\s+/).includes(blobOf(line))).length;

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

let run: Launched;
let worker: Worker;

before(async () => {
  run = await launch({ console: true });
  [worker] = run.context.serviceWorkers() as [Worker];
});
after(async () => run?.close());

/**
 * A settings page whose saved keys (`saved`) arrive `delayMs` after load, or when released
 * (`'hold'`: `__replica.releaseSavedKeys()`); the field is still empty.
 */
async function loadingSettings(saved: string, delay: number | 'hold', extra = ''): Promise<Page> {
  for (const open of run.context.pages()) await open.close();
  const p = await run.context.newPage();
  const load = delay === 'hold' ? 'holdSavedKeys=1' : `savedKeysDelayMs=${delay}`;
  await p.goto(`https://console.runpod.io/user/settings?saved=${encodeURIComponent(saved)}&${load}${extra && `&${extra}`}`);
  await keyField(p).waitFor();
  await panelOf(p).waitFor({ state: 'attached' }); // the live validator is in: fills are handled at once
  assert.equal(await p.getByRole('button', { name: 'Update Public Key' }).isDisabled(), true, 'the saved keys have not loaded yet');
  assert.equal(await keyField(p).inputValue(), '');
  return p;
}

async function fill(publicKey: string): Promise<unknown> {
  return worker.evaluate(async (key) => {
    const [tab] = await chrome.tabs.query({ url: 'https://console.runpod.io/*' });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'fill-key-field', payload: { publicKey: key } });
  }, publicKey);
}

async function updateCalls(p: Page): Promise<number> {
  return p.evaluate(() => window.__replica.graphql.filter((c) => c.operation === 'updateUserSettings').length);
}

test('saved keys loading after the fill: the line is appended to them once, React in sync, nothing saved', async () => {
  const saved = `${ecdsa.publicLine}\n${rsa.publicLine}`;
  const p = await loadingSettings(saved, 'hold');
  assert.deepEqual(await fill(ed.publicLine), { ok: true });
  assert.equal(await keyField(p).inputValue(), ed.publicLine);
  assert.equal(await replicaField(p), ed.publicLine);

  await p.evaluate(() => window.__replica.releaseSavedKeys());
  await settingsLoaded(p);
  const want = `${saved}\n${ed.publicLine}`;
  // React commits the page's value and our re-append in the same task: no state in between is visible.
  assert.equal(await keyField(p).inputValue(), want);
  assert.equal(await replicaField(p), want, 'React state follows');
  await waitForState(panelOf(p), 'ok');
  await screenshot(panelOf(p), 'key-field-fill-after-page-load');
  // Stays so after the watch has ended (no further writes).
  await new Promise((r) => setTimeout(r, 2_000));
  const final = await keyField(p).inputValue();
  assert.equal(final, want);
  assert.equal(count(final, ed.publicLine), 1);
  assert.equal(await replicaField(p), want);
  assert.equal(await replica<string>(p, 'savedValue'), saved, 'never saves');
  assert.equal(await updateCalls(p), 0);
  await p.close();
});

test('saved keys that already hold the key: not duplicated', async () => {
  const saved = `${ed.publicLine}\n${ecdsa.publicLine}`;
  const p = await loadingSettings(saved, 1_500);
  assert.deepEqual(await fill(ed.publicLine), { ok: true });
  assert.equal(await keyField(p).inputValue(), ed.publicLine);
  await settingsLoaded(p);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await keyField(p).inputValue(), saved);
  assert.equal(await replicaField(p), saved);
  // A second fill of the same key changes nothing either.
  assert.deepEqual(await fill(ed.publicLine), { ok: true });
  assert.equal(await keyField(p).inputValue(), saved);
  assert.equal(await updateCalls(p), 0);
  await p.close();
});

test('a user edit during the settle window ends the watch: the page value is left alone', async () => {
  const saved = ecdsa.publicLine;
  const p = await loadingSettings(saved, 'hold');
  assert.deepEqual(await fill(ed.publicLine), { ok: true });
  const field = keyField(p);
  await field.press('End');
  await field.pressSequentially('\nmy note');
  assert.equal(await replicaField(p), `${ed.publicLine}\nmy note`);
  // The page's keys arrive right after the edit, well within the settle window.
  await p.evaluate(() => window.__replica.releaseSavedKeys());
  await settingsLoaded(p);
  // The page replaced the text (as the console does); we wrote nothing after the user's edit.
  await new Promise((r) => setTimeout(r, 700));
  assert.equal(await field.inputValue(), saved);
  assert.equal(await replicaField(p), saved);
  assert.equal(await updateCalls(p), 0);
  await p.close();
});

test('a page that remounts its field when its keys load: the line goes on in the new field, once', async () => {
  const saved = `${ecdsa.publicLine}\n${rsa.publicLine}`;
  const p = await loadingSettings(saved, 'hold', 'remountOnLoad=1');
  const first = await keyField(p).elementHandle();
  assert.deepEqual(await fill(ed.publicLine), { ok: true });
  assert.equal(await keyField(p).inputValue(), ed.publicLine);

  await p.evaluate(() => window.__replica.releaseSavedKeys());
  await settingsLoaded(p);
  assert.equal(await first!.evaluate((e) => e.isConnected), false, 'the page replaced the field element');
  const want = `${saved}\n${ed.publicLine}`;
  await waitFor(
    'the line in the new field',
    () => keyField(p).inputValue(),
    (v) => v === want,
  );
  assert.equal(await replicaField(p), want, 'React state follows');
  await waitForState(panelOf(p), 'ok');
  assert.equal(await panelOf(p).count(), 1, 'one panel, for the new field');
  await new Promise((r) => setTimeout(r, 2_000));
  assert.equal(count(await keyField(p).inputValue(), ed.publicLine), 1);
  assert.equal(await updateCalls(p), 0);
  await p.close();
});

test('a field removed for good: nothing is written anywhere after it left', async () => {
  const p = await loadingSettings(ecdsa.publicLine, 'hold');
  assert.deepEqual(await fill(ed.publicLine), { ok: true });
  // The section goes away (the page navigates within the app); the keys then arrive for no field.
  await p.evaluate(() => window.__replica.navigate('/pods'));
  await p.evaluate(() => window.__replica.releaseSavedKeys());
  await p.evaluate(() => window.__replica.navigate('/user/settings'));
  await keyField(p).waitFor();
  await p.evaluate(() => window.__replica.releaseSavedKeys());
  await settingsLoaded(p);
  await new Promise((r) => setTimeout(r, 700));
  // A new visit loads the page's keys as they are: the old fill is not carried over to another page.
  assert.equal(await keyField(p).inputValue(), ecdsa.publicLine);
  assert.equal(await updateCalls(p), 0);
  await p.close();
});

test('Add to Runpod with no console tab: one fill, the saved keys load later, the line is kept once', async () => {
  for (const open of run.context.pages()) await open.close();
  const saved = `${ecdsa.publicLine}\n${rsa.publicLine}\n`;
  // The new tab's account already holds keys: the replica reads them from sessionStorage.
  const index = await readFile(join(REPLICA_DIST, 'index.html'), 'utf8');
  const seeded = index.replace('<head>', `<head><script>sessionStorage.setItem('replica:savedValue', ${JSON.stringify(saved)});</script>`);
  await run.context.route('https://console.runpod.io/user/settings', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: seeded }),
  );
  try {
    const popup = await openPopup(run);
    const [consolePage, result] = await Promise.all([
      run.context.waitForEvent('page', { timeout: 40_000 }),
      popup.evaluate((key) => chrome.runtime.sendMessage({ type: 'add-to-runpod', payload: { publicKey: key } }), ed.publicLine),
    ]);
    assert.equal((result as { ok: boolean }).ok, true, JSON.stringify(result));
    await settingsLoaded(consolePage);
    const want = `${saved}${ed.publicLine}`;
    await waitFor(
      'line kept after the page loaded',
      () => keyField(consolePage).inputValue(),
      (v) => v === want,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(await keyField(consolePage).inputValue(), want);
    assert.equal(await replicaField(consolePage), want);
    assert.equal(await replica<string>(consolePage, 'savedValue'), saved);
    assert.equal(await updateCalls(consolePage), 0);
  } finally {
    await run.context.unroute('https://console.runpod.io/user/settings');
  }
});
