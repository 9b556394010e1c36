/**
 * Firefox e2e harness: Debian's stock `firefox-esr` driven over WebDriver BiDi by playwright-core's
 * `moz-firefox` channel, with the BUILT Firefox extension (dist-firefox/, or $RPK_DIST_FIREFOX)
 * installed into a fresh profile. Console pages are served with `context.route` (BiDi
 * network.provideResponse) exactly as in the Chromium harness.
 *
 * How the add-on gets in (no signing, no temporary-install API needed):
 * - an "extension proxy file" `<profile>/extensions/<gecko id>` holding the absolute path of the
 *   unpacked build (XPIProvider's DirectoryInstallLocation reads it), with
 *   `xpinstall.signatures.required=false` (honoured by ESR) and the profile scope enabled and not
 *   auto-disabled;
 * - `extensions.webextensions.uuids` pins the moz-extension:// host so the popup URL is known.
 * Host permissions: Firefox 127+ grants an MV3 add-on's `host_permissions` at install, and a
 * profile-scope install without a prompt gets them too; the tests prove it by the content script
 * running on the routed console.
 *
 * Two gaps of the stock browser vs. Playwright's BiDi client, bridged here (see `patchBidi`):
 * - Firefox 153 ESR has no `emulation.setMediaFeaturesOverride`, which Playwright sends for every
 *   new context; we answer it locally with success (we never emulate a colour scheme).
 * - WebDriver BiDi refuses to navigate to moz-extension:// unless the browser runs with
 *   `--remote-allow-system-access`; with it, `page.goto(popupUrl, { waitUntil: 'commit' })` works
 *   (the load event of an extension page is not reported, so wait for an element instead).
 */
import { firefox, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './harness.ts';
import { GECKO_ID } from '../../manifest.config.ts';

export const DIST_FIREFOX = resolve(ROOT, process.env.RPK_DIST_FIREFOX ?? 'dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The moz-extension:// host the profile pins for our add-on. */
export const ADDON_UUID = '3d1c6f0e-5b7a-4e42-9a51-52504b5348ff';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

export interface FirefoxLaunched {
  context: BrowserContext;
  /** Where Firefox saves downloads (BiDi browser.setDownloadBehavior, through Playwright). */
  downloads: string;
  close(): Promise<void>;
}

interface WsLike {
  send(data: unknown, ...rest: unknown[]): unknown;
  emit(event: string, ...args: unknown[]): boolean;
}

/** BiDi commands a stock Firefox does not know but Playwright sends unconditionally. */
const ANSWERED_LOCALLY = new Set(['emulation.setMediaFeaturesOverride']);
let patched = false;

/**
 * Playwright's BiDi transport writes through the `ws` WebSocket class it bundles; wrap its `send`
 * once so the commands above get a local `success` reply instead of Firefox's "unknown command"
 * (which would fail `launchPersistentContext`). Everything else passes through untouched.
 */
function patchBidi(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const { ws } = require('playwright-core/lib/utilsBundle') as { ws: { prototype: WsLike } };
  const send = ws.prototype.send;
  ws.prototype.send = function (this: WsLike, data: unknown, ...rest: unknown[]) {
    if (typeof data === 'string' && data.startsWith('{') && data.includes('"method":"emulation.')) {
      const message = JSON.parse(data) as { id?: number; method?: string };
      if (message.method && ANSWERED_LOCALLY.has(message.method)) {
        setImmediate(() => this.emit('message', Buffer.from(JSON.stringify({ type: 'success', id: message.id, result: {} })), false));
        return undefined;
      }
    }
    return send.call(this, data, ...rest);
  };
}

export async function launchFirefox(
  options: { headless?: boolean /** false: Firefox without the add-on (controls). */; extension?: boolean } = {},
): Promise<FirefoxLaunched> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json')))
    throw new Error(`No built Firefox extension at ${DIST_FIREFOX}: run npm run build first`);
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: run scripts/ensure-system-deps.sh (apt-get install firefox-esr)`);
  patchBidi();
  const root = await mkdtemp(join(tmpdir(), 'rpk-ffx-'));
  const profile = join(root, 'profile');
  const downloads = join(root, 'downloads');
  await mkdir(join(profile, 'extensions'), { recursive: true });
  await mkdir(downloads);
  if (options.extension ?? true) await writeFile(join(profile, 'extensions', GECKO_ID), DIST_FIREFOX);
  const context = await firefox.launchPersistentContext(profile, {
    channel: 'moz-firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    downloadsPath: downloads,
    firefoxUserPrefs: {
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
      // navigator.clipboard.readText() without the paste context menu, writeText without activation.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  // Nothing may leave the machine: anything not routed by a test is aborted.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  return {
    context,
    downloads,
    async close() {
      await context.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the manifest's `action.default_popup` in a new tab and waits until it is ready.
 * The first navigation of a browser to moz-extension:// sometimes loses Playwright's hold of the
 * tab (the process switch from the content process; the page never reports ready, evaluate
 * hangs): navigating again, or in a fresh tab, recovers it. Do not `close()` extension tabs: over BiDi the call never
 * resolves on Firefox 153 ESR; they go with the context.
 */
export async function openFirefoxPopup(context: BrowserContext): Promise<Page> {
  const manifest = JSON.parse(await readFile(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as { action: { default_popup: string } };
  let page = await context.newPage();
  for (let attempt = 1; ; attempt++) {
    // The last attempt takes a fresh tab: in a loaded CI run a lost tab stayed lost over two navigations.
    if (attempt === 3) page = await context.newPage();
    await page.goto(`${EXTENSION_ORIGIN}/${manifest.action.default_popup}`, { waitUntil: 'commit' });
    try {
      await page.locator('html[data-rpk-ready]').waitFor({ timeout: attempt < 3 ? 3000 : 20_000 });
      return page;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * Sets a React-controlled field as the extension itself does (native value setter + a bubbling
 * `input` event). Playwright's `fill()` over BiDi on Firefox changes the DOM value without React's
 * onChange firing (seen without the add-on too), so the replica's state would not follow.
 */
export async function setField(field: Locator, text: string): Promise<void> {
  await field.evaluate((el, value) => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/**
 * Waits for the next finished download: a file in `downloadsPath` not listed in `seen` (Firefox
 * writes `<name>.part` and renames it when done), and adds it to `seen`. Playwright's `download`
 * event does not fire for downloads started by an extension page over BiDi, but Firefox still
 * saves them into `downloadsPath` under their suggested name, so the file itself is the oracle.
 */
export async function nextDownload(run: FirefoxLaunched, seen: Set<string>, timeout = 10_000): Promise<{ name: string; path: string }> {
  const end = Date.now() + timeout;
  for (;;) {
    const names = await readdir(run.downloads);
    // (Firefox may create an empty placeholder under the final name before the .part file.)
    const done = names.find(
      (n) => !seen.has(n) && !n.endsWith('.part') && !names.includes(`${n}.part`) && statSync(join(run.downloads, n)).size > 0,
    );
    if (done !== undefined) {
      seen.add(done);
      return { name: done, path: join(run.downloads, done) };
    }
    if (Date.now() > end) throw new Error(`timed out waiting for a download in ${run.downloads}: ${names.join(', ') || '(empty)'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
