/**
 * Popup entry: wires the settings card and the key generator. The same page opens as a tab
 * (`?tab`) so that a generated key survives until it is downloaded.
 */
import browser from '../shared/browser.ts';
import { localize } from '../shared/i18n.ts';
import { hook } from './dom.ts';
import { startDoctor } from './doctor.ts';
import { startGenerate } from './generate.ts';
import { startPods } from './pods.ts';
import { startSettings } from './settings.ts';

localize();

const controller = new AbortController();

const inTab = new URLSearchParams(location.search).has('tab');
document.documentElement.classList.toggle('in-tab', inTab);

const openTab = (): void => {
  void browser.tabs.create({ url: browser.runtime.getURL(`${location.pathname}?tab`) }).then(() => {
    if (!inTab) window.close();
  });
};
const openTabButton = hook<HTMLButtonElement>('open-tab');
openTabButton.hidden = inTab;
openTabButton.addEventListener('click', openTab, { signal: controller.signal });
hook<HTMLButtonElement>('open-tab-inline').addEventListener('click', openTab, { signal: controller.signal });

const settings = await startSettings(controller.signal);
startGenerate(settings, controller.signal);
startDoctor(settings, controller.signal);
await startPods(settings, controller.signal).catch((error: unknown) => console.warn('[Runpod SSH] pods list:', error));
// Registered last, so the features' own pagehide handlers (saving the key path) run before abort.
window.addEventListener('pagehide', () => controller.abort(), { once: true });
document.documentElement.setAttribute('data-rpk-ready', '');
