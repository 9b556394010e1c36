/**
 * "Add to Runpod": put a public key into a console SSH key field. Tries console tabs on a page known
 * to hold a key field (settings, credentials), else opens the account settings page in a background tab and
 * retries until its content script answers. Never saves: the user reviews and presses the
 * console's own button. Tab URLs are visible through the host permissions (no `tabs` permission).
 */
import browser, { type Tabs } from '../shared/browser.ts';
import { sendToTab, type AddToRunpodResult } from '../shared/messages.ts';
import { t } from '../shared/i18n.ts';

/** The content-script match patterns of shared/CONTRACT.md (= host_permissions). */
export const CONSOLE_URL_PATTERNS = [
  'https://console.runpod.io/*',
  'https://www.console.runpod.io/*',
  'https://www.runpod.io/console/*',
  'https://runpod.io/console/*',
];
export const SETTINGS_URL = 'https://console.runpod.io/user/settings';
/** Console pages whose key field is known to be there without user interaction. */
const KEY_FIELD_PATHS = /^(?:\/console)?\/user\/(?:settings|credentials)\/?$/;
/** Covers a page load plus the content script's own 10 s wait for the field. */
const NEW_TAB_DEADLINE_MS = 25_000;
const RETRY_MS = 250;
/** How long a new tab may show nothing we can see before the navigation is requested again. */
const RENAVIGATE_MS = 2_000;
/** Only public key lines pass: a private key (or anything multi-line) is refused here too. */
const PUBLIC_LINE = /^(?:ssh|ecdsa|sk)-[^\s]+ [A-Za-z0-9+/]+={0,3}(?: [^\r\n]*)?$/;

function isKeyFieldTab(tab: Tabs.Tab): boolean {
  try {
    return KEY_FIELD_PATHS.test(new URL(tab.url ?? '').pathname);
  } catch {
    return false;
  }
}

async function tryFill(tabId: number, publicKey: string): Promise<AddToRunpodResult | 'no-receiver'> {
  try {
    const result = await sendToTab(tabId, 'fill-key-field', { publicKey });
    // A tab without our listener answers undefined.
    return result ?? 'no-receiver';
  } catch {
    return 'no-receiver';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits (briefly) until a just-created tab has finished loading its blank page. */
async function settled(tabId: number): Promise<void> {
  for (let waited = 0; waited < 1_000; waited += 50) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (tab === undefined || tab.status === 'complete') return;
    await sleep(50);
  }
}

export async function addToRunpod(publicKey: string): Promise<AddToRunpodResult> {
  const line = publicKey.trim();
  if (!PUBLIC_LINE.test(line)) return { ok: false, reason: t('bgNotPublicLine') };

  // Active tabs first: the one the user is looking at is the one they mean.
  const tabs = (await browser.tabs.query({ url: CONSOLE_URL_PATTERNS })).filter(isKeyFieldTab);
  tabs.sort((a, b) => Number(b.active) - Number(a.active));
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const result = await tryFill(tab.id, line);
    if (result !== 'no-receiver' && result.ok) return { ok: true, tabId: tab.id };
  }

  // In the background, so the popup (and a key not yet downloaded) stays open. Created blank and
  // then navigated: automation that attaches to new tabs (Playwright) misses the first navigation
  // of an inactive tab; for users it is the same.
  const created = await browser.tabs.create({ url: 'about:blank', active: false });
  if (created.id === undefined) return { ok: false, reason: t('bgTabNotOpened') };
  const tabId = created.id;
  await settled(tabId);
  await browser.tabs.update(tabId, { url: SETTINGS_URL });
  const deadline = Date.now() + NEW_TAB_DEADLINE_MS;
  let last: AddToRunpodResult | 'no-receiver' = 'no-receiver';
  let renavigateAt = Date.now() + RENAVIGATE_MS;
  while (Date.now() < deadline) {
    last = await tryFill(tabId, line);
    if (last !== 'no-receiver') break;
    await sleep(RETRY_MS);
    if (Date.now() >= renavigateAt) {
      // A navigation requested while the blank tab was still being set up can be dropped: the tab
      // then sits unloaded on about:blank (whose URL we cannot see). Ask again.
      renavigateAt = Date.now() + RENAVIGATE_MS;
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab === undefined) return { ok: false, reason: t('bgTabNotOpened') };
      if (tab.url === undefined && tab.pendingUrl === undefined) await browser.tabs.update(tabId, { url: SETTINGS_URL });
    }
  }
  if (last === 'no-receiver') {
    return { ok: false, reason: t('bgConsoleNotLoaded') };
  }
  // A fresh page overwrites its field once its saved keys load; the content script keeps the
  // line through that (key-field/settle.ts), so one fill is enough.
  if (!last.ok) return last;
  return { ok: true, tabId };
}
