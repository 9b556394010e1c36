/**
 * `certificate`: an OpenSSH certificate (PROTOCOL.certkeys). In authorized_keys a certificate line
 * does not authorise the certified key; the CA goes in with `cert-authority` instead.
 */
import { tx, type Issue, type KeyOcc } from './model.ts';

export function certificateIssue(line: number, k: KeyOcc): Issue | null {
  if (!k.parsed?.certificate) return null;
  return {
    code: 'certificate',
    severity: 'warning',
    message: `Line ${line} is an SSH certificate (${k.parsed.type}), not a plain public key, so pods will not accept it as a key. Paste the key's own .pub file (without -cert) instead.`,
    i18n: tx('findingCertificate', line, k.parsed.type),
  };
}
