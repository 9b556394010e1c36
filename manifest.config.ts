/**
 * manifest.json is the source of truth (Chrome MV3); this derives the per-browser manifest.
 * Firefox MV3 needs a gecko id, the data-collection declaration AMO requires, and background
 * scripts instead of a service worker (crxjs rewrites the background entry for `browser: 'firefox'`).
 */
import base from './manifest.json' with { type: 'json' };

export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'runpod-ssh-key-helper@rpk.dev';

export function manifestFor(browser: TargetBrowser): Record<string, unknown> {
  const manifest: Record<string, unknown> = structuredClone(base);
  if (browser === 'firefox') {
    delete manifest.minimum_chrome_version;
    // Firefox has no extension service workers: the same module runs as an event page.
    manifest.background = { scripts: [base.background.service_worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // data_collection_permissions (required by AMO) is read from Firefox 140 (Android 142);
        // world: "MAIN" content scripts need 128.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}

/**
 * The content scripts' match patterns (shared/CONTRACT.md "Where it runs") as web-accessible
 * `matches`: Chrome accepts only `/*` paths there ("Invalid match pattern" otherwise), so
 * `https://runpod.io/console/*` becomes its origin.
 */
const CONSOLE_ORIGINS: string[] = [
  ...new Set((base.content_scripts[1]?.matches ?? []).map((p) => `${new URL(p.replace('/*', '/')).origin}/*`)),
];

const DYNAMIC_URL = false;

interface WebAccessible {
  resources: string[];
  matches?: string[];
  use_dynamic_url?: boolean;
}

/**
 * crxjs declares the content script's lazily imported chunks web-accessible with
 * `use_dynamic_url: false`: any page of those origins (all of runpod.io, its marketing pages
 * included) could fetch them at the fixed chrome-extension://<id>/ URL and learn the extension is
 * installed. Here: one entry for exactly the console origins.
 *
 * `use_dynamic_url: true` would hide them behind a per-session URL, but Chromium (tested: 156)
 * still refuses a content script's `import()` of a dynamic-URL resource
 * (https://issues.chromium.org/issues/363027634): every content script then fails to load. So it
 * stays false until that is fixed; `DYNAMIC_URL` flips it. Firefox's moz-extension:// URLs are
 * already random per install (no key there).
 */
export function scopeWebAccessibleResources(manifest: Record<string, unknown>, browser: TargetBrowser): Record<string, unknown> {
  const war = manifest.web_accessible_resources as WebAccessible[] | undefined;
  if (!war) return manifest;
  const resources = [...new Set(war.flatMap((entry) => entry.resources))];
  const scoped: WebAccessible = { resources, matches: CONSOLE_ORIGINS };
  if (browser === 'chrome') scoped.use_dynamic_url = DYNAMIC_URL;
  return { ...manifest, web_accessible_resources: resources.length ? [scoped] : [] };
}
