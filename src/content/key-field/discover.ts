/**
 * Incremental key-field discovery: from one DOM batch (observe.ts), the fields that may have
 * become SSH public key fields — fields added, fields whose name attributes changed, fields in a
 * subtree that was revealed, and fields of a section whose label or title text changed. Never the
 * whole document again after the first batch.
 */
import type { DomBatch } from '../observe.ts';
import { isKeyField, type KeyField } from './selectors.ts';

const FIELD = 'textarea, input:not([type]), input[type=text], input[type=search]';
/** Text that names a field: labels, headings, legends, section titles. */
const NAMING =
  'label, legend, h1, h2, h3, h4, h5, h6, [role=heading], summary, [role=tab], [role=button][aria-expanded], [data-section-title]';
/** The box a changed title names fields in (selectors.ts climbs no further than these). */
const SECTION = 'section, fieldset, form, [role=dialog], [role=tabpanel], [role=region], details, article, main';

function fieldsIn(root: Element, into: Set<Element>): void {
  if (root.matches(FIELD)) into.add(root);
  else for (const field of root.querySelectorAll(FIELD)) into.add(field);
}

/** Key fields among what `batch` changed. */
export function keyFieldsIn(batch: DomBatch): KeyField[] {
  const candidates = new Set<Element>();
  for (const node of batch.added) {
    if (!(node instanceof Element)) {
      if (node.parentElement) nameChanged(node.parentElement, candidates);
      continue;
    }
    fieldsIn(node, candidates);
    // A title or label rendered after its field names a field that was already there.
    const naming = node.matches(NAMING) || node.id ? node : node.querySelector(NAMING);
    if (naming) nameChanged(naming, candidates);
  }
  for (const element of batch.attributes) {
    fieldsIn(element, candidates);
    if (element.matches(NAMING)) nameChanged(element, candidates);
  }
  for (const text of batch.texts) if (text.parentElement) nameChanged(text.parentElement, candidates);
  return [...candidates].filter(isKeyField);
}

/** A label or title changed: the fields it can name (its own, or its section's). */
function nameChanged(element: Element, into: Set<Element>): void {
  const owner = element.closest('[id]');
  if (owner?.id) {
    // An `aria-labelledby` target: the fields it names.
    for (const field of document.querySelectorAll(`[aria-labelledby~="${CSS.escape(owner.id)}"]`)) fieldsIn(field, into);
  }
  const naming = element.closest(NAMING);
  if (!naming) return;
  if (naming instanceof HTMLLabelElement) {
    const field = naming.control;
    if (field) into.add(field);
  }
  const section = naming.closest(SECTION) ?? naming.parentElement?.parentElement;
  if (section && section !== document.body && section !== document.documentElement) fieldsIn(section, into);
}
