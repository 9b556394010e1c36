/** Shapes shared by core and the UI; the contract's Core API (shared/CONTRACT.md) in types. */
import type { ForeignAdapter } from './keys/formats/foreign.ts';

export type Severity = 'error' | 'warning' | 'info';
export type FieldState = 'empty' | 'ok' | 'warning' | 'error';

export type FindingCode =
  | 'private-key'
  | 'fingerprint'
  | 'missing-type'
  | 'joined'
  | 'wrapped'
  | 'type-mismatch'
  | 'foreign-format'
  | 'invalid-key'
  | 'unsupported-type'
  | 'weak-key'
  | 'whitespace'
  | 'not-a-key'
  | 'duplicate'
  | 'certificate'
  | 'options-prefix';

export interface KeyInfo {
  /** 1-based line of the field. */
  line: number;
  /** Key type word, e.g. `ssh-ed25519`. */
  type: string;
  bits: number;
  comment: string;
  /** `SHA256:…` exactly as `ssh-keygen -l -E sha256` prints it. */
  fingerprint: string;
}

/**
 * A message of the extension's `_locales` catalogue and its substitutions (`$1`…), each a plain
 * string or another catalogue message (a phrase, a list). core/i18n-format.ts formats it from the
 * English catalogue; the UI formats it in its language (shared/i18n.ts).
 */
export interface I18nText {
  key: string;
  subs: I18nParam[];
}
export type I18nParam = string | I18nText;
/** A message name of the English catalogue (a type only: nothing of the catalogue is bundled). */
export type CatalogueKey = keyof typeof import('../../public/_locales/en/messages.json');

/** The contract's finding (shared/CONTRACT.md, Core API): `message` is the English catalogue's sentence. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** 1-based line where the problem starts. */
  line: number;
  /** A plain sentence: what is wrong and what to do. */
  message: string;
  fixable: boolean;
}

/**
 * A finding as data: its sentence is the catalogue message `key` formatted with `params`
 * (each names its own line). The UI formats it in its language; analyzeKeys in English.
 */
export interface FindingData {
  code: FindingCode;
  severity: Severity;
  /** 1-based line where the problem starts. */
  line: number;
  key: string;
  params: I18nParam[];
  fixable: boolean;
}

export interface AnalyzeOptions {
  /** Public key lines the user is known to own (e.g. generated in the popup). */
  knownKeys?: string[];
  /** Converts PEM/PKCS#8 blocks (keys/formats/sshpk-adapter.ts); without it they report needing it. */
  foreign?: ForeignAdapter;
}

export interface Analysis {
  state: FieldState;
  keys: KeyInfo[];
  findings: Finding[];
}

export type ShellKind = 'posix' | 'powershell' | 'cmd';

export interface RewriteSettings {
  keyPath: string;
  shell: ShellKind;
  identitiesOnly?: boolean;
}

/** `i18n` (the reason as a catalogue reference) is non-enumerable: the contract shape stays exact. */
export type RewriteResult = { ok: true; command: string } | { ok: false; reason: string; i18n?: I18nText };

export interface GenerateKeyOptions {
  comment?: string;
  passphrase?: string;
  /** bcrypt_pbkdf rounds; default 24 as OpenSSH >= 9.4. */
  rounds?: number;
}

export interface GeneratedKey {
  privateKey: string;
  publicKey: string;
  fingerprint: string;
  randomart: string;
}
