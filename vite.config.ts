import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type TargetBrowser } from './manifest.config.ts';

// RPK_BROWSER=firefox builds the Firefox package from the same sources.
const browser: TargetBrowser = process.env.RPK_BROWSER === 'firefox' ? 'firefox' : 'chrome';
// RPK_OUT_DIR lets parallel work build side by side without clobbering dist/.
const outDir = process.env.RPK_OUT_DIR ?? (browser === 'firefox' ? 'dist-firefox' : 'dist');

export default defineConfig({
  plugins: [crx({ manifest: manifestFor(browser) as never, browser })],
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
