// STUB — replaced by the key-field validator work.
export function startKeyField(): void {}
