/** Unsigned big-endian integers (RFC 4251 §5 mpint magnitudes, SEC1 coordinates) as bigints. */

/** Big-endian bytes [from, to) as a bigint, 64 bits at a time (several times faster than via hex). */
export function toBigInt(b: Uint8Array, from = 0, to = b.length): bigint {
  const dv = new DataView(b.buffer, b.byteOffset + from, to - from);
  const n = to - from;
  let r = 0n;
  let i = 0;
  for (; i + 8 <= n; i += 8) r = (r << 64n) | dv.getBigUint64(i);
  for (; i < n; i++) r = (r << 8n) | BigInt(b[from + i] as number);
  return r;
}
