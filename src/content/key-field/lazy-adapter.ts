/**
 * Loaded with dynamic `import()` only when the field holds a PEM/PKCS8/RFC 4716/PuTTY block:
 * sshpk is large, and most visits to the console never need it.
 */
import { registerForeignAdapter, getForeignAdapter } from '../../core/keys/formats/foreign.ts';
import { sshpkAdapter } from '../../core/keys/formats/sshpk-adapter.ts';

export function registerSshpk(): boolean {
  if (!getForeignAdapter()) registerForeignAdapter(sshpkAdapter);
  return true;
}
