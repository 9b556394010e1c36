// One import site for the WebExtension API, so every context (content, background, popup) gets
// the same promise-based `browser` namespace on Chrome and Firefox.
import browser from 'webextension-polyfill';
export default browser;
export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
