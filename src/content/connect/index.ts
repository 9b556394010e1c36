// STUB — replaced by the connect/command-rewrite work.
export function startConnect(): void {}
