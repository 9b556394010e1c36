/**
 * Every selector and heuristic the key-field validator uses to read the console, in one place
 * (refined-github style): the console's markup is generated (MUI/Emotion classes, Tailwind), so
 * we find things by what a person reads — labels, ARIA names, placeholders, section titles and
 * button text — each with fallbacks, never by class names.
 */

/** A name a person would read as "the SSH public key field". */
const KEY_FIELD_NAME = /\bssh[\s-]+(?:public[\s-]+)?keys?\b|\bpublic[\s-]+keys?\b|\bauthorized[_\s-]+keys\b/i;
/** A field's own short name inside a section already titled as above ("Key", "Value"). */
const GENERIC_OWN_NAME = /^\s*(?:keys?|key\s*\(s\)|value|content|public)\s*\*?\s*$/i;
/** Names that are never the public key field even when they mention keys. */
const NOT_KEY_FIELD = /\b(?:private|api|secret|access|registry|password|passphrase|search|filter|name|title|label|fingerprint)\b/i;

/** The section's save control, most specific first. */
export const SAVE_CONTROL_TEXT: readonly RegExp[] = [
  /^\s*update\s+public\s+keys?\s*$/i,
  /^\s*add\s+ssh\s+keys?\s*$/i,
  /^\s*save(?:\s+(?:ssh\s+)?(?:public\s+)?keys?|\s+changes)?\s*$/i,
  /^\s*(?:update|add|submit)\s*$/i,
];

const FIELD_CANDIDATES = 'textarea, input:not([type]), input[type=text], input[type=search]';
// MUI v5's AccordionSummary is a `div[role=button][aria-expanded]` with no heading element inside.
const HEADINGS =
  'h1, h2, h3, h4, h5, h6, [role=heading], legend, summary, [role=tab][aria-selected=true], [role=button][aria-expanded], [data-section-title]';
/** Where one "section" ends: climbing past these would pick up a neighbour's title or button. */
const SECTION_BOUNDARY = 'section, fieldset, form, [role=dialog], [role=tabpanel], [role=region], details, article, main, body';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Text as separate words per element: a title and its subtitle rendered as sibling `<p>`/`<span>`
 * elements with no whitespace between them (React) must not read "SSH Public KeysKeys injected…".
 */
function spacedText(el: Element | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push((node as Text).data);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The field's own accessible name, from its label(s), aria-label(ledby) and placeholder. */
export function ownName(field: HTMLInputElement | HTMLTextAreaElement): string {
  const parts: string[] = [];
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) parts.push(text(field.ownerDocument.getElementById(id)));
  }
  const aria = field.getAttribute('aria-label');
  if (aria) parts.push(aria);
  // `labels` covers both <label for> and a wrapping <label>.
  for (const label of Array.from(field.labels ?? [])) parts.push(text(label));
  if (field.placeholder) parts.push(field.placeholder);
  if (field.title) parts.push(field.title);
  return parts.filter(Boolean).join(' | ');
}

