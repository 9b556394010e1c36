/** accountKeysToStore: public key lines only (keys made by ssh-keygen), never private text or notes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { accountKeysToStore } from '../../../src/core/doctor/account.ts';
import { generateKey } from '../../helpers/openssh.ts';

test('keeps each valid public key line once, drops notes, private keys and broken lines', () => {
  const a = generateKey({ kind: 'ed25519' });
  const b = generateKey({ kind: 'rsa', bits: 2048 });
  const priv = readFileSync(a.privatePath, 'utf8');
  const field = `${a.publicLine}\r\n\n# my laptop\n${b.publicLine}\n${a.publicLine}\nssh-ed25519 AAAAbroken x\n${priv}`;
  assert.deepEqual(accountKeysToStore(field), [a.publicLine, b.publicLine]);
  assert.deepEqual(accountKeysToStore(''), []);
  assert.deepEqual(accountKeysToStore(priv), []);
});
