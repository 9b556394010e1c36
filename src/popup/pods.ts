/**
 * The popup's "All pods in ~/.ssh/config" card: the pods and workers seen on their Connect tabs
 * (storage `seenPods`, written by src/content/connect/remember.ts), one config file with a Host
 * block per pod (core podsConfig), copy / download it, forget one or all. Copying or downloading
 * counts as an export: entries whose address changed since then are marked.
 */
import { forgetPod, markExported, podsConfig, type PodEntry } from '../core/connect/pods.ts';
import { getAllStored, getStored, onStoredChange, setStored } from '../shared/storage.ts';
import { t } from '../shared/i18n.ts';
import { copyWith, hook, say } from './dom.ts';
import { downloadText } from './download.ts';
import type { SettingsHandle } from './settings.ts';

const FILE_NAME = 'runpod_ssh_config';

function podItem(e: PodEntry, onForget: (key: string) => void, signal: AbortSignal): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.rpk = 'pod';
  li.dataset.alias = e.alias;
  li.dataset.kind = e.kind;
  li.dataset.changed = String(e.changed);
  const main = document.createElement('div');
  main.className = 'pod-main';
  const name = document.createElement('strong');
  name.textContent = e.record.name || e.record.id || e.alias;
  const alias = document.createElement('code');
  alias.textContent = e.alias;
  const where = document.createElement('small');
  const kind = e.kind === 'tcp' ? t('asstPodKindTcp') : t('asstPodKindProxy');
  where.textContent = `${kind} · ${e.address.host}:${e.address.port}`;
  main.append(name, ' ', alias, document.createElement('br'), where);
  if (e.changed) {
    const badge = document.createElement('span');
    badge.className = 'badge changed';
    badge.textContent = t('asstPodChanged');
    main.append(' ', badge);
  }
  const forget = document.createElement('button');
  forget.type = 'button';
  forget.className = 'small';
  forget.dataset.rpk = 'forget-pod';
  forget.textContent = t('asstForget');
  forget.setAttribute('aria-label', t('asstForgetPod', e.alias));
  forget.addEventListener('click', () => onForget(e.key), { signal });
  li.append(main, forget);
  return li;
}

export async function startPods(settings: SettingsHandle, signal: AbortSignal): Promise<void> {
  const list = hook<HTMLUListElement>('pods-list');
  const empty = hook('pods-empty');
  const pre = hook<HTMLPreElement>('pods-config');
  const status = hook('pods-status');
  const copy = hook<HTMLButtonElement>('copy-pods-config');
  const download = hook<HTMLButtonElement>('download-pods-config');
  const forgetAll = hook<HTMLButtonElement>('forget-all-pods');
  let text = '';
  let itemsCtl = new AbortController();
  signal.addEventListener('abort', () => itemsCtl.abort(), { once: true });

  const render = async (): Promise<void> => {
    const stored = await getAllStored(['seenPods', 'keyPath', 'identitiesOnly'] as const);
    const built = podsConfig(stored.seenPods, { keyPath: stored.keyPath, shell: settings.shell(), identitiesOnly: stored.identitiesOnly });
    text = built.text;
    // The previous list's listeners go with the previous list.
    itemsCtl.abort();
    itemsCtl = new AbortController();
    list.replaceChildren(...built.entries.map((e) => podItem(e, (key) => void forget(key), itemsCtl.signal)));
    const none = built.entries.length === 0;
    empty.hidden = !none;
    pre.textContent = none ? '' : text;
    pre.hidden = none;
    for (const b of [copy, download, forgetAll]) b.disabled = none;
    const changed = built.entries.filter((e) => e.changed).length;
    const refused = built.refused.map((r) => r.reason).join('; ');
    say(
      status,
      refused ? t('asstPodsRefused', refused) : changed > 0 ? t('asstPodsChangedNote', String(changed)) : '',
      refused ? 'error' : 'warning',
    );
  };
  const forget = async (key: string): Promise<void> => {
    await setStored('seenPods', forgetPod(await getStored('seenPods'), key));
  };
  const exported = async (): Promise<void> => {
    await setStored('seenPods', markExported(await getStored('seenPods')));
  };

  copy.addEventListener(
    'click',
    () => {
      void copyWith(copy, text, t('popupCopied'), t('popupCopyFailed')).then(exported);
    },
    { signal },
  );
  download.addEventListener(
    'click',
    () => {
      downloadText(FILE_NAME, text);
      void exported();
    },
    { signal },
  );
  forgetAll.addEventListener('click', () => void setStored('seenPods', []), { signal });
  for (const key of ['seenPods', 'keyPath', 'identitiesOnly'] as const) onStoredChange(key, () => void render(), signal);
  settings.onShellChange(() => void render());
  await render();
}
