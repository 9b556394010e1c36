/**
 * Shapes shared by the per-type blob readers (one module per key type, dispatched by type name
 * from types/index.ts, in the manner of node-sshpk's formats table).
 */
import type { SshReader } from '../../wire/reader.ts';

/** Fields of an OpenSSH certificate (PROTOCOL.certkeys), parsed through the signature. */
export interface CertificateInfo {
  serial: bigint;
  /** SSH2_CERT_TYPE_USER (1) or SSH2_CERT_TYPE_HOST (2). */
  certType: 'user' | 'host';
  keyId: string;
  principals: string[];
  /** Seconds since the epoch; validBefore 0xffffffffffffffff means "forever". */
  validAfter: bigint;
  validBefore: bigint;
  criticalOptions: string[];
  extensions: string[];
  /** The signing CA's key type, e.g. `ssh-ed25519`. */
  caType: string;
  /** The CA public key blob (a view into the certificate blob). */
  caKey: Uint8Array;
}

export interface ParsedKey {
  /** Type inside the blob, e.g. 'ssh-ed25519', 'ssh-ed25519-cert-v01@openssh.com'. */
  type: string;
  /** As `ssh-keygen -l` prints (RSA: modulus bits; ed25519: 256; ecdsa: curve size; dsa: p bits). */
  bits: number;
  certificate: boolean;
  /** As `ssh-keygen -l` prints in parens: 'ED25519', 'RSA', 'ECDSA-SK', 'ED25519-CERT', … */
  label: string;
  /** false for ssh-dss (disabled since OpenSSH 7.0, removed in 10.1). */
  supported: boolean;
  /** Present for certificates only. */
  cert?: CertificateInfo;
}

/** A field of a private key: an SSH string (mpints read as strings) or the security-key flags byte. */
export type PrivateField = 'string' | 'flags';

export interface KeyTypeSpec {
  /** The type name on the wire (and the type word of the line). */
  type: string;
  /**
   * The private fields after the type string in an openssh-key-v1 file (PROTOCOL.key; sshkey.c
   * sshkey_private_serialize_opt); plain keys only.
   */
  privateFields?: readonly PrivateField[];
  label: string;
  supported: boolean;
  certificate: boolean;
  /**
   * Reads the fields that follow the type string (the reader is positioned right after it) and
   * returns the key's bits. Certificates read through the signature; nothing checks for the end.
   */
  read(r: SshReader): { bits: number; cert?: CertificateInfo } | number;
}
