/**
 * One shared MutationObserver for every feature (refined-github style): callbacks run at most once
 * per animation frame after DOM changes, so late, moved and re-rendered elements are picked up
 * quickly without a per-feature observer on the whole document.
 */
import { safely } from './safe.ts';

type Scan = () => void;
const scans = new Set<Scan>();
let observer: MutationObserver | undefined;
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    if (!scheduled) return;
    scheduled = false;
    clearTimeout(timer);
    for (const scan of [...scans]) scan();
  };
  // rAF does not fire in a background tab, nor in one hidden after the frame was requested (a
  // pending frame would then block every later scan): a timeout always backs it up.
  timer = setTimeout(run, 50);
  if (document.visibilityState === 'visible') requestAnimationFrame(run);
}

/** Runs `scan` now and after every batch of DOM changes, until `signal` aborts. */
export function observeDom(label: string, scan: () => void, signal: AbortSignal): void {
  const wrapped = safely(label, scan) as Scan;
  scans.add(wrapped);
  signal.addEventListener('abort', () => scans.delete(wrapped), { once: true });
  if (!observer) {
    observer = new MutationObserver(schedule);
    const start = (): void => observer?.observe(document.documentElement, { childList: true, subtree: true, characterData: false, attributes: true, attributeFilter: ['aria-label', 'placeholder', 'aria-labelledby', 'id', 'hidden', 'aria-hidden'] });
    if (document.documentElement) start();
    else document.addEventListener('readystatechange', start, { once: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => wrapped(), { once: true, signal });
  else wrapped();
}
