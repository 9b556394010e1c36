/**
 * The `_locales` catalogues: en and de agree (keys, placeholders, nothing empty), every key the
 * code names exists, and every core finding's `i18n` reference, formatted from the English
 * catalogue with Chrome's substitution rules, is exactly the English `message` core wrote —
 * so the catalogue can never drift from core. Findings come from real inputs (keys made by
 * ssh-keygen) plus direct calls for the diagnostics whose variants are cheaper to enumerate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDetailed } from '../../src/core/keys/analyze.ts';
import { blockIssue } from '../../src/core/keys/diagnostics/blocks.ts';
import { whitespaceI18n, whitespaceMessage, type CleanLine, type WsKind } from '../../src/core/keys/diagnostics/whitespace.ts';
import { fingerprintIssue } from '../../src/core/keys/diagnostics/fingerprint.ts';
import { explainKeyData, invalidBlobIssue } from '../../src/core/keys/diagnostics/invalid-key.ts';
import { weakKeyIssue } from '../../src/core/keys/diagnostics/weak-key.ts';
import { KNOWN_TYPES } from '../../src/core/keys/diagnostics/scan.ts';
import type { KeyOcc } from '../../src/core/keys/diagnostics/model.ts';
import type { Block } from '../../src/core/keys/formats/index.ts';
import type { FindingCode, I18nText } from '../../src/core/types.ts';
import { formatter, loadCatalogue, type CatalogueEntry } from '../helpers/catalogue.ts';
import { certify, exportPublic, generateKey } from '../helpers/openssh.ts';

const ROOT = resolve(import.meta.dirname, '../..');
type Entry = CatalogueEntry;
const en = loadCatalogue('en');
const de = loadCatalogue('de');
const seen = new Set<string>();
const format = formatter(seen);

// --- the catalogues themselves ---

const placeholdersIn = (message: string): string[] => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase()).sort();

test('en and de have the same keys, the same placeholders, and no empty messages', () => {
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  for (const [key, e] of Object.entries(en)) {
    const d = de[key] as Entry;
    assert.match(key, /^[A-Za-z0-9_@]+$/, 'Chrome message names');
    assert.ok(!key.startsWith('@@'), `${key}: reserved`);
    assert.ok(e.message.trim() !== '' && d.message.trim() !== '', `${key}: empty message`);
    assert.deepEqual(d.placeholders ?? {}, e.placeholders ?? {}, `${key}: placeholders`);
    // Every placeholder is declared, used, and used in both languages.
    const declared = Object.keys(e.placeholders ?? {}).map((k) => k.toLowerCase()).sort();
    assert.deepEqual([...new Set(placeholdersIn(e.message))].sort(), declared, `${key}: en uses exactly its placeholders`);
    assert.deepEqual([...new Set(placeholdersIn(d.message))].sort(), declared, `${key}: de uses exactly its placeholders`);
    // A lone `$` that is not `$$`, `$n` or `$name$` is shown differently by Chrome and Firefox.
    for (const m of [e.message, d.message]) {
      const rest = m.replace(/\$([A-Za-z0-9_@]+)\$/g, '').replace(/\$\$|\$[1-9]/g, '');
      assert.ok(!rest.includes('$'), `${key}: stray $ in ${JSON.stringify(m)}`);
    }
    assert.ok(e.description === undefined || e.description.trim() !== '', `${key}: empty description`);
  }
});

test('the manifest, the popup markup and the code name only keys that exist', () => {
  const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
  const used = new Map<string, string>();
  for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) used.set(m[1] as string, 'manifest.json');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  for (const file of walk(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) used.set(m[1] as string, file);
    // t('key' …), tx('key' …) (core) and key tables written as `: 'someKey'` next to tx.
    for (const m of text.matchAll(/\bt(?:x)?\(\s*'([A-Za-z0-9_@]+)'/g)) used.set(m[1] as string, file);
  }
  assert.ok(used.size > 100, `found ${used.size} keys in use`);
  for (const [key, file] of used) assert.ok(key in en, `${file} uses unknown message ${key}`);
  assert.match(readFileSync(join(ROOT, 'src/popup/index.html'), 'utf8'), /data-i18n=/);
});

// --- core findings format to exactly their English message ---

function checkFinding(f: { code: FindingCode; line?: number; message: string; i18n?: I18nText; fix?: { label: string; i18n?: I18nText } }, where: string): void {
  assert.ok(f.i18n, `${where}: ${f.code} finding without i18n: ${f.message}`);
  // The panel shows no "Line N:" before core's sentences (key-field/field.ts): each names its line.
  if (f.line !== undefined) assert.match(f.message, new RegExp(`\\b[Ll]ines? ${f.line}\\b|line ${f.line} on`), `${where}: names its line`);
  assert.equal(format(en, f.i18n), f.message, `${where}: ${f.i18n.key}`);
  // German formats too (no missing key or placeholder) and differs from the English text.
  assert.notEqual(format(de, f.i18n), f.message, `${where}: ${f.i18n.key} is not translated`);
  if (f.fix) {
    assert.ok(f.fix.i18n, `${where}: fix "${f.fix.label}" without i18n`);
    assert.equal(format(en, f.fix.i18n), f.fix.label);
  }
}

const ed = generateKey({ kind: 'ed25519' });
const rsa = generateKey({ kind: 'rsa', bits: 2048 });
const rsa1024 = generateKey({ kind: 'rsa', bits: 1024 });
const ec256 = generateKey({ kind: 'ecdsa', bits: 256 });
const dsa = generateKey({ kind: 'dsa', bits: 1024 });
const edB64 = ed.publicLine.split(' ')[1] as string;
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
/** An SSH wire string (RFC 4251 §5). */
const sshString = (s: string | Uint8Array): Buffer => {
  const body = typeof s === 'string' ? Buffer.from(s, 'latin1') : Buffer.from(s);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
};
const edKey = ed.blob.subarray(ed.blob.length - 32);

