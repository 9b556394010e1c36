/**
 * Our failures must never break the console: every entry point and event handler of the content
 * scripts runs through `safely`, which logs (without arguments that could hold user text) and
 * swallows the error instead of letting it propagate into the page's own handlers.
 */
export function safely<A extends unknown[], R>(label: string, fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A): R | undefined => {
    try {
      return fn(...args);
    } catch (error) {
      reportError(label, error);
      return undefined;
    }
  };
}

export function reportError(label: string, error: unknown): void {
  // Only the error's name and message: never the field's value or clipboard text.
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  console.warn(`[runpod-ssh-helper] ${label} failed: ${name}${message ? `: ${message}` : ''}`);
}
