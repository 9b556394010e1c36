/**
 * PEM private keys: `RSA PRIVATE KEY` (PKCS#1, RFC 8017 §A.1.2), `EC PRIVATE KEY` (RFC 5915),
 * `DSA PRIVATE KEY` (OpenSSL), `PRIVATE KEY` (PKCS#8, RFC 5208 / RFC 7468 §10),
 * `ENCRYPTED PRIVATE KEY` (PKCS#8 EncryptedPrivateKeyInfo, RFC 7468 §11) and OpenSSL's legacy
 * `Proc-Type: 4,ENCRYPTED` + `DEK-Info` headers (RFC 1421 §4.6.1). Unencrypted ones yield their
 * public key through the foreign adapter; encrypted ones need the passphrase, so we hand the user
 * the exact command that prints the public key instead.
 */
import type { ForeignAdapter } from './foreign.ts';
import type { Lines } from '../lines.ts';

export const LABELS = {
  'RSA PRIVATE KEY': 'pem-rsa',
  'EC PRIVATE KEY': 'pem-ec',
  'DSA PRIVATE KEY': 'pem-dsa',
  'PRIVATE KEY': 'pkcs8',
  'ENCRYPTED PRIVATE KEY': 'pkcs8-encrypted',
} as const;
export type PemPrivateFormat = (typeof LABELS)[keyof typeof LABELS];

/** OpenSSH's default file name for the format's key type (ssh-keygen's `-f` default). */
const DEFAULT_PATH: Record<PemPrivateFormat, string> = {
  'pem-rsa': '~/.ssh/id_rsa',
  'pem-ec': '~/.ssh/id_ecdsa',
  'pem-dsa': '~/.ssh/id_dsa',
  pkcs8: '~/.ssh/id_rsa',
  'pkcs8-encrypted': '~/.ssh/id_rsa',
};

/** The command that prints the public key of a private key file. */
export function publicKeyCommand(path: string): string {
  return `ssh-keygen -y -f ${path}`;
}

export function hintFor(format: PemPrivateFormat): string {
  return publicKeyCommand(DEFAULT_PATH[format]);
}

/** True for `ENCRYPTED PRIVATE KEY` and for legacy `Proc-Type: 4,ENCRYPTED` headers. */
export function isEncrypted(format: PemPrivateFormat, lines: Lines): boolean {
  if (format === 'pkcs8-encrypted') return true;
  for (const l of lines) if (/^\s*Proc-Type:\s*4\s*,\s*ENCRYPTED\s*$/i.test(l)) return true;
  return false;
}

/** The OpenSSH `type base64` line of an unencrypted PEM private key. Throws SshParseError. */
export function read(lines: Lines, adapter: ForeignAdapter): string {
  return adapter.publicFromPrivatePem(Array.from(lines, (l) => l.trim()).join('\n'));
}
