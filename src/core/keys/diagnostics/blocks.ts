/**
 * `private-key` and `foreign-format`: multi-line blocks found by formats/findBlocks (OpenSSH
 * PROTOCOL.key, PEM RFC 7468, PKCS#8 RFC 5958, PuTTY PPK, ssh.com / Tectia, RFC 4716). A private key must never be
 * shared; the fix replaces the block with its public key when that can be derived without a
 * passphrase. Blocks that need the sshpk adapter are reported unfixable until it is registered.
 */
import type { Block } from '../formats/index.ts';
import { tx, type Issue } from './model.ts';

const NAMES: Record<string, string> = {
  openssh: 'OpenSSH private key',
  'pem-rsa': 'PEM RSA private key',
  'pem-ec': 'PEM EC private key',
  'pem-dsa': 'PEM DSA private key',
  pkcs8: 'PKCS#8 private key',
  'pkcs8-encrypted': 'encrypted PKCS#8 private key',
  putty: 'PuTTY key file (.ppk)',
  sshcom: 'Tectia (ssh.com) private key',
  rfc4716: 'SSH2 (RFC 4716) public key',
  'pem-spki': 'PEM public key',
  'pem-pkcs1-public': 'PEM RSA public key',
};

/** _locales keys of the names above. */
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
  const name = NAMES[b.format] ?? `${b.format} key`;
  const nameKey = NAME_KEYS[b.format];
  const nameT = nameKey ? tx(nameKey) : tx('blockFormatOther', b.format);
  const derive = b.publicLine
    ? 'Fix replaces it with its public key.'
    : b.needsAdapter
      ? 'Its public key can be derived; the converter is loading.'
      : b.hint
        ? `Run \`${b.hint}\` and paste what it prints instead.`
        : 'Paste the matching .pub file instead.';
  const deriveT = b.publicLine ? tx('blockNextFix') : b.needsAdapter ? tx('blockNextLoading') : b.hint ? tx('blockNextRun', b.hint) : tx('blockNextPub');
  const why = b.error ? ` (${b.error})` : '';
  const whyT = b.error ? [b.error] : [];
  if (b.kind === 'private-key') {
    return {
      code: 'private-key',
      severity: 'error',
      message: `Lines ${line}… are a ${name}${why}: never paste a private key anywhere. Only the public key (.pub) belongs here. ${derive}`,
      i18n: tx(b.error ? 'findingPrivateKeyError' : 'findingPrivateKey', line, nameT, ...whyT, deriveT),
    };
  }
  return {
    code: 'foreign-format',
    severity: 'error',
    message: `Lines ${line}… are a ${name}${why}; OpenSSH needs the one-line form "type AAAA… comment". ${derive}`,
    i18n: tx(b.error ? 'findingForeignFormatError' : 'findingForeignFormat', line, nameT, ...whyT, deriveT),
  };
}
