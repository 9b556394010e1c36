import { launch, routeConsole } from './test/e2e/harness.ts';
import { generateKey, readText } from './test/helpers/openssh.ts';
const pem = generateKey({ kind: 'rsa', bits: 2048 }, { format: 'PEM', comment: 'pem@rpk-test' });
const run = await launch();
try {
  await run.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://console.runpod.io' });
  await routeConsole(run.context);
  const page = await run.context.newPage();
  page.on('console', (m) => console.log('PAGE:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('PAGEERR:', e.message));
  await page.goto('https://console.runpod.io/user/settings');
  const field = page.getByLabel('SSH Public Key').and(page.locator('textarea:not([aria-hidden=true])'));
  await page.locator('[data-rpk=panel]').waitFor({ state: 'attached' });
  await field.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), readText(pem.privatePath));
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForTimeout(2000);
  console.log(await page.locator('[data-rpk=finding]').evaluateAll((n) => n.map((x) => x.outerHTML)));
} finally { await run.close(); }