/** The title of the section the field sits in: the nearest heading before it, climbing outwards. */
export function sectionTitle(field: Element): string {
  let node: Element | null = field;
  for (let depth = 0; node && depth < 10; depth++) {
    const parent: Element | null = node.parentElement;
    if (!parent) break;
    // A dialog or region named by aria wins over inner headings.
    const own = parent.getAttribute('aria-label') ?? labelledByText(parent);
    if (own && parent.matches('[role=dialog], [role=region], [role=tabpanel], section, fieldset, form')) return own;
    const before = visibleHeadings(parent).filter(
      (h) => !h.contains(field) && h.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (before.length) return spacedText(before.at(-1));
    // An unnamed region (MUI's accordion content) is titled by the summary just outside it.
    if (parent.matches(SECTION_BOUNDARY) && !(own === null && parent.matches('[role=region]'))) break;
    node = parent;
  }
  return '';
}

/** Headings a person sees (not the legend inside MUI's aria-hidden outline fieldset). */
function visibleHeadings(root: Element): Element[] {
  return Array.from(root.querySelectorAll(HEADINGS)).filter((h) => !h.closest('[aria-hidden=true]'));
}

function labelledByText(el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return null;
  return (
    ids
      .split(/\s+/)
      .map((id) => text(el.ownerDocument.getElementById(id)))
      .join(' ')
      .trim() || null
  );
}

/** Hidden twins (MUI's autosize shadow textarea), hidden inputs and anything aria-hidden. */
export function isHiddenTwin(field: HTMLElement): boolean {
  if (field.hidden || field.getAttribute('aria-hidden') === 'true' || field.closest('[aria-hidden=true], [hidden], [inert]')) return true;
  if (field.tabIndex < 0 && (field as HTMLTextAreaElement).readOnly) return true;
  const style = getComputedStyle(field);
  return style.visibility === 'hidden' || style.display === 'none';
}

export function isKeyFieldName(own: string, section: string): boolean {
  if (own) {
    if (KEY_FIELD_NAME.test(own) && !/\bprivate\b/i.test(own)) return true;
    if (NOT_KEY_FIELD.test(own) && !GENERIC_OWN_NAME.test(own)) return false;
    // A field named just "Key" inside an "SSH Keys" section or "Add SSH key" dialog.
    return GENERIC_OWN_NAME.test(own) && KEY_FIELD_NAME.test(section);
  }
  return KEY_FIELD_NAME.test(section) && !NOT_KEY_FIELD.test(section.replace(KEY_FIELD_NAME, ''));
}

export type KeyField = HTMLTextAreaElement | HTMLInputElement;

/** Is this element one a person would read as the SSH public key field? */
export function isKeyField(el: Element): el is KeyField {
  if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) return false;
  if (!el.matches(FIELD_CANDIDATES) || !el.isConnected) return false;
  const own = ownName(el);
  // Section titles name textareas; a single-line input needs its own name.
  if (el instanceof HTMLInputElement && !own) return false;
  const named = (own !== '' && isKeyFieldName(own, '')) || isKeyFieldName(own, sectionTitle(el));
  // Names first: the style check is the expensive part, done only for candidates.
  return named && !isHiddenTwin(el);
}

/** Every key field in the document right now. */
export function findKeyFields(root: ParentNode = document): KeyField[] {
  return Array.from(root.querySelectorAll(FIELD_CANDIDATES)).filter(isKeyField);
}

/**
 * The field's visual container (MUI's FormControl: label + outline + helper text): climb while
 * the ancestor still holds only this one control, so the panel goes after the whole widget.
 */
export function visualContainer(field: KeyField): HTMLElement {
  let box: HTMLElement = field;
  for (let depth = 0; depth < 5; depth++) {
    const parent = box.parentElement;
    if (!parent || parent.matches(SECTION_BOUNDARY)) break;
    const controls = Array.from(parent.querySelectorAll('textarea, input, select, button, [role=button], a[href]')).filter(
      (c) =>
        c !== field &&
        !(c instanceof HTMLElement && (c.getAttribute('aria-hidden') === 'true' || (c as HTMLInputElement).type === 'hidden')),
    );
    if (controls.length > 0) break;
    if (visibleHeadings(parent).length > 0) break;
    box = parent;
  }
  return box;
}

function controlText(el: Element): string {
  return (text(el) || el.getAttribute('aria-label') || (el as HTMLInputElement).value || '').trim();
}

/** The clickable save control of the field's section, if any. */
export function saveControlFor(field: KeyField): HTMLElement | null {
  let node: Element | null = field.parentElement;
  for (let depth = 0; node && depth < 10; depth++) {
    const buttons = Array.from(node.querySelectorAll<HTMLElement>('button, [role=button], input[type=submit]'));
    for (const pattern of SAVE_CONTROL_TEXT) {
      const hit = buttons.find((b) => pattern.test(controlText(b)) && !b.closest('[data-rpk]'));
      if (hit) return hit;
    }
    if (node.matches('[role=dialog], form, body')) break;
    node = node.parentElement;
  }
  return null;
}

/** The control an event activated, when it is a button-like element. */
export function activatedControl(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('button, [role=button], input[type=submit]') : null;
}
