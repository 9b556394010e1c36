/**
 * The content script's lifetime. After the extension is updated, reloaded or removed, the old
 * content script stays in open tabs with a dead runtime (Chrome: "Extension context
 * invalidated"). It then goes quiet: the root AbortController is aborted, which removes every
 * listener and every element we added, and nothing calls extension APIs again.
 */

/** Is our extension's runtime still there? (`runtime.id` is undefined once it is invalidated.) */
export function runtimeAlive(): boolean {
  try {
    const api = globalThis as unknown as { chrome?: { runtime?: { id?: string } }; browser?: { runtime?: { id?: string } } };
    return Boolean(api.chrome?.runtime?.id ?? api.browser?.runtime?.id);
  } catch {
    // Firefox: a dead wrapper throws on access.
    return false;
  }
}

/** Removes every element the extension put into the page (light DOM; our UI is in shadow roots under these hosts). */
export function removeOurElements(): void {
  for (const node of document.querySelectorAll('[data-rpk-host], [data-rpk=panel], [data-rpk=connect-notice], [data-rpk=save-guard]'))
    node.remove();
  for (const node of document.querySelectorAll('[data-rpk-command]')) node.removeAttribute('data-rpk-command');
  document.documentElement.removeAttribute('data-rpk-ready');
}

/**
 * Watches for a dead runtime: before each DOM batch (the caller's check) and at the first
 * pointer or key press (so a click on a stale button finds it gone), and aborts `controller`.
 */
export function watchRuntime(controller: AbortController): () => boolean {
  const check = (): boolean => {
    if (controller.signal.aborted) return false;
    if (runtimeAlive()) return true;
    controller.abort();
    return false;
  };
  const { signal } = controller;
  for (const type of ['pointerdown', 'keydown', 'focusin', 'visibilitychange'] as const) {
    window.addEventListener(
      type,
      () => {
        check();
      },
      { capture: true, passive: true, signal },
    );
  }
  signal.addEventListener('abort', removeOurElements, { once: true });
  return check;
}
