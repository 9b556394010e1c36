/**
 * The one map of every runtime message: its sender → receiver, request and response.
 * No message ever carries private key material (public keys only).
 */
import browser from './browser.ts';

export interface MessageMap {
  /** popup → background: put a public key into a console key field (open a tab if none). */
  'add-to-runpod': { request: { publicKey: string }; response: AddToRunpodResult };
  /** background → content (a tab): append a public key to the key field on this page. */
  'fill-key-field': { request: { publicKey: string }; response: AddToRunpodResult };
  /** content ("Not working?" links) → background: open the popup's SSH doctor (`#doctor`) in a tab. */
  // biome-ignore lint/suspicious/noConfusingVoidType: the handler answers nothing; void is the honest return type
  'open-doctor': { request: Record<string, never>; response: void };
}

export type AddToRunpodResult = { ok: true; tabId?: number } | { ok: false; reason: string };

export type MessageType = keyof MessageMap;
export type Request<T extends MessageType> = MessageMap[T]['request'];
export type Response<T extends MessageType> = MessageMap[T]['response'];
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Request<T>;
}

export function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export async function sendMessage<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  return (await browser.runtime.sendMessage({ type, payload })) as Response<T>;
}

export async function sendToTab<T extends MessageType>(tabId: number, type: T, payload: Request<T>): Promise<Response<T>> {
  return (await browser.tabs.sendMessage(tabId, { type, payload })) as Response<T>;
}

type Handlers = { [T in MessageType]?: (payload: Request<T>, sender: browser.Runtime.MessageSender) => Promise<Response<T>> | Response<T> };

/** Registers typed handlers; unknown messages are ignored so other listeners may answer. */
export function handleMessages(handlers: Handlers, signal?: AbortSignal): void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as ((p: unknown, s: browser.Runtime.MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve(handler(message.payload, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
