/**
 * An RFC 4716 public key block written as `ssh-keygen -e` writes it (the product only reads the
 * format; tests use this to build inputs ssh-keygen would not, e.g. a Comment long enough to be
 * continued). Checked byte for byte against ssh-keygen -e in public-formats.test.ts.
 */
import { encodeBase64 } from '../../src/core/wire/base64.ts';

/** Lines of at most `width` characters. */
function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out;
}

/** Body wrapped at 70 columns, a quoted Comment header when there is a comment, header lines continued with "\" past 72 bytes. */
export function writeRfc4716(blob: Uint8Array, comment = ''): string {
  const out = ['---- BEGIN SSH2 PUBLIC KEY ----'];
  if (comment) {
    const header = `Comment: "${comment.replace(/"/g, '\\"')}"`;
    const parts = wrap(header, 71);
    for (const [n, p] of parts.entries()) out.push(n < parts.length - 1 ? `${p}\\` : p);
  }
  out.push(...wrap(encodeBase64(blob), 70), '---- END SSH2 PUBLIC KEY ----', '');
  return out.join('\n');
}
