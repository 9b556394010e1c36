/**
 * Accessibility of everything we draw, on the BUILT extension, light and dark (one browser per
 * colour scheme): axe-core with every rule enabled (incl. color-contrast, checked to have looked
 * inside our shadow roots), keyboard operation of the popup, the validator panel (fix, fix-all,
 * undo, the save guard) and the Connect pane buttons, and a visible focus ring on every control of
 * ours whose colour contrasts >= 3:1 with what is behind it (WCAG 2.4.7 / 1.4.11), computed in the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { launch, openPopup, screenshot, type Launched, setSyncSettings } from './harness.ts';
import { keyFileNames } from '../../src/core/keygen/install.ts';
import { popupReady } from '../helpers/popup.ts';
import { generateKey } from '../helpers/openssh.ts';
import { rewriteCommand } from '../../src/core/command/index.ts';
import type { RewriteSettings } from '../../src/core/types.ts';
import { keyField, panelOf, replica, settingsLoaded, waitFor, waitForFinding, waitForState } from './key-field-lib.ts';

const ORIGIN = 'https://console.runpod.io';
const ed = generateKey({ kind: 'ed25519' }, { comment: 'me@laptop' });
const ecdsa = generateKey({ kind: 'ecdsa', bits: 256 });
const rsa1024 = generateKey({ kind: 'rsa', bits: 1024 });
/** Findings of every severity: not-a-key + fingerprint (errors, fixable), options-prefix (info), weak-key (warning). */
const MIXED = `$ cat ~/.ssh/id_ed25519.pub\n${ed.publicLine}\nno-pty ${ecdsa.publicLine}\n${rsa1024.publicLine}\n${ed.sha256.fingerprint}`;
const DEFAULTS: RewriteSettings = { keyPath: '~/.ssh/id_ed25519', shell: 'posix', identitiesOnly: false };

// ---------------------------------------------------------------------------------------------
// axe

/** tsx (esbuild keepNames) wraps named inner functions in `__name(...)`: give evaluated code one. */
const NAME_SHIM = 'globalThis.__name ??= (f) => f';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

interface AxeReport {
  /** Serious/critical violations on nodes of ours (`rule: target summary`). */
  serious: string[];
  /** color-contrast results (pass or fail) on text inside one of our shadow roots. */
  contrastChecked: number;
  /** color-contrast nodes of ours axe could not decide (would hide a failure). */
  contrastUndecided: string[];
}

/**
 * axe with every rule enabled (experimental ones too), scoped to `include` (our hosts). Only nodes
 * inside our UI count: the page's own issues are not ours to fix.
 */
async function axe(page: Page, include: string[], shadow: boolean): Promise<AxeReport> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(NAME_SHIM);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return page.evaluate(
    async ([inc, shadow]) => {
      type Node = { target: unknown[]; failureSummary?: string };
      type Rule = { id: string; impact: string | null; nodes: Node[] };
      type Axe = {
        getRules(): { ruleId: string }[];
        run(ctx: unknown, opts: unknown): Promise<{ violations: Rule[]; passes: Rule[]; incomplete: Rule[] }>;
      };
      const a = (globalThis as unknown as { axe: Axe }).axe;
      const rules = Object.fromEntries(a.getRules().map((r) => [r.ruleId, { enabled: true }]));
      const present = inc.filter((s) => document.querySelector(s));
      const result = await a.run({ include: present.map((s) => [s]) }, { rules, resultTypes: ['violations', 'incomplete', 'passes'] });
      const inShadow = (n: Node): boolean => n.target.length > 1 || Array.isArray(n.target[0]);
      const ours = (n: Node): boolean => !shadow || /rpk/.test(JSON.stringify(n.target));
      // WCAG AAA's 7:1 (color-contrast-enhanced) is beyond the bar (AA: 4.5:1 / 3:1); it runs, but does not fail.
      const serious = result.violations
        .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.id !== 'color-contrast-enhanced')
        .flatMap((v) => v.nodes.filter(ours).map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
      const contrast = [...result.passes, ...result.violations].filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes);
      const undecided = result.incomplete
        .filter((r) => r.id === 'color-contrast')
        .flatMap((r) => r.nodes)
        .filter(ours);
      return {
        serious,
        contrastChecked: contrast.filter((n) => (shadow ? inShadow(n) && ours(n) : true)).length,
        contrastUndecided: undecided.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
      };
    },
    [include, shadow] as const,
  );
}

