/**
 * Key generation in OpenSSH's exact formats: ed25519 key pairs, the openssh-key-v1 private key
 * file (plain or bcrypt_pbkdf + aes256-ctr), and the command that installs the downloaded files
 * into ~/.ssh.
 */

export { generateKey, commentProblem, type GenerateKeyProgressOptions } from './generate.ts';
export { bcryptPbkdf, bcryptPbkdfSteps } from './bcrypt-pbkdf.ts';
export { bcryptPbkdfAsync } from './kdf.ts';
export { installCommand, keyFileNames } from './install.ts';
export { DEFAULT_ROUNDS } from './openssh-private.ts';
