/**
 * SSH2 public key files, RFC 4716 §3 (what `ssh-keygen -e`, PuTTYgen and commercial SSH write):
 *   ---- BEGIN SSH2 PUBLIC KEY ----
 *   Header-Tag: value            (§3.3; a line ending in "\" continues on the next, §3.3)
 *   base64 body                  (§3.4; lines of at most 72 bytes)
 *   ---- END SSH2 PUBLIC KEY ----
 * The `Comment` header's value (quotes removed, §3.3.2) becomes the OpenSSH comment.
 */
import { SshParseError } from '../../errors.ts';
import { encodeBase64 } from '../../wire/base64.ts';
import { parseKeyBlob, type ParsedKey } from '../blob.ts';
import { decodeBody, readRfc4716Armor, rfc4716Comment } from './armor.ts';
import type { Lines } from '../lines.ts';

/** Markers as found in the wild: the dashes' count and spacing vary a little. */
export const BEGIN_RE = /^-{3,5}\s*BEGIN SSH2 PUBLIC KEY\s*-{3,5}$/;
export const END_RE = /^-{3,5}\s*END SSH2 PUBLIC KEY\s*-{3,5}$/;

export interface Rfc4716Key {
  blob: Uint8Array;
  key: ParsedKey;
  comment: string;
  headers: [string, string][];
  /** `type base64[ comment]`. */
  publicLine: string;
}

/** Reads the block; `lines` run from the BEGIN line to the END line (END may be missing). */
export function read(lines: Lines): Rfc4716Key {
  const { headers, body } = readRfc4716Armor(lines, BEGIN_RE, END_RE, 'SSH2 public key');
  const blob = decodeBody(body);
  if (!blob) throw new SshParseError('bad-base64', 'SSH2 public key: body is not valid base64');
  const key = parseKeyBlob(blob);
  const comment = rfc4716Comment(headers);
  const base = `${key.type} ${encodeBase64(blob)}`;
  return { blob, key, comment, headers, publicLine: comment ? `${base} ${comment}` : base };
}
