/**
 * The built manifests (Chrome dist/, Firefox dist-firefox/) ask for no more than an explicit
 * allow-list, run only on the console, keep a strict CSP and load no remote code; the Firefox
 * build passes `web-ext lint` with no errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from './harness.ts';

const CONSOLE_MATCHES = [
  'https://console.runpod.io/*',
  'https://www.console.runpod.io/*',
  'https://www.runpod.io/console/*',
  'https://runpod.io/console/*',
];
const ALLOWED_PERMISSIONS = new Set(['storage', 'clipboardWrite']);

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts: { matches: string[]; js: string[]; world?: string }[];
  content_security_policy?: { extension_pages?: string };
  web_accessible_resources?: { matches: string[]; resources: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
  background: { service_worker?: string; scripts?: string[] };
}

const builds = [
  { name: 'chrome', dir: join(ROOT, process.env.RPK_DIST ?? 'dist') },
  { name: 'firefox', dir: join(ROOT, 'dist-firefox') },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

for (const { name, dir } of builds) {
  test(`${name} manifest: least privilege, console-only, strict CSP, no remote code`, () => {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    assert.equal(m.manifest_version, 3);
    for (const p of m.permissions ?? []) assert.ok(ALLOWED_PERMISSIONS.has(p), `permission ${p} is not on the allow-list`);
    assert.deepEqual(m.optional_permissions ?? [], []);
    assert.deepEqual([...(m.host_permissions ?? [])].sort(), [...CONSOLE_MATCHES].sort());
    assert.ok(m.content_scripts.length > 0);
    for (const cs of m.content_scripts) assert.deepEqual([...cs.matches].sort(), [...CONSOLE_MATCHES].sort());
    // web_accessible_resources match patterns take no path: the console origins, nothing wider.
    const consoleOrigins = new Set(CONSOLE_MATCHES.map((m) => `${new URL(m.replace('*', '')).origin}/*`));
    for (const war of m.web_accessible_resources ?? []) {
      for (const match of war.matches) assert.ok(consoleOrigins.has(match), `web_accessible_resources exposed to ${match}`);
    }
    const csp = m.content_security_policy?.extension_pages ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|https?:/);
    // No remote code: no script URLs outside the package, no eval-like constructs in our bundles.
    for (const file of files(dir).filter((f) => /\.(js|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /<script[^>]+src=["']https?:/i, `${file} loads a remote script`);
      assert.doesNotMatch(text, /\bimport\(\s*["']https?:/, `${file} imports remote code`);
    }
    if (name === 'firefox') {
      assert.ok(m.browser_specific_settings?.gecko?.id);
      assert.deepEqual(m.browser_specific_settings?.gecko?.data_collection_permissions, { required: ['none'] });
      assert.ok(m.background.scripts?.length, 'Firefox needs background.scripts');
    } else {
      assert.ok(m.background.service_worker);
    }
  });
}

test('web-ext lint: the Firefox build has no errors and no warnings', () => {
  let out: string;
  try {
    out = execFileSync(
      join(ROOT, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', join(ROOT, 'dist-firefox'), '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    out = (error as { stdout?: string }).stdout ?? '';
  }
  const report = JSON.parse(out) as {
    summary: { errors: number; warnings: number };
    errors: { code: string; message: string }[];
    warnings: { code: string; message: string }[];
  };
  assert.deepEqual(
    report.errors.map((e) => `${e.code}: ${e.message}`),
    [],
  );
  assert.deepEqual(
    report.warnings.map((e) => `${e.code}: ${e.message}`),
    [],
  );
});
