/**
 * The junk-line path (a 1 MB paste of non-keys; bench/analyze.ts): mayWrap never skips a line
 * tryUnwrap could join or gather; cleanLineText, excerpt, the not-a-key message and splitLines
 * give what their specifications (written out here) give, on fast-check strings heavy in the
 * characters those paths treat specially.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDetailed, analyzeKeys } from '../../../../src/core/keys/analyze.ts';
import { formatEn } from '../../../../src/core/i18n-format.ts';
import { splitLines } from '../../../../src/core/keys/lines.ts';
import { excerpt } from '../../../../src/core/keys/diagnostics/model.ts';
import { notAKeyIssue } from '../../../../src/core/keys/diagnostics/not-a-key.ts';
import { findBlobs } from '../../../../src/core/keys/diagnostics/scan.ts';
import { cleanLine, cleanLineText } from '../../../../src/core/keys/diagnostics/whitespace.ts';
import { mayWrap, tryUnwrap } from '../../../../src/core/keys/diagnostics/wrapped.ts';
import { generateKey } from '../../../helpers/openssh.ts';

const ed = generateKey({ kind: 'ed25519' }).publicLine;
const rsa = generateKey({ kind: 'rsa', bits: 2048 }).publicLine;
const [edType, edB64] = ed.split(' ') as [string, string];
const rsaB64 = rsa.split(' ')[1] as string;

/** Pieces keys are broken into, type words and their starts, and characters the cleaners treat specially. */
const piece = fc.oneof(
  fc.constantFrom(
    edType,
    'ssh-',
    'ss',
    's',
    'ecdsa-sha2-nistp2',
    'sk-',
    'rsa-x',
    'x509v3-',
    'e',
    'A',
    'AA',
    'AAA',
    'AAAA',
    'AAAAB',
    'Ax',
    'sA',
  ),
  fc.integer({ min: 1, max: 80 }).map((n) => edB64.slice(0, n)),
  fc.integer({ min: 1, max: 80 }).map((n) => edB64.slice(-n)),
  fc.integer({ min: 1, max: 400 }).map((n) => rsaB64.slice(0, n)),
  fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u2028', '\u200b', '\ufeff', '\u0007', '=', '==', 'é', '…', 'user@host', '$', 'SHA256:'),
  fc.stringMatching(/^[A-Za-z0-9+/=@. -]{1,12}$/),
);
const line = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
const field = fc.array(fc.oneof(line, fc.constant(ed), fc.constant(`${edType} ${edB64.slice(0, 30)}`), fc.constant(edB64.slice(30))), {
  minLength: 1,
  maxLength: 8,
});

test('property: mayWrap says no only where tryUnwrap fails at once, gathering nothing', () => {
  fc.assert(
    fc.property(field, (raw) => {
      const clean = (i: number): string => cleanLineText(raw[i] as string);
      for (let i = 0; i + 1 < raw.length; i++) {
        const t = clean(i);
        const hits = findBlobs(t);
        if (mayWrap(t, hits)) continue;
        assert.deepEqual(tryUnwrap(clean, raw, i, t, hits), { ok: false, gatheredThrough: i }, JSON.stringify(raw));
      }
    }),
    { numRuns: 3000 },
  );
});

/** The reference excerpt. */
function excerptRef(text: string, max = 40): string {
  const t = text.trim();
  const cut = t.length > max ? `${t.slice(0, max - 1)}…` : t;
  return /[^\x20-\x7e\u00a1-\uffff]/.test(cut)
    ? cut.replace(/[^\x20-\x7e\u00a1-\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    : cut;
}

test('property: cleanLineText, excerpt and the not-a-key message match their plain versions', () => {
  const text = fc.oneof(
    line,
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.array(piece, { minLength: 30, maxLength: 60 }).map((p) => p.join('')),
  );
  fc.assert(
    fc.property(text, fc.integer({ min: 0, max: 2_000_000 }), (s, n) => {
      assert.equal(cleanLineText(s), cleanLine(s).text);
      assert.equal(excerpt(s), excerptRef(s));
      assert.equal(excerpt(s, 12), excerptRef(s, 12));
      const t = cleanLineText(s).trim() || 'x';
      const issue = notAKeyIssue(n, t, false);
      assert.equal(
        formatEn({ key: issue.key, subs: issue.params }),
        `Line ${n} ("${excerptRef(t)}") is not an SSH public key. Only public key lines (ssh-ed25519 AAAA… comment) belong here: fix removes it.`,
      );
    }),
    { numRuns: 3000 },
  );
});

test('property: splitLines keeps every line and terminator (LF, CRLF, lone CR)', () => {
  const text = fc
    .array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '\r\r', ''), fc.stringMatching(/^[a-z ]{0,5}$/)), { maxLength: 20 })
    .map((p) => p.join(''));
  fc.assert(
    fc.property(text, (s) => {
      const f = splitLines(s);
      const lines = [...f];
      assert.deepEqual(lines, s.split(/\r\n|\r|\n/));
      assert.equal(f.length, lines.length);
      assert.equal(lines.map((l, i) => l + f.eol(i)).join(''), s);
      assert.equal(f.span(0, f.length), s);
      assert.equal(f.span(0, f.length, true), s.replace(/\r\n?/g, '\n'));
      assert.equal(f.at(f.length), undefined);
      const cr = s.search(/\r/);
      assert.equal(f.firstCrLine, cr < 0 ? -1 : s.slice(0, cr).split(/\r\n|\r|\n/).length - 1);
    }),
    { numRuns: 2000 },
  );
});

test('analyzeKeys and analyzeDetailed agree finding by finding on junk (analyzeKeys: the contract shape, in English)', () => {
  const junk = [
    '$ cat ~/.ssh/id_ed25519.pub',
    'x\u00a0y\tz',
    '  ',
    `${edType} ${edB64.slice(0, 40)}`,
    edB64.slice(0, 50),
    'é'.repeat(50),
    ed,
    ed,
  ].join('\n');
  const plain = analyzeKeys(junk);
  const detailed = analyzeDetailed(junk);
  assert.deepEqual(
    plain.findings,
    detailed.findings.map(({ code, severity, line, key, params, fixable }) => ({
      code,
      severity,
      line,
      message: formatEn({ key, subs: params }),
      fixable,
    })),
  );
  assert.ok(detailed.findings.every((f) => f.key !== '' && !('message' in f)));
  assert.ok(plain.findings.every((f) => Object.keys(f).join() === 'code,severity,line,message,fixable'));
});
