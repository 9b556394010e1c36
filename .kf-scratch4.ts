import { launch, routeConsole } from './test/e2e/harness.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
const dir = mkdtempSync('/tmp/kfb-');
const keys: string[] = [];
for (let i = 0; i < 1000; i++) { spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', `${dir}/k${i}`]); keys.push(readFileSync(`${dir}/k${i}.pub`, 'utf8').trim()); }
const run = await launch();
try {
  await routeConsole(run.context);
  const page = await run.context.newPage();
  await page.goto('https://console.runpod.io/user/settings');
  const field = page.getByLabel('SSH Public Key').and(page.locator('textarea:not([aria-hidden=true])'));
  await page.locator('[data-rpk=panel]').waitFor({ state: 'attached' });
  await page.waitForTimeout(800);
  await field.fill(keys.join('\n'));
  await page.waitForTimeout(1500);
  const cdp = await run.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 5; i++) { await field.press('End'); await page.keyboard.press(i % 2 ? 'Backspace' : 'x'); await page.waitForTimeout(400); }
  const { profile } = await cdp.send('Profiler.stop') as any;
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0)); }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
} finally { await run.close(); }
