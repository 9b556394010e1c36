/** Every sentence the popup sets from script, in one place (static labels live in index.html). */
export const S = {
  keyPathEmpty: 'Enter the path of your private key, e.g. ~/.ssh/id_ed25519.',
  shellDetected: (name: string) => `Detected from your system: ${name}.`,

  passphraseNone: 'No passphrase: anyone who gets the private key file can use it.',
  passphraseWeak: 'Weak passphrase: use at least 12 characters, or a few random words.',
  passphraseFair: 'Fair passphrase. Longer is better: a few random words are easy to type.',
  passphraseStrong: 'Strong passphrase.',
  passphraseMismatch: 'The passphrases do not match.',
  passphraseConfirmMissing: 'Type the passphrase again to confirm it.',

  generating: 'Generating…',
  generateAnother: 'Generate another key',
  encrypting: (pct: number) => `Encrypting the private key (bcrypt)… ${pct}%`,
  generated: 'Key generated: download it below.',
  generateFailed: (reason: string) => `Could not generate a key: ${reason}`,

  notDownloaded: 'Private key not downloaded yet — closing this popup loses it.',
  downloaded: 'Private key downloaded.',
  beforeUnload: 'The private key has not been downloaded yet.',

  copied: 'Copied',
  copyFailed: 'Copy failed: select the text and press Ctrl+C',

  sshAddPlain: 'To use the key without its path, add it to your agent:',
  sshAddPassphrase: 'Type the passphrase once per session by adding the key to your agent:',
  keyPathSet: 'Copied SSH commands now use ~/.ssh/id_ed25519_runpod.',

  adding: 'Looking for the console’s SSH Public Key field…',
  added: 'Added to the SSH Public Key field. Review it in the console tab, then press “Update Public Key”.',
  addFailed: (reason: string) => `Could not add the key: ${reason}`,
} as const;

export const SHELL_NAMES: Record<'posix' | 'powershell' | 'cmd', string> = {
  posix: 'bash / zsh',
  powershell: 'PowerShell',
  cmd: 'Command Prompt',
};
