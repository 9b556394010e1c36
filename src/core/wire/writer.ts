/** SSH wire-format writer (RFC 4251 §5), the inverse of SshReader. */
export class SshWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;

  uint32(n: number): this {
    const b = new Uint8Array(4);
    b[0] = n >>> 24;
    b[1] = (n >>> 16) & 255;
    b[2] = (n >>> 8) & 255;
    b[3] = n & 255;
    return this.raw(b);
  }
  bytes(data: Uint8Array): this {
    return this.uint32(data.length).raw(data);
  }
  string(text: string): this {
    return this.bytes(new TextEncoder().encode(text));
  }
  /** mpint from an unsigned magnitude: strips leading zeros, adds a 0x00 when the top bit is set. */
  mpint(magnitude: Uint8Array): this {
    let i = 0;
    while (i < magnitude.length && magnitude[i] === 0) i++;
    const m = magnitude.subarray(i);
    if (m.length > 0 && ((m[0] as number) & 0x80) !== 0) {
      const padded = new Uint8Array(m.length + 1);
      padded.set(m, 1);
      return this.bytes(padded);
    }
    return this.bytes(m);
  }
  raw(data: Uint8Array): this {
    this.chunks.push(data);
    this.size += data.length;
    return this;
  }
  toBytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}
