/**
 * `weak-key`: RSA moduli below 2048 bits. OpenSSH refuses RSA keys under 1024 bits
 * (SSH_RSA_MINIMUM_MODULUS_SIZE) and GitHub and others refuse under 2048; NIST SP 800-131A
 * disallows < 2048 since 2014.
 */
import { tx, type Issue, type KeyOcc } from './model.ts';

export function weakKeyIssue(line: number, k: KeyOcc): Issue | null {
  const p = k.parsed;
  if (!p || !p.type.startsWith('ssh-rsa') || p.bits >= 2048) return null;
  const fresh = 'Create a new key with `ssh-keygen -t ed25519` and paste its .pub file instead.';
  return p.bits < 1024
    ? { code: 'weak-key', severity: 'error', message: `The RSA key on line ${line} has only ${p.bits} bits; SSH refuses RSA keys under 1024 bits. ${fresh}`, i18n: tx('findingWeakRefused', line, p.bits) }
    : { code: 'weak-key', severity: 'warning', message: `The RSA key on line ${line} has only ${p.bits} bits, below the 2048 bits considered safe. ${fresh}`, i18n: tx('findingWeakBelow', line, p.bits) };
}
