/**
 * PuTTY private key files (.ppk), versions 2 and 3 (PuTTY manual, appendix C "PPK file format"):
 *   PuTTY-User-Key-File-<2|3>: <key type>
 *   Encryption: none | aes256-cbc
 *   Comment: <text to end of line>
 *   Public-Lines: <n>           followed by n lines of base64 (the SSH public key blob)
 *   [Key-Derivation: Argon2id…  v3 only, when encrypted]
 *   Private-Lines: <n>          followed by n lines of base64 (encrypted when Encryption ≠ none)
 *   Private-MAC: <hex>
 * The public lines and the comment are never encrypted, so the OpenSSH public line is always
 * derivable without the passphrase.
 */
import { SshParseError } from '../../errors.ts';
import { encodeBase64 } from '../../wire/base64.ts';
import { parseKeyBlob, type ParsedKey } from '../blob.ts';
import { decodeBody } from './armor.ts';
import type { Lines } from '../lines.ts';

export const HEADER = /^PuTTY-User-Key-File-(\d+):\s*(\S+)\s*$/;

export interface PuttyKeyInfo {
  version: number;
  type: string;
  encryption: string;
  comment: string;
  publicBlob: Uint8Array;
  key: ParsedKey;
  /** `type base64 comment` (the comment as the .ppk holds it). */
  publicLine: string;
  /** 0-based index (into the given lines) of the last line of the file (Private-MAC), or of the last public line when the rest is missing. */
  lastLine: number;
}

/** Reads a .ppk starting at lines[0] (the `PuTTY-User-Key-File-N:` line). */
export function read(lines: Lines): PuttyKeyInfo {
  const first = HEADER.exec((lines.at(0) ?? '').trim());
  if (!first) throw new SshParseError('bad-format', 'PuTTY key: missing "PuTTY-User-Key-File-" header');
  const version = Number(first[1]);
  if (version !== 2 && version !== 3)
    throw new SshParseError('unsupported', `PuTTY key: file version ${version} is not supported (2 or 3 expected)`);
  const type = first[2]!;
  let encryption = '';
  let comment = '';
  let publicBlob: Uint8Array | undefined;
  let lastLine = 0;
  let i = 1;
  for (; i < lines.length; i++) {
    const line = (lines.at(i) as string).replace(/\r$/, '');
    const m = /^\s*([A-Za-z0-9-]+):\s?(.*)$/.exec(line);
    if (!m) break;
    const [, name, value] = m as unknown as [string, string, string];
    if (name === 'Encryption') encryption = value.trim();
    else if (name === 'Comment') comment = value.trimEnd();
    else if (name === 'Public-Lines' || name === 'Private-Lines') {
      const n = Number(value.trim());
      if (!Number.isInteger(n) || n < 0 || n > 1000)
        throw new SshParseError('bad-format', `PuTTY key: bad ${name} count "${value.trim()}"`);
      if (i + n >= lines.length && name === 'Public-Lines')
        throw new SshParseError('truncated', `PuTTY key: ${name} says ${n} lines, only ${lines.length - i - 1} follow`);
      const body = Array.from({ length: Math.min(n, lines.length - i - 1) }, (_, k) => lines.at(i + 1 + k) as string);
      if (name === 'Public-Lines') {
        const blob = decodeBody(body);
        if (!blob) throw new SshParseError('bad-base64', 'PuTTY key: public lines are not valid base64');
        publicBlob = blob;
      }
      i += Math.min(n, lines.length - i - 1);
    } else if (name === 'Private-MAC') {
      lastLine = i;
      i++;
      break;
    }
    lastLine = i;
  }
  if (!publicBlob) throw new SshParseError('bad-format', 'PuTTY key: no Public-Lines');
  const key = parseKeyBlob(publicBlob);
  if (key.type !== type) throw new SshParseError('bad-type', `PuTTY key: header says "${type}" but the public key is "${key.type}"`);
  const base = `${key.type} ${encodeBase64(publicBlob)}`;
  return { version, type, encryption, comment, publicBlob, key, publicLine: comment ? `${base} ${comment}` : base, lastLine };
}
