/**
 * Registry for the foreign-format adapter: conversions that need ASN.1/DER (PEM SPKI and PKCS#1
 * public keys, PEM/PKCS#8 private keys) live in sshpk-adapter.ts, the only module that imports
 * sshpk. Node registers it eagerly (src/core/index.ts); the content script loads it lazily so the
 * always-loaded bundle stays small, then re-analyses.
 */
import { findBlocks } from './index.ts';

export interface ForeignAdapter {
  /** PEM `PUBLIC KEY` (SPKI) or `RSA PUBLIC KEY` (PKCS#1) → `type base64` OpenSSH line. Throws SshParseError. */
  publicFromPem(pem: string): string;
  /** Unencrypted PEM private key (`RSA|EC|DSA PRIVATE KEY`, PKCS#8 `PRIVATE KEY`) → `type base64` line. Throws SshParseError. */
  publicFromPrivatePem(pem: string): string;
  /** OpenSSH public line → PEM: 'spki' (`ssh-keygen -e -m PKCS8`) or 'pkcs1' (`-m PEM`, RSA only). Throws SshParseError. */
  publicToPem(line: string, format: 'spki' | 'pkcs1'): string;
}

let adapter: ForeignAdapter | undefined;

export function registerForeignAdapter(a: ForeignAdapter): void {
  adapter = a;
}

export function getForeignAdapter(): ForeignAdapter | undefined {
  return adapter;
}

/** True when `text` has a block only the adapter can convert and none is registered yet. */
export function needsForeignAdapter(text: string): boolean {
  if (adapter || !text.includes('-----BEGIN')) return false;
  return findBlocks(text.split('\n')).some((b) => b.needsAdapter === true);
}
