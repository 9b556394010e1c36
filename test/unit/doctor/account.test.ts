/**
 * accountKeysToStore: public key lines only (keys made by ssh-keygen), never private text or notes;
 * accountKeysAfterSave and saveNoticeVerdict: what a key save does to the remembered account keys.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { accountKeysAfterSave, accountKeysToStore, saveNoticeVerdict } from '../../../src/core/doctor/account.ts';
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

test('accountKeysAfterSave: the settings field replaces the account keys, an "Add SSH key" dialog appends once', () => {
  assert.deepEqual(accountKeysAfterSave(['a'], ['b', 'c'], 'replace'), ['b', 'c']);
  assert.deepEqual(accountKeysAfterSave(['a'], [], 'replace'), []);
  assert.deepEqual(accountKeysAfterSave(['a', 'b'], ['b', 'c'], 'append'), ['a', 'b', 'c']);
  assert.deepEqual(accountKeysAfterSave(undefined, ['c'], 'append'), ['c']);
});

test("saveNoticeVerdict: the console's success toasts, failures, and other notices", () => {
  for (const ok of ['Public Key Updated', 'SSH key added', 'Public keys saved', 'Settings updated', '  ssh  key\nupdated ']) {
    assert.equal(saveNoticeVerdict(ok), 'saved', ok);
  }
  for (const bad of [
    'Failed to update public key',
    'Error: invalid SSH key',
    'Public key could not be updated',
    "Couldn't save key",
    'SSH key not added',
  ]) {
    assert.equal(saveNoticeVerdict(bad), 'failed', bad);
  }
  for (const other of ['', 'Pod deployed', 'Copied to clipboard', 'API key created', 'Saving…']) {
    assert.equal(saveNoticeVerdict(other), undefined, other);
  }
});

test('saveNoticeVerdict: a notice naming a failure is never read as a success (property)', () => {
  const failure = fc.constantFrom('error', 'failed', 'invalid', 'unable', 'denied', 'could not', 'not saved');
  fc.assert(
    fc.property(fc.string(), failure, fc.string(), (before, word, after) => {
      const text = `${before} Public Key Updated ${word} ${after}`;
      assert.notEqual(saveNoticeVerdict(text), 'saved', text);
    }),
  );
});
