/**
 * Runs in the PAGE's world at document_start (manifest: world MAIN), before the console's own
 * scripts, so every later clipboard write of the page goes through these wrappers:
 * `Clipboard.prototype.writeText`, `Clipboard.prototype.write` (text/plain items) and
 * `DataTransfer.prototype.setData` (copy handlers that fill `clipboardData`).
 *
 * It has no extension APIs, no settings and no rewriter: it asks the isolated content script over
 * the private channel of protocol.ts and writes the answer, or the page's own text when there is
 * none. Anything that is not a string, or fails, passes through exactly as the page wrote it.
 * Every built-in it uses is captured here, before the page can replace it (a page that patched
 * `CustomEvent.prototype.detail` or `dispatchEvent` would otherwise see the answer).
 */
import { ACK_EVENT, ANSWER_EVENT, CALL_EVENT, HELLO_EVENT, MAYBE_COMMAND, REQUEST_EVENT } from './protocol.ts';

// Built-ins captured before any page script runs (module constants of this IIFE bundle).
const apply = Reflect.apply;
const Custom = CustomEvent;
const Plain = Event;
const detailOf = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail')?.get;
const { addEventListener: listen, removeEventListener: unlisten, dispatchEvent: dispatch } = EventTarget.prototype;
const test = RegExp.prototype.test;
const append = Element.prototype.append;
const remove = Element.prototype.remove;
const then = Promise.prototype.then;
const BlobOf = Blob;
const Item = typeof ClipboardItem === 'function' ? ClipboardItem : undefined;

/** Sets up the private channel (protocol.ts); returns `ask`, the page text → our answer. */
function privateChannel(): (text: unknown) => unknown {
  const node = document.createElement('rpk-bridge');
  let introduced = false;

  const introduce = (): void => {
    const root = document.documentElement;
    if (introduced || !root) return;
    apply(append, root, [node]);
    try {
      apply(dispatch, node, [new Plain(HELLO_EVENT, { bubbles: true })]);
    } finally {
      apply(remove, node, []);
    }
  };
  apply(listen, node, [
    ACK_EVENT,
    () => {
      introduced = true;
    },
    { once: true },
  ]);
  const onCall = (): void => {
    introduce();
    if (introduced) apply(unlisten, document, [CALL_EVENT, onCall]);
  };
  apply(listen, document, [CALL_EVENT, onCall]);
  introduce();
  if (introduced) apply(unlisten, document, [CALL_EVENT, onCall]);

  const ask = (text: unknown): unknown => {
    if (!introduced || typeof text !== 'string' || !apply(test, MAYBE_COMMAND, [text])) return text;
    let answer: string | undefined;
    const listener = (event: Event): void => {
      const detail: unknown = detailOf ? apply(detailOf, event, []) : undefined;
      if (typeof detail === 'string') answer = detail;
    };
    try {
      apply(listen, node, [ANSWER_EVENT, listener]);
      apply(dispatch, node, [new Custom(REQUEST_EVENT, { detail: text })]);
    } catch {
      answer = undefined;
    } finally {
      apply(unlisten, node, [ANSWER_EVENT, listener]);
    }
    return answer ?? text;
  };
  return ask;
}

// Keep each wrapper's name and length so the page sees the same function shape.
const wrap = <T extends object, K extends keyof T>(proto: T | undefined, key: K, make: (original: T[K]) => T[K]): void => {
  const original = proto?.[key];
  if (typeof original !== 'function') return;
  const wrapped = make(original);
  Object.defineProperties(wrapped, { name: { value: original.name }, length: { value: original.length } });
  Object.defineProperty(proto, key, { value: wrapped, writable: true, configurable: true, enumerable: false });
};

const clipboard = typeof Clipboard === 'function' ? Clipboard.prototype : undefined;

function wrapClipboard(ask: (text: unknown) => unknown): void {
  wrap(
    clipboard,
    'writeText',
    (original) =>
      function writeText(this: Clipboard, ...args: unknown[]) {
        if (args.length > 0) args[0] = ask(args[0]);
        return apply(original as (...a: unknown[]) => unknown, this, args);
      } as never,
  );

  // ClipboardItem data may be a string, a Blob or a promise of either; the replacement item keeps
  // every other type and resolves text/plain lazily, so write() is still called synchronously
  // (inside the page's user activation).
  wrap(
    clipboard,
    'write',
    (original) =>
      function write(this: Clipboard, ...args: unknown[]) {
        try {
          const items = args[0];
          if (Array.isArray(items) && Item) {
            args[0] = items.map((item: unknown) => {
              if (!(item instanceof Item) || !item.types.includes('text/plain')) return item;
              const data: Record<string, Promise<Blob>> = {};
              for (const type of item.types) {
                data[type] =
                  type === 'text/plain'
                    ? (apply(then, item.getType(type), [
                        async (blob: Blob) => {
                          const text = await blob.text();
                          const next = ask(text);
                          return next === text ? blob : new BlobOf([next as string], { type: 'text/plain' });
                        },
                      ]) as Promise<Blob>)
                    : item.getType(type);
              }
              return new Item(data, { presentationStyle: item.presentationStyle });
            });
          }
        } catch {
          // Leave the page's items as they were.
        }
        return apply(original as (...a: unknown[]) => unknown, this, args);
      } as never,
  );
}

function wrapSetData(ask: (text: unknown) => unknown): void {
  wrap(
    typeof DataTransfer === 'function' ? DataTransfer.prototype : undefined,
    'setData',
    (original) =>
      function setData(this: DataTransfer, ...args: unknown[]) {
        const format = typeof args[0] === 'string' ? args[0].toLowerCase() : '';
        // Only copy/cut: drag-and-drop data is not a clipboard write.
        const type = (globalThis as { event?: Event }).event?.type;
        if ((format === 'text/plain' || format === 'text') && (type === 'copy' || type === 'cut')) args[1] = ask(args[1]);
        return apply(original as (...a: unknown[]) => unknown, this, args);
      } as never,
  );
}

const ask = privateChannel();
wrapClipboard(ask);
wrapSetData(ask);
