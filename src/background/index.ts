// Background service worker: routes popup requests to console tabs. No key material passes here
// except public keys.
import '../shared/browser.ts';
