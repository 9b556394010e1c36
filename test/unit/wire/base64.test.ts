/**
 * wire/base64.ts: the table-driven decoder against Node's own base64 (an independent oracle), and the
 * native path (Uint8Array.fromBase64 with our strictness wrapper) against the table-driven one in
 * real Chromium — Node 20 has no fromBase64, so that is where the native path can run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ts from 'typescript';
import { chromium } from 'playwright-core';
import { decodeBase64, decodeBase64Js, encodeBase64 } from '../../../src/core/wire/base64.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hex = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('hex'));

/** Strings near base64: valid encodings (padded or not) of random bytes, mutated, and random text of base64-ish characters. */
const CHARS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  '=',
  '=',
  ' ',
  '\t',
  '\n',
  '\r',
  '\f',
  '\v',
  '-',
  '_',
  '\u00a0',
  'é',
  '\0',
];
const near = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((b) => encodeBase64(b)),
  fc.uint8Array({ maxLength: 40 }).map((b) => encodeBase64(b, false)),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.constantFrom(...CHARS), fc.boolean()).map(([b, at, c, pad]) => {
    const s = encodeBase64(b, pad);
    const i = at % (s.length + 1);
    return s.slice(0, i) + c + s.slice(i + (at & 1)); // insert or replace one character
  }),
  fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((a) => a.join('')),
  // Whitespace inside a valid encoding (fromBase64 itself would skip it).
  fc
    .tuple(
      fc.uint8Array({ maxLength: 40 }),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\t', '\n', '\r', '\f')), { minLength: 1, maxLength: 4 }),
    )
    .map(([b, pad, ws]) =>
      ws.reduce((s, [at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1)), encodeBase64(b, pad)),
    ),
);

/** What strict, padding-optional base64 means, from Node's lenient decoder: the input is exactly the canonical text of its bytes. */
function oracle(s: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const bytes = Buffer.from(s, 'base64');
  const canonical = bytes.toString('base64');
  return s === canonical || s === canonical.replace(/=+$/, '') ? bytes.toString('hex') : null;
}

test('table-driven decoder: exactly the canonical base64 of some bytes, padding optional (fast-check vs Node)', () => {
  fc.assert(
    fc.property(near, (s) => {
      assert.equal(hex(decodeBase64Js(s)), oracle(s));
    }),
    { numRuns: 20000 },
  );
});

test('decodeBase64 gives what the table-driven decoder gives (here; Chromium, with fromBase64, below)', () => {
  for (const s of fc.sample(near, 2000)) assert.equal(hex(decodeBase64(s)), hex(decodeBase64Js(s)));
});

test('native path (Uint8Array.fromBase64 + strictness wrapper) agrees with the table-driven decoder in Chromium', async () => {
  // The module has no imports: transpiled as CommonJS, it runs in the page as a function body.
  const js = ts.transpileModule(readFileSync(new URL('../../../src/core/wire/base64.ts', import.meta.url), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const samples = [
    ...fc.sample(near, 30000),
    '',
    '=',
    '==',
    'A',
    'AA',
    'AA=',
    'AA==',
    'AB==',
    'AAA',
    'AAB=',
    'AAAA',
    'AA==AA==',
    'AAAA====',
    ' AAAA',
    'AA AA',
    'AAAA\n',
    'AAAA    ',
    'AA\nAA',
    'AAAA\r\n\r\n',
    'AAB=    ',
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // Plain JS source, not a function: tsx would add its __name helper to a function's text.
    // fromBase64 is wrapped before the module loads, so the calls it counts are decodeBase64's.
    const res = (await page.evaluate(`(() => {
      const fromBase64 = Uint8Array.fromBase64;
      let nativeCalls = 0;
      Uint8Array.fromBase64 = (...args) => (nativeCalls++, fromBase64.apply(Uint8Array, args));
      const exports = {};
      new Function('exports', ${JSON.stringify(js)})(exports);
      const samples = ${JSON.stringify(samples)};
      const show = (b) => (b === null ? 'null' : Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));
      const mismatches = [];
      let native = 0;
      for (const s of samples) {
        const before = nativeCalls;
        const a = show(exports.decodeBase64(s));
        native += nativeCalls > before ? 1 : 0;
        const b = show(exports.decodeBase64Js(s));
        if (a !== b) mismatches.push([s, a, b]);
      }
      return { native, mismatches: mismatches.slice(0, 5), count: mismatches.length };
    })()`)) as { native: number; mismatches: [string, string, string][]; count: number };
    assert.ok(
      res.native > samples.length / 2,
      `Chromium has Uint8Array.fromBase64, so decodeBase64 must use it (${res.native} of ${samples.length} calls did)`,
    );
    assert.deepEqual(res.mismatches, [], `${res.count} of ${samples.length} strings decode differently`);
  } finally {
    await browser.close();
  }
});
