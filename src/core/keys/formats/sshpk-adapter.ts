/**
 * The foreign-format adapter backed by node-sshpk: the ONLY module that imports sshpk. It decodes
 * the ASN.1/DER formats (PEM SPKI, PKCS#1, PKCS#8, SEC1 EC, OpenSSL DSA) that core does not parse
 * itself, and re-checks every result with our own blob parser, so a key it lets through still
 * meets core's rules. Every failure becomes an SshParseError.
 * In browsers it needs `Buffer` and small `crypto`/`stream`/`util`/`assert` shims (vite.config.ts).
 */
import { Buffer } from 'buffer';
import sshpk from 'sshpk';
import { SshParseError } from '../../errors.ts';
import { decodeBase64 } from '../../wire/base64.ts';
import { parseKeyBlob } from '../blob.ts';
import type { ForeignAdapter } from './foreign.ts';

// assert-plus (sshpk's argument checks) calls the global Buffer.isBuffer; browsers have none.
// Set at call time is enough: nothing touches it while the modules load.
const g = globalThis as { Buffer?: unknown };
g.Buffer ??= Buffer;

/** `type base64` of an sshpk key, checked by our own parser. */
function toLine(key: sshpk.Key): string {
  const [type, b64] = key.toString('ssh').split(' ');
  const blob = b64 ? decodeBase64(b64) : null;
  if (!type || !blob) throw new SshParseError('bad-format', 'converted key is not a valid OpenSSH key');
  const parsed = parseKeyBlob(blob);
  if (parsed.type !== type) throw new SshParseError('bad-type', `converted key says "${type}" but its blob is "${parsed.type}"`);
  return `${type} ${b64}`;
}

function wrapError(what: string, e: unknown): SshParseError {
  if (e instanceof SshParseError) return e;
  const name = e instanceof Error ? e.name : '';
  if (name === 'KeyEncryptedError')
    return new SshParseError('needs-passphrase', `${what} is encrypted: its public key needs the passphrase`);
  const msg = e instanceof Error ? e.message.replace(/^Failed to parse \(unnamed\) as a valid \w+ format key: /, '') : String(e);
  return new SshParseError('bad-format', `${what} could not be read: ${msg}`);
}

const toBuffer = (s: string): Buffer => Buffer.from(s, 'utf8');

export const sshpkAdapter: ForeignAdapter = {
  publicFromPem(pem) {
    try {
      return toLine(sshpk.parseKey(toBuffer(pem), 'pem'));
    } catch (e) {
      throw wrapError('PEM public key', e);
    }
  },
  publicFromPrivatePem(pem) {
    try {
      return toLine(sshpk.parsePrivateKey(toBuffer(pem), 'pem').toPublic());
    } catch (e) {
      throw wrapError('PEM private key', e);
    }
  },
};
