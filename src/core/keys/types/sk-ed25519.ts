/**
 * sk-ssh-ed25519@openssh.com (FIDO/U2F security key), PROTOCOL.u2f: string type,
 * string public key (32 bytes), string application (e.g. "ssh:").
 */
import type { KeyTypeSpec } from './spec.ts';
import { readEd25519Point } from './ed25519.ts';

export const skEd25519: KeyTypeSpec = {
  type: 'sk-ssh-ed25519@openssh.com',
  privateFields: ['string', 'string', 'flags', 'string', 'string'], // pk, application, flags, handle, reserved
  label: 'ED25519-SK',
  supported: true,
  certificate: false,
  read(r) {
    readEd25519Point(r, 'sk-ssh-ed25519@openssh.com');
    r.bytes('application');
    return 256;
  },
};
