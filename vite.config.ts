import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, scopeWebAccessibleResources, type TargetBrowser } from './manifest.config.ts';

// RPK_BROWSER=firefox builds the Firefox package from the same sources.
const browser: TargetBrowser = process.env.RPK_BROWSER === 'firefox' ? 'firefox' : 'chrome';
// RPK_OUT_DIR lets parallel work build side by side without clobbering dist/.
const outDir = process.env.RPK_OUT_DIR ?? (browser === 'firefox' ? 'dist-firefox' : 'dist');

// sshpk (only in the lazily loaded foreign-format adapter chunk) needs these Node modules in the
// browser; only its dependency graph imports them, so they never reach the eager bundles.
const shim = (name: string) => new URL(`./src/core/keys/formats/shims/${name}.ts`, import.meta.url).pathname;
export const nodeShims = {
  alias: {
    crypto: shim('crypto'),
    stream: shim('stream'),
    util: shim('util'),
    assert: shim('assert'),
    buffer: new URL('./node_modules/buffer/index.js', import.meta.url).pathname,
  },
  // assert-plus reads process.env.NODE_NDEBUG at load time.
  define: { 'process.env.NODE_NDEBUG': 'false' },
};

/** Rewrites the manifest crxjs wrote: web-accessible resources scoped to the console (manifest.config.ts). */
const scopeWar: Plugin = {
  name: 'rpk:scope-web-accessible-resources',
  apply: 'build',
  enforce: 'post',
  writeBundle(options) {
    const file = join(options.dir ?? outDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, `${JSON.stringify(scopeWebAccessibleResources(manifest, browser), null, 2)}\n`);
  },
};

export default defineConfig({
  plugins: [crx({ manifest: manifestFor(browser) as never, browser }), scopeWar],
  resolve: { alias: nodeShims.alias },
  define: nodeShims.define,
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    // Extension pages must not load remote code, and chunk names stay stable for size reports.
    modulePreload: false,
    rollupOptions: {
      input: { popup: 'src/popup/index.html' },
    },
  },
  server: { hmr: false },
});
