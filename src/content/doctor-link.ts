/**
 * The "Not working?" entry to the SSH doctor (issue 11, item 3), shared by the key panel and the
 * Connect assistant: the background opens the popup page at `#doctor` in a tab (a content script
 * cannot open the popup itself). The message carries nothing.
 */
import { t } from '../shared/i18n.ts';
import { sendMessage } from '../shared/messages.ts';
import { reportError } from './safe.ts';

/** A native button (keyboard operable), styled as a link by the caller's shadow-root CSS. */
export function doctorButton(): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'doctor-link';
  button.setAttribute('data-rpk', 'open-doctor');
  button.title = t('doctorEntryNotWorkingTitle');
  button.textContent = t('doctorEntryNotWorking');
  return button;
}

export function openDoctor(): void {
  void sendMessage('open-doctor', {}).catch((error: unknown) => reportError('open doctor', error));
}
