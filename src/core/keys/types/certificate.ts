/**
 * OpenSSH certificates, PROTOCOL.certkeys: `<base>-cert-v01@openssh.com` blobs are
 *   string type, string nonce, <the base key's public fields>, uint64 serial, uint32 type,
 *   string key id, string valid principals, uint64 valid after, uint64 valid before,
 *   string critical options, string extensions, string reserved, string signature key,
 *   string signature.
 * We parse every field through the signature; the CA ("signature key") must be a plain key
 * (OpenSSH refuses a certificate as CA). The signature itself is not verified: the field only
 * holds public keys, and OpenSSH verifies at authentication time.
 */
import { SshParseError } from '../../errors.ts';
import { SshReader } from '../../wire/reader.ts';
import type { CertificateInfo, KeyTypeSpec, ParsedKey } from './spec.ts';

/** `ssh-ed25519` → `ssh-ed25519-cert-v01@openssh.com`; `sk-ssh-ed25519@openssh.com` → `sk-ssh-ed25519-cert-v01@openssh.com`. */
export function certTypeName(base: string): string {
  return `${base.replace(/@openssh\.com$/, '')}-cert-v01@openssh.com`;
}

const uint64 = (r: SshReader, field: string): bigint => (BigInt(r.uint32(field)) << 32n) | BigInt(r.uint32(field));

/** Strings packed inside one string (principals; names of options/extensions, each followed by data). */
function stringList(data: Uint8Array, what: string, pairs: boolean): string[] {
  const r = new SshReader(data, what);
  const out: string[] = [];
  while (r.remaining > 0) {
    out.push(r.utf8('name'));
    if (pairs) r.bytes('data');
  }
  return out;
}

export function certificateSpec(base: KeyTypeSpec, parseCaKey: (blob: Uint8Array) => ParsedKey): KeyTypeSpec {
  const type = certTypeName(base.type);
  const what = `${type} key`;
  return {
    type,
    label: `${base.label}-CERT`,
    supported: base.supported,
    certificate: true,
    read(r) {
      r.bytes('nonce');
      const inner = base.read(r);
      const bits = typeof inner === 'number' ? inner : inner.bits;
      const serial = uint64(r, 'serial');
      const kind = r.uint32('certificate type');
      if (kind !== 1 && kind !== 2) {
        throw new SshParseError('bad-format', `${what}: certificate type is ${kind}, expected 1 (user) or 2 (host)`);
      }
      const keyId = r.utf8('key id');
      const principals = stringList(r.bytes('valid principals'), `${what} principals`, false);
      const validAfter = uint64(r, 'valid after');
      const validBefore = uint64(r, 'valid before');
      const criticalOptions = stringList(r.bytes('critical options'), `${what} critical options`, true);
      const extensions = stringList(r.bytes('extensions'), `${what} extensions`, true);
      r.bytes('reserved');
      const caKey = r.bytes('signature key');
      let ca: ParsedKey;
      try {
        ca = parseCaKey(caKey);
      } catch (e) {
        if (e instanceof SshParseError) throw new SshParseError(e.code, `${what}: signature key: ${e.message}`);
        throw e;
      }
      if (ca.certificate) throw new SshParseError('bad-type', `${what}: signature key is a certificate (${ca.type}), expected a plain key`);
      const sig = r.bytes('signature');
      if (sig.length === 0) throw new SshParseError('truncated', `${what}: signature is empty`);
      const cert: CertificateInfo = {
        serial,
        certType: kind === 1 ? 'user' : 'host',
        keyId,
        principals,
        validAfter,
        validBefore,
        criticalOptions,
        extensions,
        caType: ca.type,
        caKey,
      };
      return { bits, cert };
    },
  };
}
