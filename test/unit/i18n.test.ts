/**
 * The `_locales` catalogues: en and de agree (keys, placeholders, nothing empty), every key the
 * code names exists, and every core finding (catalogue key + params) formats from the English
 * catalogue to exactly today's sentence: keys/finding-sentences.json, captured from the English
 * builders core had before findings carried data (commit 1acbf8f). Both core's formatter
 * (core/i18n-format.ts, analyzeKeys' `message`) and this test's own implementation of Chrome's
 * getMessage rules must give it. Findings come from real inputs (keys made by ssh-keygen,
 * keys/finding-corpus.ts) plus direct calls for the variants cheaper to enumerate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDetailed, analyzeKeys } from '../../src/core/keys/analyze.ts';
import { formatEn } from '../../src/core/i18n-format.ts';
import { blockIssue } from '../../src/core/keys/diagnostics/blocks.ts';
import { whitespaceIssue, type CleanLine, type WsKind } from '../../src/core/keys/diagnostics/whitespace.ts';
import { fingerprintIssue } from '../../src/core/keys/diagnostics/fingerprint.ts';
import { explainKeyData, invalidBlobIssue } from '../../src/core/keys/diagnostics/invalid-key.ts';
import { weakKeyIssue } from '../../src/core/keys/diagnostics/weak-key.ts';
import { KNOWN_TYPES } from '../../src/core/keys/diagnostics/scan.ts';
import type { Issue, KeyOcc } from '../../src/core/keys/diagnostics/model.ts';
import type { Block } from '../../src/core/keys/formats/index.ts';
import type { FindingCode, I18nText } from '../../src/core/types.ts';
import { formatter, loadCatalogue, type CatalogueEntry } from '../helpers/catalogue.ts';
import { CORPUS, ed, edB64 } from './keys/finding-corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
type Entry = CatalogueEntry;
const en = loadCatalogue('en');
const de = loadCatalogue('de');
const seen = new Set<string>();
const format = formatter(seen);

// --- the catalogues themselves ---

const placeholdersIn = (message: string): string[] =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase()).sort();

test('en and de have the same keys, the same placeholders, and no empty messages', () => {
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  for (const [key, e] of Object.entries(en)) {
    const d = de[key] as Entry;
    assert.match(key, /^[A-Za-z0-9_@]+$/, 'Chrome message names');
    assert.ok(!key.startsWith('@@'), `${key}: reserved`);
    assert.ok(e.message.trim() !== '' && d.message.trim() !== '', `${key}: empty message`);
    assert.deepEqual(d.placeholders ?? {}, e.placeholders ?? {}, `${key}: placeholders`);
    // Every placeholder is declared, used, and used in both languages.
    const declared = Object.keys(e.placeholders ?? {})
      .map((k) => k.toLowerCase())
      .sort();
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

// --- core findings format to exactly today's English sentences ---

interface Sentence {
  code: FindingCode;
  line: number;
  message: string;
  fix?: string;
}
const golden = JSON.parse(readFileSync(join(ROOT, 'test/unit/keys/finding-sentences.json'), 'utf8')) as {
  corpus: Record<string, Sentence[]>;
  blocks: Record<string, string>;
  whitespace: Record<string, string>;
  variants: Record<string, string>;
};
/** The golden sentences with this run's fingerprints (finding-corpus.ts tokenize). */
const untokenize = (s: string): string =>
  s.replaceAll('{sha256}', ed.sha256.fingerprint.slice(0, 30)).replaceAll('{md5}', ed.md5.fingerprint.slice(0, 30));

/** Core's formatter and the test's Chrome rules both give `expected`; German formats and differs. */
function checkText(text: I18nText, expected: string, where: string, translated = true): void {
  assert.equal(formatEn(text), expected, `${where}: ${text.key} (core)`);
  assert.equal(format(en, text), expected, `${where}: ${text.key}`);
  if (translated) assert.notEqual(format(de, text), expected, `${where}: ${text.key} is not translated`);
}

const textOf = (f: { key: string; params: I18nText['subs'] }): I18nText => ({ key: f.key, subs: f.params });

function checkIssue(is: Issue, expected: string | undefined, where: string, line?: number): void {
  assert.ok(expected !== undefined, `${where}: no golden sentence`);
  // The panel shows no "Line N:" before core's sentences (key-field/field.ts): each names its line.
  if (line !== undefined) assert.match(expected, new RegExp(`\\b[Ll]ines? ${line}\\b|line ${line} on`), `${where}: names its line`);
  checkText(textOf(is), expected, where);
}

