// The few platform globals that exist in every context core runs in (Node >= 20, browsers, workers),
// declared here so that core does not pull in the DOM lib.
declare function atob(data: string): string;
declare function btoa(data: string): string;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare const crypto: {
  getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T;
  readonly subtle: unknown;
};
declare function queueMicrotask(cb: () => void): void;
// keygen/kdf.ts yields to the event loop between bcrypt steps.
declare function setTimeout(handler: () => void, timeout?: number): unknown;
