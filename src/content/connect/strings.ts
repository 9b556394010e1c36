/** Every sentence the Connect feature shows, in one place (ready to move to _locales). */
export const S = {
  copyCorrected: 'Copy with my key',
  copyConfig: 'ssh config',
  previewCommand: 'Copies, for your key and shell:',
  previewConfig: 'Copies this block for ~/.ssh/config:',
  previewUnchanged: 'Copies the command as shown, because:',
  copied: 'Copied',
  copiedUnchanged: 'Copied unchanged',
  copyFailed: 'Copy failed: select the command and press Ctrl+C',
  noticeTitle: 'Runpod SSH Key Helper',
  noticeUnchanged: 'The SSH command was copied unchanged, as the console wrote it:',
  noticeFix: 'Change the key path or shell in the extension popup.',
  close: 'Close',
} as const;
