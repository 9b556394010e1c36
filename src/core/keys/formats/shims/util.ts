/** Browser stand-in for Node's `util`: what sshpk and assert-plus use (inherits, format). */
export function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export function format(f: string, ...args: unknown[]): string {
  let i = 0;
  return String(f).replace(/%[sdj%]/g, (m) =>
    m === '%%' ? '%' : i < args.length ? (m === '%j' ? JSON.stringify(args[i++]) : String(args[i++])) : m,
  );
}

export default { inherits, format };
