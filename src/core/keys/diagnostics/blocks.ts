/**
 * `private-key` and `foreign-format`: multi-line blocks found by formats/findBlocks (OpenSSH
 * PROTOCOL.key, PEM RFC 7468, PKCS#8 RFC 5958, PuTTY PPK, ssh.com / Tectia, RFC 4716). A private key must never be
 * shared; the fix replaces the block with its public key when that can be derived without a
 * passphrase. Blocks that need the sshpk adapter are reported unfixable until it is registered.
 */
import type { Block } from '../formats/index.ts';
import { issue, tx, type Issue } from './model.ts';

/** _locales keys of the format names. */
const NAME_KEYS: Record<string, string> = {
  openssh: 'blockFormatOpenssh',
  'pem-rsa': 'blockFormatPemRsa',
  'pem-ec': 'blockFormatPemEc',
  'pem-dsa': 'blockFormatPemDsa',
  pkcs8: 'blockFormatPkcs8',
  'pkcs8-encrypted': 'blockFormatPkcs8Encrypted',
  putty: 'blockFormatPutty',
  sshcom: 'blockFormatSshcom',
  rfc4716: 'blockFormatRfc4716',
  'pem-spki': 'blockFormatPemSpki',
  'pem-pkcs1-public': 'blockFormatPemPkcs1Public',
};

export function blockIssue(line: number, b: Block): Issue {
  const nameKey = NAME_KEYS[b.format];
  const name = nameKey ? tx(nameKey) : tx('blockFormatOther', b.format);
  const next = b.publicLine
    ? tx('blockNextFix')
    : b.needsAdapter
      ? tx('blockNextLoading')
      : b.hint
        ? tx('blockNextRun', b.hint)
        : tx('blockNextPub');
  const why = b.error ? [b.error] : [];
  return b.kind === 'private-key'
    ? issue('private-key', 'error', b.error ? 'findingPrivateKeyError' : 'findingPrivateKey', line, name, ...why, next)
    : issue('foreign-format', 'error', b.error ? 'findingForeignFormatError' : 'findingForeignFormat', line, name, ...why, next);
}
