/**
 * PowerShell and cmd quoting, tested against their documented rules (no pwsh or cmd.exe here;
 * PowerShell is not packaged in Debian). The oracle is a parser of the documented rules:
 * - "Parsing C++ command-line arguments" (MSVC runtime / CommandLineToArgvW): how ssh.exe splits
 *   its command line;
 * - cmd /?: cmd hands the line to the program unchanged except for %VAR%, !VAR! (delayed
 *   expansion) and unquoted `& | < > ^ ( )`; `"` toggles its quote state;
 * - about_Quoting_Rules / about_Parsing: PowerShell single-quoted strings (‘ ’ ‚ ‛ count as quotes,
 *   doubled to escape), and Windows PowerShell 5.1's Legacy native-argument passing (wraps an
 *   argument containing whitespace in "…" without escaping anything).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { quoteArg, quoteKeyPath, rewriteCommand } from '../../../src/core/command/index.ts';
import { LONE_SURROGATE } from './cases.ts';

/** CommandLineToArgvW / MSVC rules (argv[0] treated like the others: fine for our program names). */
export function crtSplit(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let arg = '';
    let inQ = false;
    while (i < line.length && (inQ || (line[i] !== ' ' && line[i] !== '\t'))) {
      let bs = 0;
      while (line[i] === '\\') {
        bs++;
        i++;
      }
      if (line[i] === '"') {
        arg += '\\'.repeat(Math.floor(bs / 2));
        if (bs % 2 === 1) {
          arg += '"';
          i++;
        } else if (inQ && line[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else {
          inQ = !inQ;
          i++;
        }
      } else {
        arg += '\\'.repeat(bs);
        if (i < line.length && (inQ || (line[i] !== ' ' && line[i] !== '\t'))) arg += line[i++];
      }
    }
    out.push(arg);
  }
  return out;
}

/** What cmd does to a line before the program sees it; throws where cmd would interpret something. */
function cmdPass(line: string, env: Record<string, string>): string {
  let inQ = false;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') inQ = !inQ;
    if (c === '!') throw new Error('! would expand under cmd /V:ON');
    if (c === '%') {
      const close = line.indexOf('%', i + 1);
      const name = line.slice(i + 1, close);
      if (close < 0 || !(name in env)) throw new Error(`stray % at ${i}`);
      out += env[name];
      i = close;
      continue;
    }
    if (!inQ && '&|<>^()'.includes(c)) throw new Error(`unquoted ${c}`);
    out += c;
  }
  if (inQ) throw new Error('unbalanced quotes');
  return out;
}

