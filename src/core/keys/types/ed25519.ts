/**
 * ssh-ed25519 public key blob, RFC 8709 §4: string "ssh-ed25519", string key (32 bytes, RFC 8032).
 * OpenSSH (ssh_ed25519_deserialize_public) checks only the length, not that the point decodes.
 */
import { SshParseError } from '../../errors.ts';
import type { SshReader } from '../../wire/reader.ts';
import { SshWriter } from '../../wire/writer.ts';
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

/** `string "ssh-ed25519", string pk` — the public blob of an ed25519 key (RFC 8709 §4). */
export function ed25519PublicBlob(pk: Uint8Array): Uint8Array {
  return new SshWriter().string('ssh-ed25519').bytes(pk).toBytes();
}

/** `string "ssh-ed25519", string pk, string seed ‖ pk` — the private section of an ed25519 key. */
export function ed25519PrivateKey(seed: Uint8Array, pk: Uint8Array): Uint8Array {
  const sk = new Uint8Array(64);
  sk.set(seed);
  sk.set(pk, 32);
  return new SshWriter().string('ssh-ed25519').bytes(pk).bytes(sk).toBytes();
}
