/** Helpers shared by the key-field e2e tests (not a test file itself). */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

export interface SeenFinding {
  code: string;
  severity: string;
  line: number;
  text: string;
  fixable: boolean;
}

/** The field the tests drive: the visible SSH key textarea/input (not MUI's hidden twin). */
export function keyField(page: Page, name = 'SSH Public Key'): Locator {
  return page.getByLabel(name, { exact: false }).and(page.locator('textarea:not([aria-hidden=true]), input'));
}

export function panelOf(page: Page, index = 0): Locator {
  return page.locator('[data-rpk=panel]').nth(index);
}

/** The keys the panel lists, by their contract attributes. */
export async function panelKeys(
  panel: Locator,
): Promise<{ fp: string | null; type: string | null; bits: string | null; line: string | null }[]> {
  return panel.locator('[data-rpk=key]').evaluateAll((ns) =>
    ns.map((n) => ({
      fp: n.getAttribute('data-fingerprint'),
      type: n.getAttribute('data-type'),
      bits: n.getAttribute('data-bits'),
      line: n.getAttribute('data-line'),
    })),
  );
}

export async function findings(panel: Locator): Promise<SeenFinding[]> {
  return panel.locator('[data-rpk=finding]').evaluateAll((nodes) =>
    nodes.map((n) => ({
      code: n.getAttribute('data-code') ?? '',
      severity: n.getAttribute('data-severity') ?? '',
      line: Number(n.getAttribute('data-line')),
      text: n.textContent ?? '',
      fixable: n.querySelector('button[data-rpk=fix]') !== null,
    })),
  );
}

export async function waitFor<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}

export async function state(panel: Locator): Promise<string | null> {
  return panel.getAttribute('data-rpk-state');
}

/** Waits until the panel shows a finding with `code` (and returns all findings). */
export async function waitForFinding(panel: Locator, code: string): Promise<SeenFinding[]> {
  return waitFor(
    `finding ${code}`,
    () => findings(panel),
    (fs) => fs.some((f) => f.code === code),
  );
}

export async function waitForState(panel: Locator, want: string): Promise<void> {
  await waitFor(
    `state ${want}`,
    () => state(panel),
    (s) => s === want,
  );
}

/**
 * Pastes like a user: a trusted Ctrl+V from the (headless) system clipboard.
 */
export async function paste(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

export async function replicaField(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { __replica: { fieldValue(): string | undefined } }).__replica.fieldValue());
}

export async function replica<T>(page: Page, key: string): Promise<T> {
  return page.evaluate((k) => (window as unknown as { __replica: Record<string, unknown> }).__replica[k] as T, key);
}

/** The replica's settings page has loaded the saved key (its save button is enabled then). */
export async function settingsLoaded(page: Page): Promise<void> {
  const save = page.getByRole('button', { name: 'Update Public Key' });
  await waitFor(
    'settings loaded',
    () => save.isEnabled(),
    (v) => v,
    10_000,
  );
}

/** Everything the panel shows (its open shadow root's rendered text). */
export async function panelText(panel: Locator): Promise<string> {
  return panel.evaluate((host) => (host.shadowRoot?.querySelector('.rpk') as HTMLElement | null)?.innerText ?? '');
}
