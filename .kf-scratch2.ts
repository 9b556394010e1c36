import { launch, routeConsole } from './test/e2e/harness.ts';
const run = await launch();
try {
  await routeConsole(run.context);
  const page = await run.context.newPage();
  await page.goto('https://console.runpod.io/user/settings');
  await page.locator('[data-rpk=panel]').waitFor({ state: 'attached' });
  await page.waitForTimeout(1000);
  console.log(await page.evaluate(() => { const p = document.querySelector('[data-rpk=panel]')!; return [p.parentElement!.outerHTML.slice(0, 600), p.previousElementSibling?.outerHTML.slice(0,300)]; }));
} finally { await run.close(); }
