// Background service worker: routes popup requests to console tabs. No key material passes here
// except public keys, and nothing is stored.
import '../shared/browser.ts';
import { handleMessages } from '../shared/messages.ts';
import { addToRunpod, noteContentReady } from './add-to-runpod.ts';

handleMessages({
  'add-to-runpod': ({ publicKey }) => addToRunpod(publicKey),
  'content-ready': ({ hasKeyField }, sender) => noteContentReady(sender.tab?.id, hasKeyField),
});
