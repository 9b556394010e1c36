/**
 * Bench: bench/analyze.ts's key-field analysis measured where it actually runs — in Chromium — on the
 * same 1,000-key paste (bench/inputs.ts), against the same two baselines measured in the same page:
 * the floor (base64-decode + SHA-256 of every blob) and an sshpk parse + SHA256-fingerprint loop.
 * In the browser sshpk has no native base64 or OpenSSL either: it is bundled exactly as the extension
 * bundles it (vite.config.ts `nodeShims`: Buffer from the `buffer` package, the noble-backed crypto
 * shim), minified for es2022 like the extension build. The page (bench/browser/analyze-page.ts) does
 * the warm-up and interleaved medians of bench/analyze.ts; this script builds it into a temp dir,
 * serves it to headless Debian Chromium (cross-origin isolated, so performance.now() is fine-grained)
 * and prints the ratios. Run: node --import tsx bench/analyze-browser.ts
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { nodeShims } from '../vite.config.ts';
import { paste } from './inputs.ts';
import type { PageResult } from './browser/analyze-page.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/e2e/harness.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ORIGIN = 'https://bench.rpk.invalid';

const out = await mkdtemp(join(tmpdir(), 'rpk-bench-analyze-'));
try {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: nodeShims.alias },
    define: nodeShims.define,
    build: {
      outDir: out,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      lib: { entry: join(ROOT, 'bench/browser/analyze-page.ts'), formats: ['es'], fileName: () => 'bench.js' },
    },
  });
  const js = await readFile(join(out, 'bench.js'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  try {
    const context = await browser.newContext();
    // COOP + COEP make the page cross-origin isolated: performance.now() gets 5 µs instead of 100 µs steps.
    const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    await context.route(/^https?:\/\//, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (!route.request().url().startsWith(ORIGIN)) await route.abort('internetdisconnected');
      else if (path === '/')
        await route.fulfill({
          status: 200,
          headers,
          contentType: 'text/html; charset=utf-8',
          body: '<!doctype html><title>analyze bench</title><script type="module" src="/bench.js"></script>',
        });
      else if (path === '/bench.js') await route.fulfill({ status: 200, headers, contentType: 'text/javascript; charset=utf-8', body: js });
      else await route.fulfill({ status: 404, body: 'not found' });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction('typeof globalThis.rpkAnalyzeBench === "function"', undefined, { timeout: 30_000 }).catch(() => {
      throw new Error(`the bench page did not load${errors.length ? `: ${errors.join('; ')}` : ''}`);
    });
    // A string, not a function: tsx would add its __name helper to a function's text.
    const r = (await page.evaluate('globalThis.rpkAnalyzeBench()')) as PageResult;
    if (r.paste !== paste) throw new Error('the page timed a different paste than bench/inputs.ts makes in Node');
    console.log(
      `Chromium ${browser.version()} (headless${r.crossOriginIsolated ? ', cross-origin isolated: fine-grained timer' : ', NOT cross-origin isolated: 100 µs timer'})`,
    );
    console.log(
      `base64 decoding (ours and the floor): ${r.native ? 'native Uint8Array.fromBase64' : 'JS fallback (this browser has no Uint8Array.fromBase64)'}; sshpk: bundled buffer package + noble SHA-256 (the extension's shims)`,
    );
    console.log(
      `1,000-key paste in Chromium: ours ${r.ours.toFixed(2)} ms, floor ${r.floor.toFixed(2)} ms, sshpk ${r.sshpk.toFixed(2)} ms (per key: ours ${r.ours.toFixed(1)} µs)`,
    );
    console.log(`RATIO\tanalyze/floor (1,000 keys, Chromium)\t${(r.ours / r.floor).toFixed(3)}\t<= 5`);
    console.log(`RATIO\tsshpk/analyze (1,000 keys, Chromium)\t${(r.sshpk / r.ours).toFixed(3)}\t`);
  } finally {
    await browser.close();
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
