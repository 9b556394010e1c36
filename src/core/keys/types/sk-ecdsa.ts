/**
 * sk-ecdsa-sha2-nistp256@openssh.com (FIDO/U2F security key), PROTOCOL.u2f: string type,
 * string curve "nistp256", string Q (uncompressed), string application (e.g. "ssh:").
 */
import type { KeyTypeSpec } from './spec.ts';
import { CURVES, readEcdsaPoint } from './ecdsa.ts';

export const skEcdsa: KeyTypeSpec = {
  type: 'sk-ecdsa-sha2-nistp256@openssh.com',
  privateFields: ['string', 'string', 'string', 'flags', 'string', 'string'], // curve, Q, application, flags, handle, reserved
  label: 'ECDSA-SK',
  supported: true,
  certificate: false,
  read(r) {
    readEcdsaPoint(r, 'sk-ecdsa-sha2-nistp256@openssh.com', CURVES.nistp256);
    r.bytes('application');
    return 256;
  },
};
