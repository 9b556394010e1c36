/**
 * ssh-ed25519 public key blob, RFC 8709 §4: string "ssh-ed25519", string key (32 bytes, RFC 8032).
 * OpenSSH (ssh_ed25519_deserialize_public) checks only the length, not that the point decodes.
 */
import { SshParseError } from '../../errors.ts';
import type { SshReader } from '../../wire/reader.ts';
import type { KeyTypeSpec } from './spec.ts';

/** Reads the 32-byte ed25519 public key; shared with sk-ssh-ed25519@openssh.com. */
export function readEd25519Point(r: SshReader, type: string): void {
  const pk = r.bytes('public key');
  if (pk.length !== 32) throw new SshParseError('bad-length', `${type} key: public key is ${pk.length} bytes, expected 32`);
}

export const ed25519: KeyTypeSpec = {
  type: 'ssh-ed25519',
  privateFields: ['string', 'string'], // pk, sk (= seed ‖ pk)
  label: 'ED25519',
  supported: true,
  certificate: false,
  read(r) {
    readEd25519Point(r, 'ssh-ed25519');
    return 256;
  },
};
