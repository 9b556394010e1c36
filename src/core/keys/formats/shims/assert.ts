/**
 * Browser stand-in for Node's `assert`: the functions sshpk, assert-plus and asn1 use
 * (ok, equal, strictEqual, notStrictEqual, deepEqual, AssertionError).
 * Named exports, because bundled CommonJS `require('assert')` sees the module namespace.
 */
export class AssertionError extends Error {
  constructor(opts: { message?: string } = {}) {
    super(opts.message ?? 'Assertion failed');
    this.name = 'AssertionError';
  }
}

export function ok(value: unknown, message?: string): void {
  if (!value) throw new AssertionError({ message: message ?? 'Assertion failed' });
}

export function equal(a: unknown, b: unknown, message?: string): void {
  // Loose equality on purpose: Node's assert.equal is ==.
  // biome-ignore lint/suspicious/noDoubleEquals: Node's assert.equal is loose (==), and sshpk relies on it
  if (a != b) throw new AssertionError({ message: message ?? `${String(a)} == ${String(b)}` });
}

export function strictEqual(a: unknown, b: unknown, message?: string): void {
  if (a !== b) throw new AssertionError({ message: message ?? `${String(a)} === ${String(b)}` });
}

export function notStrictEqual(a: unknown, b: unknown, message?: string): void {
  if (a === b) throw new AssertionError({ message: message ?? `${String(a)} !== ${String(b)}` });
}

/** Structural equality of plain data (what sshpk compares: arrays of strings/numbers). */
export function deepEqual(a: unknown, b: unknown, message?: string): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new AssertionError({ message: message ?? 'values are not deeply equal' });
}

export default Object.assign(ok, { ok, equal, strictEqual, notStrictEqual, deepEqual, AssertionError });
