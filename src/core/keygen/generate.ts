// STUB — replaced by the keygen work.
import type { GenerateKeyOptions, GeneratedKey } from '../types.ts';
export async function generateKey(_opts: GenerateKeyOptions = {}): Promise<GeneratedKey> {
  throw new Error('not implemented');
}