const CORPUS: Record<string, { text: string; knownKeys?: string[] }> = {
  'private key': { text: `${rsa.publicLine}\n${readFileSync(ed.privatePath, 'utf8')}` },
  'rfc4716 public key': { text: exportPublic(ed.publicPath, 'RFC4716') },
  certificate: { text: certify(ed).certLine },
  duplicate: { text: `${ed.publicLine}\n${ed.publicLine} other` },
  'fingerprint, unknown': { text: ed.sha256.fingerprint },
  'fingerprint, in the field': { text: `${ed.publicLine}\n${ed.sha256.fingerprint}` },
  'fingerprint, known key': { text: ed.sha256.fingerprint, knownKeys: [ed.publicLine] },
  'md5 fingerprint': { text: ed.md5.fingerprint },
  joined: { text: `${ed.publicLine} ${rsa.publicLine}` },
  'missing type': { text: `${edB64} laptop` },
  'text before the key': { text: `$ cat ~/.ssh/id_ed25519.pub ${ed.publicLine}` },
  'not a key': { text: `my laptop key\n${ed.publicLine}` },
  options: { text: `no-pty,from="10.0.0.1" ${ed.publicLine}` },
  'type mismatch': { text: `ssh-rsa ${edB64} laptop` },
  dsa: { text: dsa.publicLine },
  'unknown type': { text: `ssh-foo ${b64(Buffer.concat([sshString('ssh-foo'), sshString(edKey)]))} x` },
  'weak rsa': { text: rsa1024.publicLine },
  'whitespace, tolerated': { text: `  ${ed.publicLine}  ` },
  'whitespace, breaking': { text: ed.publicLine.replace(' ', '\u00a0').replace('AAAAC3', 'AAAA\u200bC3') },
  'whitespace, tab and glued': { text: `ssh-ed25519\t${edB64}laptop` },
  'whitespace, space in the type word': { text: `ssh-ed 25519 ${edB64} laptop` },
  'whitespace only': { text: `${ed.publicLine}\n \u200b \n${rsa.publicLine}` },
  'CR line endings': { text: `${ed.publicLine}\r\n${rsa.publicLine}\r\n` },
  wrapped: { text: `ssh-ed25519 ${edB64.slice(0, 30)}\n${edB64.slice(30)} laptop` },
  'type word, no data': { text: 'ssh-ed25519' },
  'bad base64 character': { text: `ssh-ed25519 ${edB64.slice(0, 20)}!${edB64.slice(21)} x` },
  'padding in the middle': { text: `ssh-ed25519 AAAAC3Nz=== x` },
  'padding missing': { text: ec256.publicLine.replace(/=+ /, ' ') },
  'cut off base64': { text: `ssh-ed25519 ${edB64.slice(0, 29)} x` },
  'cut off key': { text: `ssh-ed25519 ${edB64.slice(0, 60)} x` },
  'no key type in data': { text: `ssh-ed25519 AAAAAAAAAAAA x` },
  'corrupt type (docs example)': { text: `ssh-ed25519 ${b64(Buffer.concat([sshString('\x83sh-ed25%19'), sshString(edKey)]))} x` },
  'corrupt type, no type word': { text: b64(Buffer.concat([sshString('\x83sh-ed25%19'), sshString(edKey)])) },
  'unknown inner type': { text: `ssh-ed25519 ${b64(Buffer.concat([sshString('ssh-foo'), sshString(edKey)]))} x` },
  'damaged inner key': { text: `ssh-ed25519 ${b64(Buffer.concat([sshString('ssh-ed25519'), sshString(edKey.subarray(0, 31))]))} x` },
  'damaged prefix': { text: `AAAAC3NzaC1lZDI1 ${ed.publicLine}` },
  'damaged key in the comment': { text: `${ed.publicLine.split(' ').slice(0, 2).join(' ')} AAAAC3NzaC1lZDI1NTE5AAAAIOMq` },
  'point off the curve': {
    text: `ecdsa-sha2-nistp256 ${b64(Buffer.from(ec256.blob.map((v, i) => (i === ec256.blob.length - 1 ? v ^ 1 : v))))} x`,
  },
};