async function assertAxe(page: Page, include: string[], what: string, shadow = true): Promise<void> {
  const report = await axe(page, include, shadow);
  assert.deepEqual(report.serious, [], `${what}: serious/critical axe violations`);
  assert.ok(report.contrastChecked > 0, `${what}: axe evaluated colour contrast${shadow ? ' inside our shadow roots' : ''}`);
  assert.deepEqual(report.contrastUndecided, [], `${what}: colour contrast axe could not decide`);
}

// ---------------------------------------------------------------------------------------------
// focus

interface Focused {
  /** `data-rpk` (or id / tag) of the deepest focused element. */
  name: string;
  ring: 'outline' | 'box-shadow' | 'none';
  ringColor: string;
  behind: string;
  contrast: number;
}

/** The deepest focused element (through open shadow roots) and its focus ring against what is behind it. */
async function focused(page: Page): Promise<Focused | null> {
  await page.evaluate(NAME_SHIM);
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    // Any CSS colour (oklab, color-mix, color(srgb …)) → straight RGBA through the canvas.
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
    };
    const over = (top: [number, number, number, number], below: [number, number, number]): [number, number, number] =>
      [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])) as [number, number, number];
    const parentOf = (n: Element): Element | null => n.parentElement ?? (n.getRootNode() as ShadowRoot).host ?? null;
    // What is painted behind the ring: the ancestors' backgrounds, composited over white.
    const layers: [number, number, number, number][] = [];
    for (let at = parentOf(el); at; at = parentOf(at)) {
      const c = rgba(getComputedStyle(at).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let behind: [number, number, number] = [255, 255, 255];
    for (const layer of layers.reverse()) behind = over(layer, behind);
    const style = getComputedStyle(el);
    let ring: 'outline' | 'box-shadow' | 'none' = 'none';
    let ringCss = '';
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) {
      ring = 'outline';
      ringCss = style.outlineColor;
    } else if (style.boxShadow !== 'none') {
      ring = 'box-shadow';
      ringCss = /(rgba?\([^)]*\)|oklab\([^)]*\)|color\([^)]*\)|#[0-9a-f]+)/i.exec(style.boxShadow)?.[1] ?? '';
    }
    const ringColor = over(rgba(ringCss || 'transparent'), behind);
    const lum = (c: [number, number, number]): number => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [hi, lo] = [lum(ringColor), lum(behind)].sort((x, y) => y - x) as [number, number];
    return {
      name: el.getAttribute('data-rpk') ?? (el.id || el.tagName.toLowerCase()),
      ring,
      ringColor: `rgb(${ringColor.map(Math.round).join(' ')})`,
      behind: `rgb(${behind.map(Math.round).join(' ')})`,
      contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
    };
  });
}

/** Asserts the focused control shows a ring contrasting >= 3:1; returns its name. */
async function assertRing(page: Page, what: string): Promise<string> {
  const f = await focused(page);
  assert.ok(f, `${what}: something has focus`);
  assert.notEqual(f.ring, 'none', `${what}: ${f.name} shows a focus ring`);
  assert.ok(f.contrast >= 3, `${what}: ${f.name} focus ring ${f.ringColor} on ${f.behind} is ${f.contrast}:1 (< 3:1)`);
  return f.name;
}

async function tab(page: Page, shift = false): Promise<Focused | null> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  return focused(page);
}

// ---------------------------------------------------------------------------------------------

async function setSettings(run: Launched, settings: Partial<RewriteSettings>): Promise<void> {
  await setSyncSettings(run, settings);
}

