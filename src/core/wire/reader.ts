/**
 * SSH wire-format reader (RFC 4251 §5): uint32, string and raw bytes over a byte buffer (mpints:
 * keys/types/mpint.ts).
 * Every read is bounds-checked and throws SshParseError with an exact message, never RangeError.
 */
import { SshParseError } from '../errors.ts';

const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
};

export class SshReader {
  private pos: number;
  /**
   * Reads buf[start, end) exactly as it would read `buf.subarray(start, end)` (offsets count from
   * `start`), without making that view: the key scanner parses a candidate at every "AAAA" of
   * pasted text, and a view per parse was a large share of its garbage.
   */
  constructor(
    private readonly buf: Uint8Array,
    /** What is being read, for messages: "ssh-ed25519 key", "openssh-key-v1 file". */
    private readonly what = 'key data',
    private readonly start = 0,
    private readonly limit = buf.length,
  ) {
    this.pos = start;
  }

  get offset(): number {
    return this.pos - this.start;
  }
  get remaining(): number {
    return this.limit - this.pos;
  }

  uint32(field = 'length'): number {
    if (this.remaining < 4)
      throw new SshParseError('truncated', `${this.what} is truncated: ${field} needs 4 bytes, ${this.remaining} left`);
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return (((b[p] as number) << 24) >>> 0) + ((b[p + 1] as number) << 16) + ((b[p + 2] as number) << 8) + (b[p + 3] as number);
  }

  /** An SSH `string`: uint32 length then that many bytes (a view, not a copy). */
  bytes(field = 'string'): Uint8Array {
    const len = this.uint32(`${field} length`);
    if (len > this.remaining) {
      throw new SshParseError('truncated', `${this.what} is truncated: ${field} says ${len} bytes, only ${this.remaining} left`);
    }
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  /** An SSH `string` that must be printable ASCII (type names, cipher names). */
  ascii(field = 'name'): string {
    const raw = this.bytes(field);
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i] as number;
      if (c < 0x20 || c > 0x7e) throw new SshParseError('bad-type', `${this.what}: ${field} is not printable ASCII`);
    }
    return latin1(raw);
  }

  /** An SSH `string` decoded as UTF-8 (comments). */
  utf8(field = 'text'): string {
    return new TextDecoder('utf-8').decode(this.bytes(field));
  }

  /** Raw fixed-size bytes (no length prefix). */
  raw(n: number, field = 'bytes'): Uint8Array {
    if (n > this.remaining)
      throw new SshParseError('truncated', `${this.what} is truncated: ${field} needs ${n} bytes, ${this.remaining} left`);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Throws unless everything was consumed. */
  end(): void {
    if (this.remaining !== 0) {
      throw new SshParseError(
        'trailing-bytes',
        `${this.what} has ${this.remaining} unexpected trailing byte${this.remaining === 1 ? '' : 's'}`,
      );
    }
  }
}

/** Bit length of an unsigned big-endian magnitude (leading zeros ignored). */
export function bitLength(magnitude: Uint8Array): number {
  let i = 0;
  while (i < magnitude.length && magnitude[i] === 0) i++;
  if (i === magnitude.length) return 0;
  return (magnitude.length - i - 1) * 8 + (32 - Math.clz32(magnitude[i] as number));
}