test('every finding of the corpus formats from the English catalogue to exactly its message', () => {
  const codes = new Set<FindingCode>();
  for (const [name, { text, knownKeys }] of Object.entries(CORPUS)) {
    const a = analyzeDetailed(text, knownKeys ? { knownKeys } : {});
    assert.ok(a.findings.length > 0, `${name}: no finding`);
    for (const f of a.findings) {
      codes.add(f.code);
      checkFinding(f, name);
    }
  }
  const all: FindingCode[] = ['private-key', 'fingerprint', 'missing-type', 'joined', 'wrapped', 'type-mismatch', 'foreign-format', 'invalid-key', 'unsupported-type', 'weak-key', 'whitespace', 'not-a-key', 'duplicate', 'certificate', 'options-prefix'];
  assert.deepEqual([...codes].sort(), [...all].sort(), 'the corpus produces every finding code');
});

test('block findings: every format, with and without an error, each way forward', () => {
  const formats = ['openssh', 'pem-rsa', 'pem-ec', 'pem-dsa', 'pkcs8', 'pkcs8-encrypted', 'putty', 'sshcom', 'rfc4716', 'pem-spki', 'pem-pkcs1-public', 'x509'];
  const ways: Partial<Block>[] = [{ publicLine: 'ssh-ed25519 AAAA x' }, { needsAdapter: true }, { hint: 'ssh-keygen -y -f ~/.ssh/id_rsa' }, {}];
  for (const format of formats) {
    for (const kind of ['private-key', 'foreign-format'] as const) {
      for (const way of ways) {
        for (const error of [undefined, 'bad checksum']) {
          const block = { kind, format, startLine: 2, endLine: 9, ...way, ...(error && { error }) } as Block;
          checkFinding({ ...blockIssue(3, block) }, `${kind} ${format}`);
        }
      }
    }
  }
});

