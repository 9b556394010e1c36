/**
 * Loaded with dynamic `import()` only when the field holds a PEM/PKCS8 block: sshpk is large, and
 * most visits to the console never need it.
 */
export { sshpkAdapter } from '../../core/keys/formats/sshpk-adapter.ts';
