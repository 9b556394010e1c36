/**
 * Inputs that produce every finding code and variant of the key analysis, from keys made by
 * ssh-keygen (test/unit/i18n.test.ts checks each finding's sentence against finding-sentences.json).
 */
import { readFileSync } from 'node:fs';
import { certify, exportPublic, generateKey } from '../../helpers/openssh.ts';

export const ed = generateKey({ kind: 'ed25519' });
const rsa = generateKey({ kind: 'rsa', bits: 2048 });
const rsa1024 = generateKey({ kind: 'rsa', bits: 1024 });
export const ec256 = generateKey({ kind: 'ecdsa', bits: 256 });
const dsa = generateKey({ kind: 'dsa', bits: 1024 });
export const edB64 = ed.publicLine.split(' ')[1] as string;
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
/** An SSH wire string (RFC 4251 §5). */
const sshString = (s: string | Uint8Array): Buffer => {
  const body = typeof s === 'string' ? Buffer.from(s, 'latin1') : Buffer.from(s);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
};
const edKey = ed.blob.subarray(ed.blob.length - 32);

export const CORPUS: Record<string, { text: string; knownKeys?: string[] }> = {
  'private key': { text: `${rsa.publicLine}\n${readFileSync(ed.privatePath, 'utf8')}` },
  'rfc4716 public key': { text: exportPublic(ed.publicPath, 'RFC4716') },
  certificate: { text: certify(ed).certLine },
  duplicate: { text: `${ed.publicLine}\n${ed.publicLine} other` },
  'fingerprint, unknown': { text: ed.sha256.fingerprint },
  'fingerprint, in the field': { text: `${ed.publicLine}\n${ed.sha256.fingerprint}` },
  'fingerprint, known key': { text: ed.sha256.fingerprint, knownKeys: [ed.publicLine] },
  'md5 fingerprint': { text: ed.md5.fingerprint },
  joined: { text: `${ed.publicLine} ${rsa.publicLine}` },
  'missing type': { text: `${edB64} laptop` },
  'text before the key': { text: `$ cat ~/.ssh/id_ed25519.pub ${ed.publicLine}` },
  'not a key': { text: `my laptop key\n${ed.publicLine}` },
  options: { text: `no-pty,from="10.0.0.1" ${ed.publicLine}` },
  'type mismatch': { text: `ssh-rsa ${edB64} laptop` },
  dsa: { text: dsa.publicLine },
  'unknown type': { text: `ssh-foo ${b64(Buffer.concat([sshString('ssh-foo'), sshString(edKey)]))} x` },
  'weak rsa': { text: rsa1024.publicLine },
  'whitespace, tolerated': { text: `  ${ed.publicLine}  ` },
  'whitespace, breaking': { text: ed.publicLine.replace(' ', '\u00a0').replace('AAAAC3', 'AAAA\u200bC3') },
  'whitespace, tab and glued': { text: `ssh-ed25519\t${edB64}laptop` },
  'whitespace, space in the type word': { text: `ssh-ed 25519 ${edB64} laptop` },
  'whitespace only': { text: `${ed.publicLine}\n \u200b \n${rsa.publicLine}` },
  'CR line endings': { text: `${ed.publicLine}\r\n${rsa.publicLine}\r\n` },
  wrapped: { text: `ssh-ed25519 ${edB64.slice(0, 30)}\n${edB64.slice(30)} laptop` },
  'type word, no data': { text: 'ssh-ed25519' },
  'bad base64 character': { text: `ssh-ed25519 ${edB64.slice(0, 20)}!${edB64.slice(21)} x` },
  'padding in the middle': { text: `ssh-ed25519 AAAAC3Nz=== x` },
  'padding missing': { text: ec256.publicLine.replace(/=+ /, ' ') },
  'cut off base64': { text: `ssh-ed25519 ${edB64.slice(0, 29)} x` },
  'cut off key': { text: `ssh-ed25519 ${edB64.slice(0, 60)} x` },
  'no key type in data': { text: `ssh-ed25519 AAAAAAAAAAAA x` },
  'corrupt type (docs example)': { text: `ssh-ed25519 ${b64(Buffer.concat([sshString('\x83sh-ed25%19'), sshString(edKey)]))} x` },
  'corrupt type, no type word': { text: b64(Buffer.concat([sshString('\x83sh-ed25%19'), sshString(edKey)])) },
  'unknown inner type': { text: `ssh-ed25519 ${b64(Buffer.concat([sshString('ssh-foo'), sshString(edKey)]))} x` },
  'damaged inner key': { text: `ssh-ed25519 ${b64(Buffer.concat([sshString('ssh-ed25519'), sshString(edKey.subarray(0, 31))]))} x` },
  'damaged prefix': { text: `AAAAC3NzaC1lZDI1 ${ed.publicLine}` },
  'damaged key in the comment': { text: `${ed.publicLine.split(' ').slice(0, 2).join(' ')} AAAAC3NzaC1lZDI1NTE5AAAAIOMq` },
  'point off the curve': {
    text: `ecdsa-sha2-nistp256 ${b64(Buffer.from(ec256.blob.map((v, i) => (i === ec256.blob.length - 1 ? v ^ 1 : v))))} x`,
  },
};

/**
 * The sentences' only run-dependent text is the pasted fingerprints (freshly generated keys):
 * written as {sha256} and {md5} in finding-sentences.json.
 */
export function tokenize(s: string): string {
  return s.replaceAll(ed.sha256.fingerprint.slice(0, 30), '{sha256}').replaceAll(ed.md5.fingerprint.slice(0, 30), '{md5}');
}
