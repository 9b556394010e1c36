// Background service worker: routes popup requests to console tabs. No key material passes here
// except public keys, and nothing is stored.
import browser, { type Runtime } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { handleMessages } from '../shared/messages.ts';
import { addToRunpod } from './add-to-runpod.ts';

/**
 * Our own popup (as a popup or a tab), not a content script: a content script runs inside the
 * console's renderer, and one compromised through the page must not be able to open console tabs
 * and write into their key fields.
 */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL('/'));
}

handleMessages({
  'add-to-runpod': ({ publicKey }, sender) =>
    fromExtensionPage(sender) ? addToRunpod(publicKey) : { ok: false, reason: t('bgOnlyPopup') },
  // A tab, not the popup: action.openPopup needs a user gesture in the popup's own window.
  'open-doctor': async (_payload, sender) => {
    if (sender.id !== browser.runtime.id) return;
    const page = browser.runtime.getManifest().action?.default_popup ?? 'src/popup/index.html';
    await browser.tabs.create({ url: browser.runtime.getURL(`${page}?tab#doctor`) });
  },
});
