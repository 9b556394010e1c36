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
