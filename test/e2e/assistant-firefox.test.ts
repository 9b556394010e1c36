/**
 * The Connect assistant in the BUILT Firefox extension (dist-firefox/) in real Firefox ESR: on the
 * replica's pod Connect tab, the exposed-TCP assistant copies scp and the Host block exactly as
 * core's connectionCommands builds them (checked by bash + ssh -G), the proxy one shows its note,
 * and the popup lists the pod.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeConsole, screenshot } from './harness.ts';
import { launchFirefox, openFirefoxPopup, type FirefoxLaunched } from './firefox-harness.ts';
import { waitFor } from './key-field-lib.ts';
import { connectionCommands } from '../../src/core/connect/index.ts';

const ORIGIN = 'https://console.runpod.io';
const TCP = 'ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519';

let run: FirefoxLaunched;
let work: string;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'rpk-ffx-asst-'));
  run = await launchFirefox();
  await routeConsole(run.context);
});
after(async () => {
  await run?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('Firefox: the assistant copies scp and the Host block; the proxy shows its note; the popup lists the pod', async () => {
  const p = await run.context.newPage();
  await p.goto(`${ORIGIN}/pods?theme=light`);
  await p.getByText('vigilant_violet_lynx').click();
  const inspector = p.getByRole('complementary', { name: 'Pod vigilant_violet_lynx' });
  const assistants = inspector.locator('[data-rpk=assistant]');
  await assistants.nth(1).waitFor({ timeout: 10_000 });
  const clipboard = (): Promise<string> => p.evaluate(() => navigator.clipboard.readText());
  const reset = (): Promise<void> => p.evaluate(() => navigator.clipboard.writeText('(before)'));
  const settings = { keyPath: '~/.ssh/id_ed25519', shell: 'posix', identitiesOnly: false } as const;
  const want = connectionCommands(TCP, { ...settings, podId: 'e9ohprt7xzfdgr' });
  assert.ok(want.ok);

  const tcp = assistants.nth(1);
  await tcp.locator('[data-rpk=assistant-toggle]').click();
  await tcp.locator('[data-rpk=asst-local]').fill('./my results');
  await reset();
  await tcp.locator('[data-rpk=asst-scp-down]').click();
  await waitFor('scp copied', clipboard, (c) => c !== '(before)');
  const scp = await clipboard();
  assert.equal(scp, want.scp('./my results', '/workspace/', 'down'));
  const argv = execFileSync('bash', ['-c', 'eval "set -- $1" && printf "%s\\0" "$@"', 'bash', scp], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);
  assert.deepEqual(argv.slice(-2), ['root@149.36.0.213:/workspace/', './my results']);
  assert.deepEqual(argv.slice(0, 4), ['scp', '-r', '-P', '42442']);

  await reset();
  await tcp.locator('[data-rpk=asst-config]').click();
  await waitFor('config copied', clipboard, (c) => c !== '(before)');
  const block = await clipboard();
  assert.equal(block, want.config);
  const file = join(work, 'config');
  await writeFile(file, block);
  assert.match(execFileSync('ssh', ['-G', '-F', file, want.alias], { encoding: 'utf8' }), /^hostkeyalias runpod-e9ohprt7xzfdgr$/m);

  const proxy = assistants.first();
  await proxy.locator('[data-rpk=assistant-toggle]').click();
  assert.match((await proxy.locator('[data-rpk=asst-note]').textContent()) ?? '', /TCP port 22/);
  assert.equal(await proxy.locator('[data-rpk=asst-scp-up]').count(), 0);
  await screenshot(inspector, 'firefox-assistant');

  const popup = await openFirefoxPopup(run.context);
  await popup.locator('[data-rpk=pod][data-alias=runpod-vigilant-violet-lynx]').waitFor({ timeout: 10_000 });
  assert.match((await popup.locator('[data-rpk=pods-config]').textContent()) ?? '', /^Host runpod-vigilant-violet-lynx$/m);
});
