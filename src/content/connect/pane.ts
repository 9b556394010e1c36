/**
 * Facts about the pane a command sits in (a pod's Connect tab, a worker's pane, the legacy
 * modal), read by visible text and roles, never by class names. Page text is untrusted: it is
 * only parsed into a name (shown with textContent, turned into an alias by core), a pod id
 * (letters and digits), and port numbers.
 */
import { boundedText } from './find.ts';

/** The pane: the inspector/worker aside or a dialog, else the tab panel, else the body. */
export function paneOf(element: Element): Element {
  return element.closest('aside, [role=dialog]') ?? element.closest('[role=tabpanel]') ?? element.ownerDocument.body;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, 80);

/** The pod's or worker's name: the pane's label ("Pod my-pod"), else its first heading. */
export function paneName(pane: Element): string {
  const label = pane.getAttribute('aria-label');
  if (label) return clean(label.replace(/^(pod|worker)\s+/i, ''));
  const heading = pane.querySelector('h1, h2, h3, h4, h5, h6, [role=heading]');
  const text = heading ? boundedText(heading, 200) : undefined;
  return text ? clean(text.replace(/^(pod|worker)\s+/i, '')) : '';
}

/** The pod id: from a proxy user (`<id>-<8 hex>@ssh.runpod.io`) anywhere in the pane's commands. */
export function paneProxyId(pane: Element): string | undefined {
  for (const el of pane.querySelectorAll('[data-rpk-command]')) {
    const m = /(?:^|[\s@$])([a-z0-9]{6,40})-[0-9a-f]{8}@ssh\.runpod\.io\b/i.exec(boundedText(el, 400) ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** The commands shown in the pane (their elements' text, bounded). */
export function paneCommands(pane: Element): string[] {
  return [...pane.querySelectorAll('[data-rpk-command]')].map((el) => boundedText(el, 400) ?? '').filter((t) => t !== '');
}

/**
 * HTTP ports the pane lists: `https://<id>-<port>.proxy.runpod.net` links, and `:<port>` in the
 * "HTTP Services" section ("Jupyter Lab :8888 — Ready"). At most 8, without 22.
 */
export function paneHttpPorts(pane: Element): number[] {
  const ports = new Set<number>();
  const add = (s: string): void => {
    const n = Number(s);
    if (Number.isInteger(n) && n >= 1 && n <= 65535 && n !== 22 && ports.size < 8) ports.add(n);
  };
  for (const a of pane.querySelectorAll('a[href*=".proxy.runpod.net"]')) {
    const m = /^https:\/\/[a-z0-9]+-(\d{1,5})\.proxy\.runpod\.net(?:[/?#]|$)/i.exec(a.getAttribute('href') ?? '');
    if (m) add(m[1]!);
  }
  for (const section of pane.querySelectorAll('section')) {
    const text = boundedText(section, 2000);
    if (!text || !/^\s*HTTP Services?/i.test(text)) continue;
    for (const m of text.matchAll(/(?:^|[\s(]):(\d{2,5})\b/g)) add(m[1]!);
  }
  return [...ports];
}
