/**
 * PEM public keys (RFC 7468 §13): `-----BEGIN PUBLIC KEY-----` (X.509 SubjectPublicKeyInfo,
 * RFC 5280 §4.1; what `ssh-keygen -e -m PKCS8` writes) and `-----BEGIN RSA PUBLIC KEY-----`
 * (PKCS#1 RSAPublicKey, RFC 8017 §A.1.1; `ssh-keygen -e -m PEM`). The DER decoding is the
 * foreign adapter's (sshpk); this module names the formats and routes them.
 */
import type { ForeignAdapter } from './foreign.ts';
import type { Lines } from '../lines.ts';

export const LABELS = { 'PUBLIC KEY': 'pem-spki', 'RSA PUBLIC KEY': 'pem-pkcs1-public' } as const;
export type PemPublicFormat = (typeof LABELS)[keyof typeof LABELS];

/** The OpenSSH `type base64` line for a PEM public key block. Throws SshParseError. */
export function read(lines: Lines, adapter: ForeignAdapter): string {
  return adapter.publicFromPem(Array.from(lines, (l) => l.trim()).join('\n'));
}
