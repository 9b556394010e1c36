/**
 * The one content script injected on console pages. Each feature lives in its own folder and
 * starts independently: a failure in one never stops the others or the console itself.
 */
import { reportError } from './safe.ts';
import { startKeyField } from './key-field/index.ts';
import { startConnect } from './connect/index.ts';

const features: ReadonlyArray<readonly [string, () => void]> = [
  ['key-field', startKeyField],
  ['connect', startConnect],
];

for (const [name, start] of features) {
  try {
    start();
  } catch (error) {
    reportError(name, error);
  }
}
// A marker tests (and curious users) can see; carries no data.
document.documentElement.setAttribute('data-rpk-ready', '');
