/**
 * E2E harness: Debian's Chromium driven by playwright-core with the BUILT extension loaded
 * (dist/, or $RPK_DIST), console pages served at the real console URLs with context.route.
 */
import { chromium, type BrowserContext, type Page, type Route, type Locator } from 'playwright-core';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, normalize } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = resolve(ROOT, process.env.RPK_DIST ?? 'dist');
export const REPLICA_DIST = resolve(ROOT, 'test/fixtures/console/dist');
export const ARTIFACTS = resolve(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Console origins of shared/CONTRACT.md, each with the path prefix the console lives under. */
export const CONSOLE_BASES = [
  'https://console.runpod.io',
  'https://www.console.runpod.io',
  'https://www.runpod.io/console',
  'https://runpod.io/console',
] as const;

/** Headless Chromium in a container, with nothing of its own reaching the network. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  headless?: boolean;
  /** false: plain Chromium without the extension (to test the console replica itself). */
  extension?: boolean;
  /** UI language of the browser (e.g. 'de'): `--lang`, the process's LANGUAGE/LANG and navigator.language. */
  locale?: string;
  /** Serve the console replica at the console origins (routeConsole). */
  console?: boolean;
  /** Grant clipboard read/write on https://console.runpod.io (copy and paste tests). */
  clipboard?: boolean;
}

/** Writes extension settings (storage.sync) from the service worker, as the popup does. */
export async function setSyncSettings(run: Launched, items: object): Promise<void> {
  const [worker] = run.context.serviceWorkers();
  if (!worker) throw new Error('no extension service worker');
  type Chrome = { storage: { sync: { set(items: object): Promise<void> } } };
  await worker.evaluate((s) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set(s), items);
}

export async function launch(options: LaunchOptions = {}): Promise<Launched> {
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(join(DIST, 'manifest.json'))) throw new Error(`No built extension at ${DIST}: run npm run build first`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'rpk-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.locale
      ? { locale: options.locale, env: { ...process.env, LANGUAGE: options.locale, LANG: `${options.locale.replace('-', '_')}.UTF-8` } }
      : {}),
    args: [
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(withExtension ? [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`] : []),
      ...CHROMIUM_FLAGS,
    ],
  });
  // Nothing may leave the machine: anything not routed by a test is aborted.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  let extensionId = '';
  if (withExtension) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(worker.url()).host;
  }
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://console.runpod.io' });
  if (options.console) await routeConsole(context);
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * Serves the console replica (test/fixtures/console/dist) at every console origin: files by path,
 * anything else falls back to index.html (a single-page app). `html` serves one fixed page instead.
 */
export async function routeConsole(context: BrowserContext, options: { html?: string } = {}): Promise<void> {
  const handler = async (route: Route): Promise<void> => {
    const url = new URL(route.request().url());
    if (options.html !== undefined) {
      await route.fulfill({ status: 200, contentType: MIME['.html'], body: options.html });
      return;
    }
    let path = url.pathname.replace(/^\/console(?=\/|$)/, '');
    const ext = extname(path);
    if (!ext) path = '/index.html';
    const file = normalize(join(REPLICA_DIST, path));
    if (!file.startsWith(REPLICA_DIST) || !existsSync(file)) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({ status: 200, contentType: MIME[extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
  };
  for (const host of ['console.runpod.io', 'www.console.runpod.io', 'www.runpod.io', 'runpod.io']) {
    await context.route(`https://${host}/**`, handler);
  }
}

export async function openPopup(launched: Launched): Promise<Page> {
  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8')) as { action: { default_popup: string } };
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/${manifest.action.default_popup}`);
  return page;
}

/** Saves a screenshot under test-artifacts/ and returns its path. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await target.screenshot({ path });
  return path;
}