test("every finding of the corpus formats from the English catalogue to exactly today's sentence", () => {
  const codes = new Set<FindingCode>();
  for (const [name, { text, knownKeys }] of Object.entries(CORPUS)) {
    const opts = knownKeys ? { knownKeys } : {};
    const a = analyzeDetailed(text, opts);
    const want = (golden.corpus[name] ?? []).map((w) => ({ ...w, message: untokenize(w.message) }));
    assert.ok(a.findings.length > 0, `${name}: no finding`);
    assert.deepEqual(
      a.findings.map((f) => [f.code, f.line, f.fix !== undefined]),
      want.map((w) => [w.code, w.line, w.fix !== undefined]),
      name,
    );
    a.findings.forEach((f, i) => {
      const w = want[i] as Sentence;
      codes.add(f.code);
      checkIssue(f, w.message, name, f.line);
      if (f.fix) checkText(f.fix.label, w.fix as string, `${name} fix`, false);
    });
    // The contract's analyzeKeys says the same sentences.
    assert.deepEqual(
      analyzeKeys(text, opts).findings.map((f) => f.message),
      want.map((w) => w.message),
      `${name}: analyzeKeys`,
    );
  }
  const all: FindingCode[] = [
    'private-key',
    'fingerprint',
    'missing-type',
    'joined',
    'wrapped',
    'type-mismatch',
    'foreign-format',
    'invalid-key',
    'unsupported-type',
    'weak-key',
    'whitespace',
    'not-a-key',
    'duplicate',
    'certificate',
    'options-prefix',
  ];
  assert.deepEqual([...codes].sort(), [...all].sort(), 'the corpus produces every finding code');
});

const FORMATS = [
  'openssh',
  'pem-rsa',
  'pem-ec',
  'pem-dsa',
  'pkcs8',
  'pkcs8-encrypted',
  'putty',
  'sshcom',
  'rfc4716',
  'pem-spki',
  'pem-pkcs1-public',
  'x509',
];
const WAYS: [string, Partial<Block>][] = [
  ['public', { publicLine: 'ssh-ed25519 AAAA x' }],
  ['adapter', { needsAdapter: true }],
  ['hint', { hint: 'ssh-keygen -y -f ~/.ssh/id_rsa' }],
  ['none', {}],
];

test('block findings: every format, with and without an error, each way forward', () => {
  for (const format of FORMATS) {
    for (const kind of ['private-key', 'foreign-format'] as const) {
      for (const [way, fields] of WAYS) {
        for (const error of [undefined, 'bad checksum']) {
          const block = { kind, format, startLine: 2, endLine: 9, ...fields, ...(error && { error }) } as Block;
          const where = `${kind} ${format} ${way}${error ? ' error' : ''}`;
          checkIssue(blockIssue(3, block), golden.blocks[where], where, 3);
        }
      }
    }
  }
});

test("a blocked private paste restates core's private-key finding without its line (key-field paste.ts)", () => {
  // paste.ts formats pasteBlockedPrivate(Error) from the finding's params after the line number;
  // in English that must be exactly core's sentence with "Lines n… are" turned into "It is".
  for (const blockFormat of ['openssh', 'pem-rsa', 'pkcs8-encrypted', 'putty', 'x509']) {
    for (const [way, fields] of WAYS) {
      for (const error of [undefined, 'bad checksum']) {
        const issue = blockIssue(3, {
          kind: 'private-key',
          format: blockFormat,
          startLine: 2,
          endLine: 9,
          ...fields,
          ...(error && { error }),
        } as Block);
        const message = golden.blocks[`private-key ${blockFormat} ${way}${error ? ' error' : ''}`] as string;
        const key = (
          { findingPrivateKey: 'pasteBlockedPrivate', findingPrivateKeyError: 'pasteBlockedPrivateError' } as Record<string, string>
        )[issue.key];
        assert.ok(key, issue.key);
        const restated = { key, subs: issue.params.slice(1) };
        const english = `This paste was blocked and never reached the page or the field. ${message.replace(/^Lines 3… are /, 'It is ')}`;
        assert.notEqual(english, `This paste was blocked and never reached the page or the field. ${message}`);
        assert.equal(format(en, restated), english);
        assert.ok(!format(de, restated).includes('$'), format(de, restated));
      }
    }
  }
});

