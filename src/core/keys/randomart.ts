/**
 * The "drunken bishop" randomart of `ssh-keygen -lv`, ported from OpenSSH's
 * fingerprint_randomart() (sshkey.c; Loss, Limmer, von Gernler, "The drunken bishop", 2009):
 * a 17×9 field, the bishop starting in the centre, each digest byte giving four 2-bit moves
 * (LSB first), cells counting visits through " .o+=*BOX@%&#/^", S = start, E = end.
 * Frame: `+--[ED25519 256]--+` … `+----[SHA256]-----+`.
 */
import { md5Digest, sha256Digest } from './fingerprint.ts';
import type { ParsedKey } from './types/spec.ts';

const W = 17;
const H = 9;
const AUG = ' .o+=*BOX@%&#/^SE';
const LEN = AUG.length - 1;

/** OpenSSH centres `text` in a border of 17 dashes, cutting it as its 17-byte snprintf buffer does. */
function border(text: string): string {
  const t = text.slice(0, W - 1);
  const left = Math.floor((W - t.length) / 2);
  return `+${'-'.repeat(left)}${t}${'-'.repeat(W - left - t.length)}+`;
}

/** Title `[LABEL BITS]`, or `[LABEL]` when that does not fit in 17 bytes (e.g. `[ED25519-CERT]`). */
function title(key: Pick<ParsedKey, 'label' | 'bits'>): string {
  const full = `[${key.label} ${key.bits}]`;
  return full.length > W ? `[${key.label}]` : full;
}

/** The art for a digest (SHA-256 or MD5 of the blob), lines joined with '\n', no trailing newline. */
export function randomartFromDigest(digest: Uint8Array, key: Pick<ParsedKey, 'label' | 'bits'>, alg: 'SHA256' | 'MD5'): string {
  const field = new Uint8Array(W * H);
  let x = W >> 1;
  let y = H >> 1;
  for (let i = 0; i < digest.length; i++) {
    let input = digest[i] as number;
    for (let b = 0; b < 4; b++) {
      x += input & 1 ? 1 : -1;
      y += input & 2 ? 1 : -1;
      x = Math.min(Math.max(x, 0), W - 1);
      y = Math.min(Math.max(y, 0), H - 1);
      const c = y * W + x;
      if ((field[c] as number) < LEN - 2) field[c]!++;
      input >>= 2;
    }
  }
  field[(H >> 1) * W + (W >> 1)] = LEN - 1;
  field[y * W + x] = LEN;
  const lines = [border(title(key))];
  for (let row = 0; row < H; row++) {
    let s = '|';
    for (let col = 0; col < W; col++) s += AUG[Math.min(field[row * W + col] as number, LEN)];
    lines.push(`${s}|`);
  }
  lines.push(border(`[${alg}]`));
  return lines.join('\n');
}

/** Randomart exactly as `ssh-keygen -lv -E sha256|md5` draws it for this key. */
export function randomart(blob: Uint8Array, key: Pick<ParsedKey, 'label' | 'bits'>, hash: 'SHA256' | 'MD5' = 'SHA256'): string {
  return randomartFromDigest(hash === 'MD5' ? md5Digest(blob) : sha256Digest(blob), key, hash);
}
