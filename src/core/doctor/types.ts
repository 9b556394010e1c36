/** Shapes of the SSH doctor (shared/CONTRACT.md, Core API `diagnoseSsh` and the doctor codes). */
import type { I18nText, ShellKind } from '../types.ts';

export type DoctorCode =
  | 'identity-missing'
  | 'bad-permissions'
  | 'invalid-key-file'
  | 'key-not-in-account'
  | 'key-added-after-start'
  | 'no-key-offered'
  | 'config-identity'
  | 'password-prompt'
  | 'host-key-changed'
  | 'connection-refused'
  | 'timeout'
  | 'pty-required'
  | 'proxy-no-transfer'
  | 'too-many-auth-failures'
  | 'windows-tilde'
  | 'unknown';

export interface DoctorContext {
  /** Public key lines of the user's Runpod account (the key field as last saved). */
  accountKeys?: string[];
  /** The private key path the extension is configured with (`-i`). */
  keyPath?: string;
  shell?: ShellKind;
}

/** The contract's cause. `i18n` (message as a catalogue reference) is non-enumerable. */
export interface Cause {
  code: DoctorCode;
  message: string;
  fix?: string;
  i18n?: I18nText;
}

/** A key ssh offered (`Offering public key: PATH TYPE SHA256:… explicit`), matched to the account. */
export interface OfferedKey {
  path: string;
  type: string;
  fingerprint: string;
  /** `Server accepts key: …` named it. */
  accepted: boolean;
  /** In the account's keys; `undefined` when the account's keys are not known. */
  inAccount: boolean | undefined;
}

/** Where ssh was going, from `-v` lines, error lines or a pasted command line. */
export interface Destination {
  user?: string;
  host?: string;
  port?: number;
}

/** What the pasted output proves, parsed once; each diagnostic reads what it needs. */
export interface Facts {
  /** The output's lines, CR/ANSI stripped, trimmed at the end. */
  lines: string[];
  /** The ssh/scp/sftp/rsync command line the user pasted with the output (prompt removed). */
  command?: string;
  /** Program of that command line, or inferred from the output (`scp: …`). */
  program?: 'ssh' | 'scp' | 'sftp' | 'rsync';
  dest: Destination;
  /** `-v` output (any `debug1:` line). */
  verbose: boolean;
  offered: OfferedKey[];
  /** `Permission denied (publickey…)` or `No more authentication methods to try.` */
  denied: boolean;
  /** `Authenticated to …` or a shell prompt after login: the login worked. */
  authenticated: boolean;
  /** A `~/.ssh/config` (or -F) stanza applied to this host (`… line N: Applying options for H`). */
  configApplied: string | undefined;
  /** Account key fingerprints (`SHA256:…`), when the context has account keys. */
  accountFingerprints: Set<string> | undefined;
}

export interface DoctorInput {
  facts: Facts;
  ctx: Required<Pick<DoctorContext, 'shell'>> & DoctorContext;
}

/** One diagnostic module: the causes it can prove (usually one), given those ranked before it. */
export type Diagnostic = (input: DoctorInput, before: readonly Cause[]) => Cause[];
