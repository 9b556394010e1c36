/**
 * ssh-dss public key blob, RFC 4253 §6.6: string "ssh-dss", mpint p, q, g, y. Bits are those of p.
 * Parsed so the diagnostics can name it, but `supported: false`: disabled by default since
 * OpenSSH 7.0, not buildable from 9.8/10.0, removed in 10.1.
 */
import { SshParseError } from '../../errors.ts';
import { bitLength } from '../../wire/reader.ts';
import { readMpint } from './mpint.ts';
import type { KeyTypeSpec } from './spec.ts';

export const dsa: KeyTypeSpec = {
  type: 'ssh-dss',
  privateFields: ['string', 'string', 'string', 'string', 'string'], // p q g y x
  label: 'DSA',
  supported: false,
  certificate: false,
  read(r) {
    const p = readMpint(r, 'ssh-dss', 'p');
    readMpint(r, 'ssh-dss', 'q');
    readMpint(r, 'ssh-dss', 'g');
    readMpint(r, 'ssh-dss', 'y');
    const bits = bitLength(p);
    if (bits === 0) throw new SshParseError('bad-mpint', 'ssh-dss key: p is zero');
    return bits;
  },
};