const PS_SQ = "'\u2018\u2019\u201a\u201b";
/** PowerShell argument mode for the forms we emit; returns argv as PowerShell binds it. */
function psArgs(line: string, env: Record<string, string>): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    const c = line[i]!;
    if (PS_SQ.includes(c)) {
      let s = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error('unterminated single quote');
        if (PS_SQ.includes(line[i]!)) {
          if (!PS_SQ.includes(line[i + 1] ?? '')) break;
          s += line[i + 1];
          i += 2;
          continue;
        }
        s += line[i++];
      }
      i++;
      if (i < line.length && line[i] !== ' ') throw new Error('text glued to a quoted string');
      out.push(s);
    } else if (c === '"') {
      const m = /^"(\$env:[A-Za-z]+|\$HOME)((?:[^"`$]|`.)*)"/.exec(line.slice(i));
      if (!m) throw new Error('unsupported double-quoted form');
      const v = m[1]!.replace(/^\$env:/, '');
      out.push(env[v]! + m[2]!.replace(/`(.)/g, '$1'));
      i += m[0].length;
    } else {
      let j = i;
      while (j < line.length && line[j] !== ' ') j++;
      const w = line.slice(i, j);
      if (!/^(?:-{1,2}[A-Za-z0-9][A-Za-z0-9-]*|[A-Za-z_./\\~][A-Za-z0-9_./\\:+=~@-]*|[1-9][0-9]*)$/.test(w))
        throw new Error(`unsafe bareword ${w}`);
      out.push(w);
      i = j;
    }
  }
  return out;
}

/** Windows PowerShell 5.1 Legacy passing: join, wrapping whitespace-containing args in "…". */
function legacyLine(args: string[]): string {
  return args.map((a) => (/[ \t]/.test(a) ? `"${a}"` : a)).join(' ');
}

const ENV = { USERPROFILE: 'C:\\Users\\Jo Doe', HOME: 'C:\\Users\\Jo Doe', HOMEDRIVE: 'C:', HOMEPATH: '\\Users\\Jo Doe' };
const pathArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'abcXYZ019._-\\/: '),
      fc.constantFrom(...'\'"`$!;&|<>()[]{}*?#~%^=,@+‘’“”–é中😀'),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    ),
    { minLength: 1, maxLength: 16 },
  )
  .map((a) => a.join(''));
const prefixArb = fc.constantFrom(
  '',
  'C:\\Users\\me\\.ssh\\',
  '\\\\server\\share\\keys\\',
  '~/.ssh/',
  '$env:USERPROFILE\\.ssh\\',
  '%USERPROFILE%\\.ssh\\',
  '-',
  '@',
  '--%',
  '{',
);

function expand(path: string, shell: 'powershell' | 'cmd'): string {
  if (shell === 'powershell') return path.replace(/^\$env:USERPROFILE(?=[\\/])/i, ENV.USERPROFILE);
  return path.replace(/^%USERPROFILE%(?=[\\/])/i, ENV.USERPROFILE);
}
const REFUSE_ALWAYS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

for (const shell of ['powershell', 'cmd'] as const) {
  test(`${shell}: the program receives exactly the key path, or the path is refused with a reason`, () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(prefixArb, pathArb, (prefix, rest) => {
        const path = prefix + rest;
        const r = rewriteCommand('ssh root@149.36.0.213 -p 42442 -i ~/.ssh/id_ed25519', { keyPath: path, shell, identitiesOnly: true });
        const live = shell === 'cmd' ? /^%USERPROFILE%(?=[\\/])/i : /^\$env:USERPROFILE(?=[\\/])/i;
        const literal = path.replace(live, '');
        const mustRefuse =
          path === '' ||
          REFUSE_ALWAYS.test(path) ||
          LONE_SURROGATE.test(path) ||
          literal.includes('%') ||
          literal.includes('${') ||
          literal.includes('"') ||
          (shell === 'cmd' && literal.includes('!')) ||
          (shell === 'powershell' && (/\s/.test(path) || live.test(path)) && path.endsWith('\\'));
        if (mustRefuse) {
          refused++;
          assert.equal(r.ok, false, `emitted ${JSON.stringify(path)}: ${r.ok ? r.command : ''}`);
          if (!r.ok) assert.match(r.reason, /key path/);
          return;
        }
        assert.ok(r.ok, `refused ${JSON.stringify(path)}: ${r.ok ? '' : r.reason}`);
        accepted++;
        const want = ['ssh', 'root@149.36.0.213', '-p', '42442', '-i', expand(path, shell), '-o', 'IdentitiesOnly=yes'];
        const argv = shell === 'cmd' ? crtSplit(cmdPass(r.command, ENV)) : crtSplit(legacyLine(psArgs(r.command, ENV)));
        assert.deepEqual(argv, want, r.command);
      }),
      { numRuns: 3000 },
    );
    assert.ok(accepted > 500 && refused > 100, `${accepted} accepted, ${refused} refused`);
  });
}

test('documented examples', () => {
  const q = (v: string, s: 'powershell' | 'cmd') => {
    const r = quoteArg(v, s);
    return r.ok ? r.text : `refused: ${r.reason}`;
  };
  assert.equal(q("it's", 'powershell'), "'it''s'");
  assert.equal(q('a\u2019b', 'powershell'), "'a\u2019\u2019b'");
  assert.equal(q('--%', 'powershell'), "'--%'");
  assert.equal(q('@x', 'powershell'), "'@x'");
  assert.equal(q('{x}', 'powershell'), "'{x}'");
  assert.equal(q('-a.b', 'powershell'), "'-a.b'");
  assert.equal(q('1kb', 'powershell'), "'1kb'");
  assert.equal(q('a,b', 'powershell'), "'a,b'");
  assert.match(q('a"b', 'powershell'), /^refused: .*double quote/);
  assert.equal(q('C:\\My Keys\\id', 'cmd'), '"C:\\My Keys\\id"');
  assert.equal(q('C:\\My Keys\\', 'cmd'), '"C:\\My Keys\\\\"');
  assert.equal(q('a&b^c', 'cmd'), '"a&b^c"');
  assert.match(q('50%off', 'cmd'), /^refused: .*%/);
  assert.match(q('hi!', 'cmd'), /^refused: .*delayed expansion/);
  const k = (p: string, s: 'powershell' | 'cmd') => {
    const r = quoteKeyPath(p, s);
    return r.ok ? r.text : `refused: ${r.reason}`;
  };
  assert.equal(k('%USERPROFILE%\\.ssh\\id_ed25519', 'cmd'), '"%USERPROFILE%\\.ssh\\id_ed25519"');
  assert.equal(k('$env:USERPROFILE\\.ssh\\my $key', 'powershell'), '"$env:USERPROFILE\\.ssh\\my `$key"');
  assert.equal(k('~/.ssh/id_ed25519', 'powershell'), '~/.ssh/id_ed25519');
  assert.equal(k('\\\\server\\share\\id', 'cmd'), '\\\\server\\share\\id');
  assert.deepEqual(crtSplit('a "b c" d\\\\"e f"\\ g\\"h'), ['a', 'b c', 'd\\e f\\', 'g"h']);
});
