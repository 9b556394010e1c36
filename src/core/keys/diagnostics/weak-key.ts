/**
 * `weak-key`: RSA moduli below 2048 bits. OpenSSH refuses RSA keys under 1024 bits
 * (SSH_RSA_MINIMUM_MODULUS_SIZE) and GitHub and others refuse under 2048; NIST SP 800-131A
 * disallows < 2048 since 2014.
 */
import { issue, type Issue, type KeyOcc } from './model.ts';

export function weakKeyIssue(line: number, k: KeyOcc): Issue | null {
  const p = k.parsed;
  if (!p?.type.startsWith('ssh-rsa') || p.bits >= 2048) return null;
  return p.bits < 1024
    ? issue('weak-key', 'error', 'findingWeakRefused', line, p.bits)
    : issue('weak-key', 'warning', 'findingWeakBelow', line, p.bits);
}
