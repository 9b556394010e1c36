/**
 * PEM public keys (RFC 7468 §13): `-----BEGIN PUBLIC KEY-----` (X.509 SubjectPublicKeyInfo,
 * RFC 5280 §4.1; what `ssh-keygen -e -m PKCS8` writes) and `-----BEGIN RSA PUBLIC KEY-----`
 * (PKCS#1 RSAPublicKey, RFC 8017 §A.1.1; `ssh-keygen -e -m PEM`). The DER decoding is the
 * foreign adapter's (sshpk); this module names the formats and routes them.
 */
import { SshParseError } from '../../errors.ts';
import { getForeignAdapter } from './foreign.ts';

export const LABELS = { 'PUBLIC KEY': 'pem-spki', 'RSA PUBLIC KEY': 'pem-pkcs1-public' } as const;
export type PemPublicFormat = (typeof LABELS)[keyof typeof LABELS];

/** The OpenSSH `type base64` line for a PEM public key block; undefined while no adapter is registered. */
export function read(lines: readonly string[]): string | undefined {
  const adapter = getForeignAdapter();
  if (!adapter) return undefined;
  return adapter.publicFromPem(lines.map((l) => l.trim()).join('\n'));
}

/** PEM text for an OpenSSH public line, as `ssh-keygen -e -m PKCS8` ('spki') / `-m PEM` ('pkcs1'). */
export function write(line: string, format: 'spki' | 'pkcs1'): string {
  const adapter = getForeignAdapter();
  if (!adapter) throw new SshParseError('unsupported', 'PEM conversion needs the foreign-format adapter, which is not loaded');
  return adapter.publicToPem(line, format);
}
