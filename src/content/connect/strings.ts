/** Every sentence the Connect feature shows, read from _locales in the browser's UI language. */
import { t } from '../../shared/i18n.ts';

export const S = {
  get copyCorrected() {
    return t('connectCopyCorrected');
  },
  get copyConfig() {
    return t('connectCopyConfig');
  },
  get previewCommand() {
    return t('connectPreviewCommand');
  },
  get previewConfig() {
    return t('connectPreviewConfig');
  },
  get previewRefused() {
    return t('connectPreviewRefused');
  },
  get copied() {
    return t('connectCopied');
  },
  notCopied: (reason: string) => t('connectNotCopied', reason),
  get copyFailed() {
    return t('connectCopyFailed');
  },
  get noticeTitle() {
    return t('connectNoticeTitle');
  },
  get noticeUnchanged() {
    return t('connectNoticeUnchanged');
  },
  get noticeFix() {
    return t('connectNoticeFix');
  },
  get close() {
    return t('connectClose');
  },
  get settingsLoading() {
    return t('connectSettingsLoading');
  },
};
