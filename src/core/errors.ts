/**
 * The one typed parse error of core (in the manner of node-sshpk's KeyParseError): every reader
 * throws only this, with an exact, human-readable message and a machine code.
 */
export type ParseErrorCode =
  | 'truncated'
  | 'trailing-bytes'
  | 'bad-length'
  | 'bad-base64'
  | 'bad-type'
  | 'bad-point'
  | 'bad-mpint'
  | 'unsupported'
  | 'bad-format'
  | 'bad-passphrase'
  | 'needs-passphrase';

export class SshParseError extends Error {
  override readonly name = 'SshParseError';
  constructor(
    readonly code: ParseErrorCode,
    message: string,
  ) {
    super(message);
  }
}
