/** Browser stand-in for Node's `stream`: constructors only (assert-plus instanceof checks, sshpk's Signer/Verifier types). */
export function Stream(): void {}
export function Writable(): void {}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
export function Readable(): void {}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);

export default { Stream, Writable, Readable };
