/**
 * ssh-rsa public key blob, RFC 4253 §6.6: string "ssh-rsa", mpint e, mpint n.
 * Bits are those of the modulus (BN_num_bits(n)), as `ssh-keygen -l` prints them. OpenSSH 9.x
 * refuses moduli under 1024 bits when it loads a key; we still parse them and report the bits so
 * the diagnostics can say why (weak-key) instead of "invalid".
 */
import { SshParseError } from '../../errors.ts';
import { bitLength } from '../../wire/reader.ts';
import { readMpint } from './mpint.ts';
import type { KeyTypeSpec } from './spec.ts';

export const rsa: KeyTypeSpec = {
  type: 'ssh-rsa',
  privateFields: ['string', 'string', 'string', 'string', 'string', 'string'], // n e d iqmp p q
  label: 'RSA',
  supported: true,
  certificate: false,
  read(r) {
    const e = readMpint(r, 'ssh-rsa', 'public exponent');
    const n = readMpint(r, 'ssh-rsa', 'modulus');
    if (bitLength(e) === 0) throw new SshParseError('bad-mpint', 'ssh-rsa key: public exponent is zero');
    const bits = bitLength(n);
    if (bits === 0) throw new SshParseError('bad-mpint', 'ssh-rsa key: modulus is zero');
    return bits;
  },
};
