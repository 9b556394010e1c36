/**
 * Every sentence the popup sets from script, read from _locales (static labels: data-i18n in
 * index.html). Getters, so call sites stay `S.name` and the text is read in the UI language.
 */
import { t } from '../shared/i18n.ts';

export const S = {
  get keyPathEmpty() {
    return t('popupKeyPathEmpty');
  },
  get keyPathPrivate() {
    return t('popupKeyPathPrivate');
  },
  shellDetected: (name: string) => t('popupShellDetected', name),

  get passphraseNone() {
    return t('popupPassphraseNone');
  },
  get passphraseWeak() {
    return t('popupPassphraseWeak');
  },
  get passphraseFair() {
    return t('popupPassphraseFair');
  },
  get passphraseStrong() {
    return t('popupPassphraseStrong');
  },
  get passphraseMismatch() {
    return t('popupPassphraseMismatch');
  },
  get passphraseConfirmMissing() {
    return t('popupPassphraseConfirmMissing');
  },

  get generating() {
    return t('popupGenerating');
  },
  get generateAnother() {
    return t('popupGenerateAnother');
  },
  encrypting: (pct: number) => t('popupEncrypting', String(pct)),
  get generated() {
    return t('popupGenerated');
  },
  generateFailed: (reason: string) => t('popupGenerateFailed', reason),
  get workerFailed() {
    return t('popupWorkerFailed');
  },
  get encrypted() {
    return t('popupEncrypted');
  },
  get notEncrypted() {
    return t('popupNotEncrypted');
  },

  get notDownloaded() {
    return t('popupNotDownloaded');
  },
  get downloaded() {
    return t('popupDownloaded');
  },
  get beforeUnload() {
    return t('popupBeforeUnload');
  },

  get copied() {
    return t('popupCopied');
  },
  get copyFailed() {
    return t('popupCopyFailed');
  },

  get sshAddPlain() {
    return t('popupSshAddPlain');
  },
  get sshAddPassphrase() {
    return t('popupSshAddPassphrase');
  },
  keyPathSet: (path: string) => t('popupKeyPathSet', path),

  get adding() {
    return t('popupAdding');
  },
  get added() {
    return t('popupAdded');
  },
  addFailed: (reason: string) => t('popupAddFailed', reason),
};

export const SHELL_NAMES = {
  get posix() {
    return t('popupShellNamePosix');
  },
  get powershell() {
    return t('popupShellNamePowershell');
  },
  get cmd() {
    return t('popupShellNameCmd');
  },
} satisfies Record<'posix' | 'powershell' | 'cmd', string>;
