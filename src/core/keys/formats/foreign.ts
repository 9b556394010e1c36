/**
 * The foreign-format adapter's shape: conversions that need ASN.1/DER (PEM SPKI and PKCS#1 public
 * keys, PEM/PKCS#8 private keys) live in sshpk-adapter.ts, the only module that imports sshpk.
 * It is passed in (AnalyzeOptions.foreign), never registered globally: src/core/index.ts passes
 * it always; the content script loads it lazily, so the always-loaded bundle stays small.
 */

export interface ForeignAdapter {
  /** PEM `PUBLIC KEY` (SPKI) or `RSA PUBLIC KEY` (PKCS#1) → `type base64` OpenSSH line. Throws SshParseError. */
  publicFromPem(pem: string): string;
  /** Unencrypted PEM private key (`RSA|EC|DSA PRIVATE KEY`, PKCS#8 `PRIVATE KEY`) → `type base64` line. Throws SshParseError. */
  publicFromPrivatePem(pem: string): string;
}
