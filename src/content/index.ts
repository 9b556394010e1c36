/**
 * The one content script injected on console pages. Each feature lives in its own folder and
 * starts independently: a failure in one never stops the others or the console itself. They
 * share one DOM observer (observe.ts) and one lifetime: the root AbortController, aborted when
 * the extension's runtime goes away (lifecycle.ts).
 */
import { reportError } from './safe.ts';
import { createDomHub, type DomHub } from './observe.ts';
import { watchRuntime } from './lifecycle.ts';
import { startKeyField } from './key-field/index.ts';
import { startConnect } from './connect/index.ts';

const root = new AbortController();
const alive = watchRuntime(root);
const hub = createDomHub(root.signal, alive);

const features: ReadonlyArray<readonly [string, (hub: DomHub, signal: AbortSignal) => void]> = [
  ['key-field', startKeyField],
  ['connect', startConnect],
];

for (const [name, start] of features) {
  try {
    start(hub, root.signal);
  } catch (error) {
    reportError(name, error);
  }
}
// A marker tests (and curious users) can see; carries no data.
document.documentElement.setAttribute('data-rpk-ready', '');
