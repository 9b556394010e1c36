/**
 * Renders public/icons/icon.svg to the PNG sizes the stores require (16, 32, 48, 128) with
 * Debian's Chromium. Run once after changing the SVG: `node --import tsx scripts/make-icons.ts`;
 * the PNGs are committed so builds need no browser.
 */
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../public/icons');
const svg = await readFile(resolve(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: resolve(dir, `icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
