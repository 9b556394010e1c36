/**
 * Bench: what the extension costs the console's main thread, in Chromium, on the same replica
 * page with and without the BUILT extension (two browsers, runs interleaved, medians):
 * - load: main-thread time (CDP Performance `TaskDuration`) from navigation until a pod's Logs
 *   pane holds 3,000 container-log lines (many of them ssh-command-like) and the page is settled;
 * - streaming: main-thread time over 2 s while the Logs pane streams 10 lines every 50 ms;
 * - stall: the longest main-thread task (PerformanceObserver `longtask`, else the longest gap
 *   between animation frames) after 6 KB of hostile command-like text appears on the page.
 * Ratios are with / without; the stall is in milliseconds (absolute: the goal is a budget).
 * Needs `npm run build` and `npm run build:replica`. Run: node --import tsx bench/console-overhead.ts
 */
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../test/e2e/harness.ts';

const RUNS = Number(process.env.RPK_BENCH_RUNS ?? 5);
const URL_LOGS = 'https://console.runpod.io/pods?pod=e9ohprt7xzfdgr&tab=Logs&logs=3000&stream=1';
const URL_CONNECT = 'https://console.runpod.io/pods?pod=e9ohprt7xzfdgr';
const STREAM_MS = 2000;
const SETTLE_MS = 500;

interface Sample {
  load: number;
  stream: number;
  stall: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

/** The renderer main thread's busy time so far (s), from the session enabled before navigation. */
async function taskSeconds(cdp: Cdp): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

/**
 * In the page: the longest task or frame gap (ms) within `ms` after `text` is appended. A string,
 * so the TypeScript runner adds no helpers the page lacks.
 */
function stallAfter(page: Page, text: string, ms: number): Promise<number> {
  return page.evaluate(`(async () => {
    let longest = 0;
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
    try { observer.observe({ type: 'longtask' }); } catch {}
    let last = performance.now(), gap = 0, frames = true;
    const frame = (now) => { gap = Math.max(gap, now - last); last = now; if (frames) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    const p = document.createElement('p');
    p.textContent = ${JSON.stringify(text)};
    document.body.append(p);
    await new Promise((r) => setTimeout(r, ${ms}));
    frames = false;
    observer.disconnect();
    return Math.max(longest, gap);
  })()`);
}

async function sample(run: Launched): Promise<Sample> {
  const page = await run.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const start = await taskSeconds(cdp);
  await page.goto(URL_LOGS);
  await page.waitForFunction(() => (document.querySelector('[data-testid=pod-logs]')?.childElementCount ?? 0) >= 3000);
  await sleep(SETTLE_MS);
  const loaded = await taskSeconds(cdp);
  await sleep(STREAM_MS);
  const streamed = await taskSeconds(cdp);
  await cdp.detach();
  await page.close();

  // The stall on a quiet Connect tab: the streaming page's own renders would hide it.
  const quiet = await run.context.newPage();
  await quiet.goto(URL_CONNECT);
  await quiet.getByText('ssh.runpod.io', { exact: false }).first().waitFor();
  await sleep(SETTLE_MS);
  const stall = await stallAfter(quiet, "ssh '".repeat(1200) + ' ssh root@1.2.3.4 -p 22', 1000);
  await quiet.close();
  return { load: (loaded - start) * 1000, stream: (streamed - loaded) * 1000, stall };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const without = await launch({ extension: false, console: true });
const withExt = await launch({ console: true });
try {
  const samples: Record<'with' | 'without', Sample[]> = { with: [], without: [] };
  // Warm-up (first navigation compiles the replica and the extension), not counted.
  await sample(without);
  await sample(withExt);
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, alternating which goes first.
    const order =
      i % 2
        ? ([
            ['with', withExt],
            ['without', without],
          ] as const)
        : ([
            ['without', without],
            ['with', withExt],
          ] as const);
    for (const [name, run] of order) samples[name].push(await sample(run));
  }
  const m = (name: 'with' | 'without', key: keyof Sample): number => median(samples[name].map((s) => s[key]));
  console.log(
    `main-thread ms, medians of ${RUNS}:  load ${m('without', 'load').toFixed(0)} → ${m('with', 'load').toFixed(0)};  streaming 2 s ${m('without', 'stream').toFixed(0)} → ${m('with', 'stream').toFixed(0)};  longest stall after 6 KB hostile text ${m('without', 'stall').toFixed(0)} → ${m('with', 'stall').toFixed(0)} ms`,
  );
  console.log(
    `RATIO\tconsole load main-thread (with / without extension)\t${(m('with', 'load') / m('without', 'load')).toFixed(3)}\t<= 1.5`,
  );
  console.log(
    `RATIO\tconsole streaming-logs main-thread (with / without)\t${(m('with', 'stream') / m('without', 'stream')).toFixed(3)}\t<= 1.5`,
  );
  console.log(`RATIO\tlongest stall after 6 KB hostile text (ms, with extension)\t${m('with', 'stall').toFixed(1)}\t<= 100`);
} finally {
  await withExt.close();
  await without.close();
}
