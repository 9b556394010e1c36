/** Lookups of the popup's own static markup (index.html) by `data-rpk` hook, typed by element. */
export function hook<T extends HTMLElement = HTMLElement>(name: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(`[data-rpk="${name}"]`);
  if (!el) throw new Error(`popup markup lacks [data-rpk=${name}]`);
  return el;
}

/** Sets a message line's text and tone (`ok` | `warning` | `error` | `info`); '' hides it. */
export function say(el: HTMLElement, text: string, tone: 'ok' | 'warning' | 'error' | 'info' = 'info'): void {
  el.textContent = text;
  el.dataset.tone = tone;
  el.hidden = text === '';
}

/** Copies `text` and flashes the button's label; falls back to selecting the source element. */
export async function copyWith(button: HTMLButtonElement, text: string, copied: string, failed: string): Promise<void> {
  const label = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = label;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = copied;
  } catch {
    button.textContent = failed;
  }
  window.setTimeout(() => {
    button.textContent = label;
  }, 1500);
}
