/**
 * `certificate`: an OpenSSH certificate (PROTOCOL.certkeys). In authorized_keys a certificate line
 * does not authorise the certified key; the CA goes in with `cert-authority` instead.
 */
import { issue, type Issue, type KeyOcc } from './model.ts';

export function certificateIssue(line: number, k: KeyOcc): Issue | null {
  return k.parsed?.certificate ? issue('certificate', 'warning', 'findingCertificate', line, k.parsed.type) : null;
}
