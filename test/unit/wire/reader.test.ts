/**
 * SshReader over a range of its buffer (start, end): the key scanner reads candidates in a reused
 * decode buffer this way instead of making a view per candidate, so every read, offset and message
 * must be exactly those of a reader over `buf.subarray(start, end)`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SshReader } from '../../../src/core/wire/reader.ts';
import { SshParseError } from '../../../src/core/errors.ts';

type Op = 'uint32' | 'bytes' | 'raw' | 'end';
/** Runs `ops` until the first throw; returns what each read gave (values, offsets, error messages). */
function trace(r: SshReader, ops: readonly Op[]): unknown[] {
  const out: unknown[] = [];
  for (const op of ops) {
    try {
      const v = op === 'uint32' ? r.uint32() : op === 'bytes' ? [...r.bytes()] : op === 'raw' ? [...r.raw(3)] : r.end();
      out.push(op, v, r.offset, r.remaining);
    } catch (e) {
      assert.ok(e instanceof SshParseError);
      out.push(op, e.code, e.message);
      break;
    }
  }
  return out;
}

test('fast-check: a reader over buf[start, end) reads exactly as one over buf.subarray(start, end)', () => {
  const op = fc.constantFrom<Op>('uint32', 'bytes', 'raw', 'end');
  // Small length bytes so that strings often fit and often do not.
  const buf = fc.uint8Array({ maxLength: 40 }).map((b) => b.map((x, i) => (i % 4 === 3 ? x % 12 : x % 3 === 0 ? 0 : x)));
  fc.assert(
    fc.property(buf, fc.nat(), fc.nat(), fc.array(op, { maxLength: 8 }), (b, x, y, ops) => {
      const start = x % (b.length + 1);
      const end = start + (y % (b.length - start + 1));
      assert.deepEqual(
        trace(new SshReader(b, 'ssh-rsa key', start, end), ops),
        trace(new SshReader(b.subarray(start, end), 'ssh-rsa key'), ops),
      );
    }),
    { numRuns: 2000 },
  );
});

test('a reader over a range never reads past its end', () => {
  const b = new Uint8Array([0, 0, 0, 1, 7, 0, 0, 0, 1, 9]);
  const r = new SshReader(b, 'ssh-ed25519 key', 0, 6);
  assert.deepEqual([...r.bytes()], [7]);
  assert.throws(() => r.uint32(), { message: 'ssh-ed25519 key is truncated: length needs 4 bytes, 1 left' });
});
