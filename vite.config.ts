import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// RPK_OUT_DIR lets parallel work build side by side without clobbering dist/.
const outDir = process.env.RPK_OUT_DIR ?? 'dist';

export default defineConfig({
  plugins: [crx({ manifest: manifest as never })],
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
