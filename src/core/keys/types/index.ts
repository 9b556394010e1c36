/**
 * The key-type table: every public key type OpenSSH knows, by its wire name, each from its own
 * module (plain keys) or derived from one (certificates, PROTOCOL.certkeys).
 */
import type { KeyTypeSpec, ParsedKey } from './spec.ts';
import { ed25519 } from './ed25519.ts';
import { rsa } from './rsa.ts';
import { dsa } from './dsa.ts';
import { ecdsaP256, ecdsaP384, ecdsaP521 } from './ecdsa.ts';
import { skEd25519 } from './sk-ed25519.ts';
import { skEcdsa } from './sk-ecdsa.ts';
import { certificateSpec } from './certificate.ts';

export type { CertificateInfo, KeyTypeSpec, ParsedKey } from './spec.ts';

export const PLAIN_TYPES: readonly KeyTypeSpec[] = [ed25519, rsa, ecdsaP256, ecdsaP384, ecdsaP521, skEd25519, skEcdsa, dsa];

/** Builds the full table; `parseCaKey` parses a certificate's signature key (blob.ts's parseKeyBlob). */
export function buildTable(parseCaKey: (blob: Uint8Array) => ParsedKey): Map<string, KeyTypeSpec> {
  const table = new Map<string, KeyTypeSpec>();
  for (const t of PLAIN_TYPES) table.set(t.type, t);
  for (const t of PLAIN_TYPES) {
    const c = certificateSpec(t, parseCaKey);
    table.set(c.type, c);
  }
  return table;
}
