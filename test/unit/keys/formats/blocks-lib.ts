/** Helpers shared by the format tests (not a test file itself). */
import assert from 'node:assert/strict';
import { findBlocks, type Block } from '../../../../src/core/keys/formats/index.ts';
import { sshpkAdapter } from '../../../../src/core/keys/formats/sshpk-adapter.ts';

/** `type base64` of a public key line, without its comment. */
export const typeAndBlob = (line: string): string => line.split(' ').slice(0, 2).join(' ');

/** The one block `findBlocks` (with the foreign adapter) sees in `text` (fails the test unless there is exactly one). */
export function onlyBlock(text: string): Block {
  const blocks = findBlocks(text.split('\n'), sshpkAdapter);
  assert.equal(blocks.length, 1, text);
  return blocks[0]!;
}
