/**
 * The SSH doctor view (`#doctor`): paste what the terminal printed, see the causes core proves
 * (`doctorReport`), each with its fix command and a copy button, and the keys ssh offered
 * against the account's keys (stored when the console's key field was saved) and the keys
 * generated here. Only public data is read; nothing typed here is stored.
 */
import { doctorReport, type Cause, type OfferedKey } from '../core/doctor/index.ts';
import { t, tText } from '../shared/i18n.ts';
import { getAllStored, onStoredChange, type AccountKeys, type GeneratedPublicKey } from '../shared/storage.ts';
import { copyWith, hook } from './dom.ts';
import type { SettingsHandle } from './settings.ts';
import { S } from './strings.ts';

interface Known {
  account: AccountKeys | null;
  generated: GeneratedPublicKey[];
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  data: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const [k, v] of Object.entries(data)) (node as HTMLElement).dataset[k] = v;
  return node;
}

function renderCause(cause: Cause, signal: AbortSignal): HTMLLIElement {
  const li = el('li', { className: 'cause' }, { rpk: 'cause', code: cause.code });
  li.append(el('p', { textContent: tText(cause.i18n, cause.message) }, { rpk: 'cause-message' }));
  if (cause.fix !== undefined) {
    const fix = cause.fix;
    const row = el('div', { className: 'code-row' });
    const pre = el('pre', { className: 'cmd', textContent: fix, tabIndex: 0 }, { rpk: 'fix-command' });
    // Focusable so a keyboard can scroll a long command; a named region, as axe asks of scrollable text.
    pre.setAttribute('role', 'region');
    pre.setAttribute('aria-label', t('doctorFixLabel'));
    const copy = el('button', { type: 'button', className: 'small', textContent: t('popupCopy') }, { rpk: 'copy-fix' });
    copy.setAttribute('aria-label', t('doctorCopyFix'));
    copy.addEventListener('click', () => void copyWith(copy, fix, S.copied, S.copyFailed), { signal });
    row.append(pre, copy);
    li.append(row);
  }
  return li;
}

function renderOffered(key: OfferedKey, known: Known): HTMLLIElement {
  const generated = known.generated.some((g) => g.fingerprint === key.fingerprint);
  const account = key.inAccount === undefined ? 'unknown' : String(key.inAccount);
  const li = el(
    'li',
    { className: 'offered' },
    { rpk: 'offered-key', fingerprint: key.fingerprint, accepted: String(key.accepted), inAccount: account },
  );
  li.append(el('code', { textContent: key.fingerprint }), el('small', { textContent: ` ${key.type} ${key.path}` }));
  const facts = [
    key.accepted ? t('doctorAccepted') : t('doctorRefused'),
    key.inAccount === undefined ? t('doctorAccountUnknown') : key.inAccount ? t('doctorInAccount') : t('doctorNotInAccount'),
    ...(generated ? [t('doctorGeneratedHere')] : []),
  ];
  li.append(el('span', { className: 'facts', textContent: facts.join(' · ') }, { tone: key.accepted ? 'ok' : 'warning' }));
  return li;
}

export function startDoctor(settings: SettingsHandle, signal: AbortSignal): void {
  const input = hook<HTMLTextAreaElement>('doctor-input');
  const results = hook('doctor-results');
  const causes = hook('doctor-causes');
  const offeredBox = hook('doctor-offered');
  const offeredList = hook('doctor-offered-list');
  const keyPath = hook<HTMLInputElement>('key-path');
  const known: Known = { account: null, generated: [] };

  const render = (): void => {
    const text = input.value;
    results.hidden = text.trim() === '';
    if (results.hidden) return;
    const report = doctorReport(text, { accountKeys: known.account?.keys, keyPath: keyPath.value || undefined, shell: settings.shell() });
    causes.replaceChildren(...report.causes.map((c) => renderCause(c, signal)));
    offeredList.replaceChildren(...report.offered.map((k) => renderOffered(k, known)));
    offeredBox.hidden = report.offered.length === 0;
  };
  input.addEventListener('input', render, { signal });
  settings.onShellChange(render);

  void getAllStored(['accountKeys', 'generatedKeys'] as const).then((stored) => {
    known.account = stored.accountKeys;
    known.generated = stored.generatedKeys;
    render();
  });
  onStoredChange(
    'accountKeys',
    (v) => {
      known.account = v;
      render();
    },
    signal,
  );

  const view = (): void => {
    const on = location.hash === '#doctor';
    document.documentElement.classList.toggle('doctor-view', on);
    if (on) input.focus();
  };
  hook('open-doctor').addEventListener(
    'click',
    () => {
      location.hash = 'doctor';
    },
    { signal },
  );
  hook('doctor-back').addEventListener(
    'click',
    () => {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      view();
    },
    { signal },
  );
  window.addEventListener('hashchange', view, { signal });
  view();
}