test('a blocked private paste restates core\'s private-key finding without its line (key-field paste.ts)', () => {
  // paste.ts formats pasteBlockedPrivate(Error) from the finding's subs after the line number;
  // in English that must be exactly core's sentence with "Lines n… are" turned into "It is".
  const ways: Partial<Block>[] = [{ publicLine: 'ssh-ed25519 AAAA x' }, { needsAdapter: true }, { hint: 'ssh-keygen -y -f ~/.ssh/id_rsa' }, {}];
  for (const blockFormat of ['openssh', 'pem-rsa', 'pkcs8-encrypted', 'putty', 'x509']) {
    for (const way of ways) {
      for (const error of [undefined, 'bad checksum']) {
        const issue = blockIssue(3, { kind: 'private-key', format: blockFormat, startLine: 2, endLine: 9, ...way, ...(error && { error }) } as Block);
        assert.ok(issue.i18n);
        const key = { findingPrivateKey: 'pasteBlockedPrivate', findingPrivateKeyError: 'pasteBlockedPrivateError' }[issue.i18n.key];
        assert.ok(key, issue.i18n.key);
        const restated = { key, subs: issue.i18n.subs.slice(1) };
        const english = `This paste was blocked and never reached the page or the field. ${issue.message.replace(/^Lines 3… are /, 'It is ')}`;
        assert.notEqual(english, `This paste was blocked and never reached the page or the field. ${issue.message}`);
        assert.equal(format(en, restated), english);
        assert.ok(!format(de, restated).includes('$'), format(de, restated));
      }
    }
  }
});

test('whitespace findings: every combination of what a line can have', () => {
  const kinds: WsKind[] = ['tab', 'nbsp', 'invisible', 'control'];
  for (let mask = 1; mask < 1 << 9; mask++) {
    const changes: CleanLine['changes'] = kinds.filter((_, i) => mask & (1 << i)).map((kind, at) => ({ kind, at }));
    const bit = (i: number): boolean => (mask & (1 << (4 + i))) !== 0;
    const extras = { leading: bit(0), trailing: bit(1), multiple: bit(2), glued: bit(3), cr: bit(4) };
    for (const breaking of [false, true]) {
      const message = whitespaceMessage(4, changes, extras, breaking);
      const i18n = whitespaceI18n(4, changes, extras, breaking);
      assert.ok(message !== null && i18n !== null);
      checkFinding({ code: 'whitespace', message, i18n }, `whitespace ${mask}`);
    }
  }
  assert.equal(whitespaceI18n(1, [], { leading: false, trailing: false, multiple: false, glued: false, cr: false }, false), null);
});

test('the rest of the variants: fingerprint matches, an unreadable key, RSA under 1024 bits', () => {
  for (const match of [null, { kind: 'known' } as const, { kind: 'in-field', line: 2 } as const]) {
    checkFinding(fingerprintIssue(5, 'SHA256:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ', match), 'fingerprint');
  }
  // A key that reads fine is "could not be read" only by explainKeyData called out of turn.
  checkFinding(explainKeyData(1, 'ssh-ed25519', edB64, KNOWN_TYPES), 'unreadable');
  // The scanner parses every blob it finds, so analysis reports bad points through explainKeyData.
  checkFinding(invalidBlobIssue(2, 'ecdsa-sha2-nistp256', 'public point is not on the nistp256 curve'), 'invalid blob');
  const weak = weakKeyIssue(1, { parsed: { type: 'ssh-rsa', bits: 768, certificate: false, label: 'RSA', supported: true } } as KeyOcc);
  assert.ok(weak);
  checkFinding(weak, 'weak 768');
});

test('every catalogue key core refers to was produced and checked above', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  const referenced = new Set<string>();
  for (const file of walk(join(ROOT, 'src/core/keys'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('tx(')) continue;
    // tx('key', …) calls and the key tables (NAME_KEYS) of the diagnostics.
    for (const m of text.matchAll(/'((?:finding|invalid|block|fingerprint|ws|list|fix)[A-Z][A-Za-z0-9]*)'/g)) referenced.add(m[1] as string);
  }
  assert.ok(referenced.size > 50, `found ${referenced.size}`);
  const missed = [...referenced].filter((k) => !seen.has(k));
  assert.deepEqual(missed, [], 'keys referenced by core but never produced by the corpus');
});