function inShadow(host: Locator, selector: string): Promise<boolean> {
  return host.evaluate((h, s) => h.shadowRoot?.querySelector(s) !== null, selector);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`accessibility, ${scheme}`, async (t) => {
    const run = await launch({ colorScheme: scheme, console: true, clipboard: true });
    try {
      await t.test('popup: axe before/after generating; fully operable by keyboard with visible focus', async () => {
        const popup = await openPopup(run);
        await popup.setViewportSize({ width: 400, height: 900 });
        await popupReady(popup);
        await assertAxe(popup, ['body'], `popup ${scheme}, before`, false);
        // Tab from the top: every control in document order, each with a visible ring.
        await popup.locator('body').focus();
        const order: string[] = [];
        for (let i = 0; i < 12; i++) {
          await tab(popup);
          order.push(await assertRing(popup, `popup ${scheme}`));
          if (order.at(-1) === 'generate') break;
        }
        assert.deepEqual(order, [
          'open-doctor',
          'open-tab',
          'key-path',
          'shell',
          'identities-only',
          'rewrite-clipboard',
          'auto-fix-paste',
          'comment',
          'passphrase',
          'passphrase-confirm',
          'generate',
        ]);
        // Settings by keyboard: Space toggles a checkbox, arrows pick a shell.
        const ids = popup.locator('[data-rpk=identities-only]');
        const was = await ids.isChecked();
        await ids.focus();
        await popup.keyboard.press('Space');
        assert.equal(await ids.isChecked(), !was, 'Space toggles "Offer only this key"');
        await popup.keyboard.press('Space');
        // Generate with Enter.
        await popup.locator('[data-rpk=generate]').focus();
        await popup.keyboard.press('Enter');
        await popup.locator('[data-rpk=public-key]').waitFor({ state: 'visible', timeout: 30_000 });
        await assertAxe(popup, ['body'], `popup ${scheme}, after`, false);
        // The result's controls: each reachable by Tab with a ring; downloads work with Enter/Space.
        await popup.locator('[data-rpk=copy-public-key]').focus();
        const seen = [await assertRing(popup, `popup ${scheme} result`)];
        for (let i = 0; i < 12 && seen.at(-1) !== 'add-to-runpod'; i++) {
          await tab(popup);
          seen.push(await assertRing(popup, `popup ${scheme} result`));
        }
        for (const name of [
          'copy-public-key',
          'public-key',
          'download-private',
          'download-public',
          'install-command',
          'copy-install-command',
          'use-generated-path',
          'add-to-runpod',
        ]) {
          assert.ok(seen.includes(name), `${name} reachable by Tab (saw ${seen.join(', ')})`);
        }
        const names = keyFileNames((await popup.locator('[data-rpk=fingerprint]').textContent()) ?? '');
        for (const [hook, key, name] of [
          ['download-private', 'Enter', names.privateName],
          ['download-public', 'Space', names.publicName],
        ] as const) {
          await popup.locator(`[data-rpk=${hook}]`).focus();
          const [dl] = await Promise.all([popup.waitForEvent('download', { timeout: 10_000 }), popup.keyboard.press(key)]);
          assert.equal(dl.suggestedFilename(), name, `${key} on ${hook}`);
        }
        await popup.locator('[data-rpk=download-private]').focus();
        await screenshot(popup, `a11y-popup-${scheme}`);
        await popup.close();
      });

      await t.test('validator panel: axe with every severity, keys, randomart, save guard; keyboard; focus rings', async () => {
        const p = await run.context.newPage();
        p.setDefaultTimeout(5000);
        await p.goto(`${ORIGIN}/user/settings?theme=${scheme}`);
        await keyField(p).waitFor();
        await settingsLoaded(p);
        const panel = panelOf(p);
        await keyField(p).fill(MIXED);
        const seen = await waitForFinding(panel, 'weak-key');
        assert.deepEqual([...new Set(seen.map((f) => f.severity))].sort(), ['error', 'info', 'warning']);
        await panel
          .locator('[data-rpk=key]')
          .first()
          .getByRole('button', { name: /randomart/i })
          .click();

        // Keyboard: Tab from the field reaches every visible panel button, in DOM order, each with a ring.
        const buttons = await panel.evaluate((h) =>
          [...h.shadowRoot!.querySelectorAll('button')]
            .filter((b) => b.checkVisibility())
            .map((b) => `${b.getAttribute('data-rpk')}|${b.textContent}`),
        );
        await keyField(p).focus();
        const reached: string[] = [];
        for (let i = 0; i < buttons.length; i++) {
          await tab(p);
          await assertRing(p, `panel ${scheme}`);
          reached.push(
            await p.evaluate(() => {
              const b = document.activeElement?.shadowRoot?.activeElement;
              return b ? `${b.getAttribute('data-rpk')}|${b.textContent}` : String(document.activeElement?.tagName);
            }),
          );
        }
        assert.deepEqual(reached, buttons);

        // Enter on one fix, Space on Undo, Enter on Fix all.
        const fix = panel.locator('[data-rpk=finding][data-code=not-a-key] button[data-rpk=fix]');
        await fix.focus();
        await p.keyboard.press('Enter');
        await waitFor(
          'fix by Enter',
          () => keyField(p).inputValue(),
          (v) => v !== MIXED,
        );
        const undo = panel.locator('button[data-rpk=undo-fixed]');
        await undo.focus();
        await assertRing(p, `panel ${scheme} undo`);
        await p.keyboard.press('Space');
        await waitFor(
          'undo by Space',
          () => keyField(p).inputValue(),
          (v) => v === MIXED,
        );
        await panel.locator('button[data-rpk=fix-all]').focus();
        await p.keyboard.press('Enter');
        await waitFor(
          'fix-all by Enter',
          () => keyField(p).inputValue(),
          (v) => !v.includes('$ cat') && !v.includes('SHA256:'),
        );
        await panel.locator('button[data-rpk=undo]').focus();
        await p.keyboard.press('Enter');
        await waitFor(
          'undo by Enter',
          () => keyField(p).inputValue(),
          (v) => v === MIXED,
        );
        await waitForState(panel, 'error');

        // The save guard, opened from the keyboard: focus on Cancel; Space cancels.
        const save = p.getByRole('button', { name: 'Update Public Key' });
        const guard = panel.locator('[data-rpk=save-guard]');
        await save.focus();
        await p.keyboard.press('Enter');
        await guard.waitFor();
        assert.equal((await focused(p))?.name, 'save-cancel', 'the guard focuses its Cancel button');
        await assertRing(p, `guard ${scheme} cancel`);
        // (The fixes re-rendered the key rows: open a randomart again.)
        await panel
          .locator('[data-rpk=key]')
          .first()
          .getByRole('button', { name: /randomart/i })
          .click();
        await panel.locator('[data-rpk=key] pre').first().waitFor();
        await panel.locator('[data-rpk=save-cancel]').focus();
        await assertAxe(p, ['[data-rpk=panel]'], `panel ${scheme} with guard`);
        await screenshot(p.locator('section, [role=region]').filter({ has: panel }).last(), `a11y-panel-${scheme}`);
        await p.keyboard.press('Space');
        await guard.waitFor({ state: 'hidden' });
        assert.equal(await replica<string>(p, 'savedValue'), '', 'Cancel did not save');

        // Escape closes the guard and returns focus to the save button.
        await save.focus();
        await p.keyboard.press('Enter');
        await guard.waitFor();
        await p.keyboard.press('Escape');
        await guard.waitFor({ state: 'hidden' });
        assert.equal(await save.evaluate((b) => b === document.activeElement), true, 'focus back on the save button after Escape');
        assert.equal(await replica<string>(p, 'savedValue'), '', 'Escape did not save');

        // Tab from Cancel to "Save anyway", Enter saves.
        await p.keyboard.press('Enter');
        await guard.waitFor();
        await tab(p);
        assert.equal(await assertRing(p, `guard ${scheme} anyway`), 'save-anyway');
        await p.keyboard.press('Enter');
        await waitFor(
          'saved anyway',
          () => replica<string>(p, 'savedValue'),
          (v) => v === MIXED,
        );
        await p.close();
      });

      await t.test('Connect pane: axe with preview and refused-path notice; our buttons by keyboard', async () => {
        await setSettings(run, DEFAULTS);
        const p = await run.context.newPage();
        p.setDefaultTimeout(5000);
        await p.goto(`${ORIGIN}/pods?theme=${scheme}`);
        await p.locator('html[data-rpk-ready]').waitFor();
        await p.getByText('vigilant_violet_lynx').click();
        const inspector = p.getByRole('complementary', { name: 'Pod vigilant_violet_lynx' });
        const ours = inspector.locator('button[data-rpk=copy-corrected]');
        await ours.nth(1).waitFor();
        const sshSection = inspector.locator('section').filter({ hasText: 'No support for SCP' });
        const command = (await sshSection.locator('[data-rpk-command]').textContent()) ?? '';
        const want = rewriteCommand(command, DEFAULTS);
        assert.ok(want.ok);

        // Tab from the page's own Copy button: ours next, preview shown on focus, Enter copies.
        await sshSection.getByRole('button', { name: 'Copy', exact: true }).focus();
        const first = await tab(p);
        assert.equal(first?.name, 'copy-corrected');
        await assertRing(p, `connect ${scheme} copy`);
        const tip = sshSection.locator('[data-rpk-host] .tip:not([hidden])');
        await tip.filter({ hasText: want.command }).waitFor();
        await p.evaluate(() => navigator.clipboard.writeText('(before)'));
        await p.keyboard.press('Enter');
        await waitFor(
          'copied by Enter',
          () => p.evaluate(() => navigator.clipboard.readText()),
          (v) => v === want.command,
        );
        assert.equal((await tab(p))?.name, 'copy-ssh-config');
        await assertRing(p, `connect ${scheme} config`);
        await tip.waitFor();
        await p.keyboard.press('Enter');
        await waitFor(
          'config copied by Enter',
          () => p.evaluate(() => navigator.clipboard.readText()),
          (v) => v.startsWith('Host '),
        );
        await assertAxe(p, ['[data-rpk-host]'], `connect ${scheme} with preview`);

        // Refused path: the page's copy stays unchanged and a notice says why.
        await setSettings(run, { keyPath: 'C:\\keys\\my"key', shell: 'cmd', identitiesOnly: false });
        await waitFor(
          'settings applied',
          async () => {
            await ours.first().hover();
            return (await sshSection.locator('[data-rpk-host] .tip').textContent()) ?? '';
          },
          (v) => v.includes('double quote'),
        );
        await assertAxe(p, ['[data-rpk-host]'], `connect ${scheme} refused preview`);
        await screenshot(p.locator('body'), `a11y-connect-refused-preview-${scheme}`);
        await sshSection.getByRole('button', { name: 'Copy', exact: true }).click();
        const notice = p.locator('[data-rpk=connect-notice]');
        await notice.locator('[data-rpk-reason]').waitFor();
        await p.mouse.move(0, 0);
        await assertAxe(p, ['[data-rpk=connect-notice]'], `connect ${scheme} notice`);
        await screenshot(p, `a11y-connect-${scheme}`);
        // The notice's close button: focusable, a ring, Enter closes it.
        const close = notice.locator('button');
        assert.ok((await close.evaluate((b) => (b as HTMLElement).tabIndex)) >= 0, 'close button is in the tab order');
        // Reached by keyboard (so :focus-visible applies): from it, back and forth.
        await close.focus();
        await p.keyboard.press('Shift+Tab');
        await p.keyboard.press('Tab');
        assert.equal((await focused(p))?.name, 'button');
        await assertRing(p, `connect ${scheme} notice close`);
        await p.keyboard.press('Enter');
        await notice.waitFor({ state: 'detached' });
        assert.equal(await inShadow(inspector.locator('[data-rpk-host]').first(), 'button'), true);
        await setSettings(run, DEFAULTS);
        await p.close();
      });
    } finally {
      await run.close();
    }
  });
}