test('whitespace findings: every item, every list of one to three items, and all nine', () => {
  const kinds: WsKind[] = ['tab', 'nbsp', 'invisible', 'control'];
  let checked = 0;
  for (let mask = 1; mask < 1 << 9; mask++) {
    const changes: CleanLine['changes'] = kinds.filter((_, i) => mask & (1 << i)).map((kind, at) => ({ kind, at }));
    const bit = (i: number): boolean => (mask & (1 << (4 + i))) !== 0;
    const extras = { leading: bit(0), trailing: bit(1), multiple: bit(2), glued: bit(3), cr: bit(4) };
    for (const breaking of [false, true]) {
      const issue = whitespaceIssue(4, changes, extras, breaking);
      assert.ok(issue !== null);
      assert.equal(issue.severity, breaking ? 'error' : 'warning');
      const expected = golden.whitespace[`${mask}${breaking ? ' breaking' : ''}`];
      if (expected === undefined) continue;
      checkIssue(issue, expected, `whitespace ${mask}`, 4);
      checked++;
    }
  }
  assert.equal(checked, Object.keys(golden.whitespace).length);
  assert.equal(whitespaceIssue(1, [], { leading: false, trailing: false, multiple: false, glued: false, cr: false }, false), null);
});

test('the rest of the variants: fingerprint matches, an unreadable key, RSA under 1024 bits', () => {
  const fp = 'SHA256:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
  checkIssue(fingerprintIssue(5, fp, null), golden.variants['fingerprint none'], 'fingerprint', 5);
  checkIssue(fingerprintIssue(5, fp, { kind: 'known' }), golden.variants['fingerprint known'], 'fingerprint known', 5);
  checkIssue(fingerprintIssue(5, fp, { kind: 'in-field', line: 2 }), golden.variants['fingerprint in-field'], 'fingerprint in-field', 5);
  // A key that reads fine is "could not be read" only by explainKeyData called out of turn.
  checkIssue(explainKeyData(1, 'ssh-ed25519', edB64, KNOWN_TYPES), golden.variants.unreadable, 'unreadable', 1);
  // The scanner parses every blob it finds, so analysis reports bad points through explainKeyData.
  checkIssue(
    invalidBlobIssue(2, 'ecdsa-sha2-nistp256', 'public point is not on the nistp256 curve'),
    golden.variants['invalid blob'],
    'invalid blob',
    2,
  );
  const weak = weakKeyIssue(1, { parsed: { type: 'ssh-rsa', bits: 768, certificate: false, label: 'RSA', supported: true } } as KeyOcc);
  assert.ok(weak);
  checkIssue(weak, golden.variants['weak 768'], 'weak 768', 1);
});

test('every catalogue key core refers to was produced and checked above', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  const referenced = new Set<string>();
  for (const file of walk(join(ROOT, 'src/core/keys'))) {
    // issue(code, severity, 'key', …), tx('key', …) calls and the key tables (NAME_KEYS) of the diagnostics.
    for (const m of readFileSync(file, 'utf8').matchAll(/'((?:finding|invalid|block|fingerprint|ws|list|fix)[A-Z][A-Za-z0-9]*)'/g))
      referenced.add(m[1] as string);
  }
  assert.ok(referenced.size > 50, `found ${referenced.size}`);
  for (const key of referenced) assert.ok(key in en, `core names unknown message ${key}`);
  const missed = [...referenced].filter((k) => !seen.has(k));
  assert.deepEqual(missed, [], 'keys referenced by core but never produced by the corpus');
});

test('no English finding sentence is spelled in src/core/keys: the catalogue is their one source', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  const sentences = [
    ...Object.values(golden.blocks),
    ...Object.values(golden.variants),
    ...Object.values(golden.corpus)
      .flat()
      .map((w) => w.message),
  ];
  // Every run of five words between the substitutions of a finding's catalogue entry.
  const fragments = new Set<string>();
  for (const key of Object.keys(en)) {
    if (!/^(finding|invalid|block|fingerprint|ws|fix)[A-Z]/.test(key)) continue;
    for (const part of (en[key] as Entry).message.split(/\$[A-Za-z0-9_@]+\$/)) {
      const words = part.trim().split(/\s+/);
      for (let i = 0; i + 5 <= words.length; i++) fragments.add(words.slice(i, i + 5).join(' '));
    }
  }
  assert.ok(sentences.length > 100 && fragments.size > 30, `${sentences.length} sentences, ${fragments.size} fragments`);
  for (const file of walk(join(ROOT, 'src/core/keys'))) {
    const code = readFileSync(file, 'utf8').replace(/^\s*(?:\/\/|\*|\/\*\*).*$/gm, ''); // comments may quote them
    for (const f of fragments) assert.ok(!code.includes(f), `${file} spells "${f}"`);
  }
});
