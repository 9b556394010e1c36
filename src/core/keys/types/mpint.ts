/**
 * mpint as OpenSSH reads it in public keys (sshbuf_get_bignum2_bytes_direct), RFC 4251 §5:
 * negative values are refused, at most 16384 bits (SSHBUF_MAX_BIGNUM), and superfluous leading
 * zero bytes are tolerated (RFC 4251 forbids writing them, but OpenSSH accepts such keys, so
 * rejecting them would flag a key that works).
 */
import { SshParseError } from '../../errors.ts';
import type { SshReader } from '../../wire/reader.ts';

const MAX_BYTES = 16384 / 8;

/** Returns the magnitude (leading zeros stripped, a view). */
export function readMpint(r: SshReader, type: string, field: string): Uint8Array {
  const d = r.bytes(field);
  if (d.length > 0 && ((d[0] as number) & 0x80) !== 0) throw new SshParseError('bad-mpint', `${type} key: ${field} is negative`);
  if (d.length > MAX_BYTES + 1 || (d.length === MAX_BYTES + 1 && d[0] !== 0)) {
    throw new SshParseError('bad-mpint', `${type} key: ${field} is larger than 16384 bits`);
  }
  let i = 0;
  while (i < d.length && d[i] === 0) i++;
  return d.subarray(i);
}
