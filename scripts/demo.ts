/**
 * `npm run demo`: Debian's Chromium with the built extension (dist/) and the console replica routed at
 * the real console origins, opened at https://console.runpod.io/user/settings. Headed when $DISPLAY
 * is set; otherwise headless, saving a screenshot so there is something to look at. Runs until Ctrl+C.
 */
import { launch, routeConsole, screenshot, CONSOLE_BASES, DIST, REPLICA_DIST } from '../test/e2e/harness.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const START = 'https://console.runpod.io/user/settings';
const headed = Boolean(process.env.DISPLAY);

if (!existsSync(join(REPLICA_DIST, 'index.html'))) {
  console.error(`No built console replica at ${REPLICA_DIST}: run npm run build:replica first`);
  process.exit(1);
}
if (!headed) console.log('DISPLAY is not set: running Chromium headless (set DISPLAY for a window); a screenshot is saved instead.');

const run = await launch({ headless: !headed, colorScheme: 'dark', viewport: { width: 1360, height: 900 } });
let closing = false;
const quit = async (): Promise<void> => {
  if (closing) return;
  closing = true;
  console.log('\nClosing Chromium…');
  await run.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());

await routeConsole(run.context);
const page = await run.context.newPage();
await page.goto(START);
await page.getByRole('textbox', { name: 'SSH Public Key', exact: true }).waitFor({ timeout: 15_000 });
console.log(`Extension ${run.extensionId} loaded from ${DIST}`);
console.log(`Console replica served at: ${CONSOLE_BASES.join(', ')}`);
console.log(`Opened ${START} — also try /pods, /pods?legacy=1, /user/credentials, /serverless/user/endpoint/demo (?theme=light)`);

if (!headed) {
  await page.waitForTimeout(1500); // the key loads ~500 ms after the page; let the extension settle too
  console.log(`Screenshot: ${await screenshot(page, 'demo-settings')}`);
}
run.context.on('close', () => void quit());
console.log('Running — press Ctrl+C to quit.');
setInterval(() => undefined, 1 << 30);
