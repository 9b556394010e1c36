/**
 * Key generation in OpenSSH's exact formats: ed25519 key pairs, the openssh-key-v1 private key
 * file (plain or bcrypt_pbkdf + aes256-ctr), and the command that installs the downloaded files
 * into ~/.ssh.
 */

export { generateKey, commentProblem, type GenerateKeyProgressOptions } from './generate.ts';
export { installCommand, keyFileNames } from './install.ts';
