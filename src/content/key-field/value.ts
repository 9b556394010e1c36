/**
 * Writing to a React-controlled field: React tracks the last value it saw through its own
 * per-node `value` property, so assigning `.value` is ignored. The native prototype setter plus a
 * bubbling `input` event is what React's onChange sees (same as a user typing).
 */
import type { KeyField } from './selectors.ts';

const textareaSetter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
const inputSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

/** Marks input events we dispatched, so our own listener does not treat them as typing. */
export const OWN_INPUT = new WeakSet<Event>();

export function setFieldValue(field: KeyField, value: string, caret?: number): void {
  const setter = field instanceof HTMLTextAreaElement ? textareaSetter : inputSetter;
  if (setter) setter.call(field, value);
  else field.value = value;
  if (caret !== undefined && document.activeElement === field) {
    const at = Math.max(0, Math.min(caret, value.length));
    try {
      field.setSelectionRange(at, at);
    } catch {
      // Some input types do not support selection; the value is what matters.
    }
  }
  const event = new InputEvent('input', { bubbles: true, cancelable: false, inputType: 'insertReplacementText' });
  OWN_INPUT.add(event);
  field.dispatchEvent(event);
}

/** Appends `line` on its own line, keeping the existing text. */
export function appendLine(existing: string, line: string): string {
  if (!existing.trim()) return line;
  return existing.endsWith('\n') ? existing + line : `${existing}\n${line}`;
}
