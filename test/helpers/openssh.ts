/**
 * Test oracle around the real `ssh-keygen` (OpenSSH 9.2 on Debian 12): generates keys of every
 * type/size into a per-process temp dir and reads back what OpenSSH itself prints (fingerprints,
 * randomart, `-y`, `-e`, `-i`). Keys are cached per process: RSA 4096 takes seconds.
 * Everything is synchronous so tests can use it at module top level.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { SshWriter } from '../../src/core/wire/writer.ts';

export type KeyKind = 'ed25519' | 'rsa' | 'ecdsa' | 'dsa';
export interface KeySpec {
  kind: KeyKind;
  bits?: number;
}
export type PrivateFormat = 'openssh' | 'PEM' | 'PKCS8';

/** Every type/size ssh-keygen 9.2 can generate here. */
export const ALL_SPECS: readonly KeySpec[] = [
  { kind: 'ed25519' },
  { kind: 'rsa', bits: 1024 },
  { kind: 'rsa', bits: 2048 },
  { kind: 'rsa', bits: 3072 },
  { kind: 'rsa', bits: 4096 },
  { kind: 'ecdsa', bits: 256 },
  { kind: 'ecdsa', bits: 384 },
  { kind: 'ecdsa', bits: 521 },
  { kind: 'dsa', bits: 1024 },
];

export interface KeygenList {
  /** The whole line, e.g. `256 SHA256:abc comment (ED25519)`. */
  line: string;
  bits: number;
  fingerprint: string;
  comment: string;
  label: string;
}

export interface GeneratedTestKey {
  spec: KeySpec;
  privatePath: string;
  publicPath: string;
  /** Contents of the .pub file without the newline: `type base64 comment`. */
  publicLine: string;
  type: string;
  blob: Uint8Array;
  comment: string;
  passphrase: string;
  format: PrivateFormat;
  /** `ssh-keygen -l -E sha256 -f pub` parsed. */
  sha256: KeygenList;
  /** `ssh-keygen -l -E md5 -f pub` parsed. */
  md5: KeygenList;
  /** Randomart lines of `ssh-keygen -lv -E sha256|md5 -f pub` (the frame incl.). */
  randomartSha256: string;
  randomartMd5: string;
}

let dir: string | undefined;
/** The process-wide temp dir (removed at exit). */
export function tempDir(): string {
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'rpk-openssh-'));
    const d = dir;
    process.on('exit', () => rmSync(d, { recursive: true, force: true }));
  }
  return dir;
}

let counter = 0;
/** A fresh path inside the temp dir. */
export function tempPath(name: string): string {
  return join(tempDir(), `${counter++}-${name}`);
}

/** Runs ssh-keygen; throws with its stderr on failure. */
export function sshKeygen(args: readonly string[], input?: string): string {
  const r = spawnSync('ssh-keygen', args, { encoding: 'utf8', input: input ?? '' });
  if (r.status !== 0) throw new Error(`ssh-keygen ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Like sshKeygen but returns status/stdout/stderr without throwing. */
export function sshKeygenRaw(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('ssh-keygen', args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses `ssh-keygen -l` output: `BITS FP COMMENT (LABEL)`. */
export function parseListLine(out: string): KeygenList {
  const line = out.split('\n')[0]!.trim();
  const m = /^(\d+) (\S+) (.*) \(([^()]+)\)$/.exec(line);
  if (!m) throw new Error(`unexpected ssh-keygen -l output: ${line}`);
  return { line, bits: Number(m[1]), fingerprint: m[2]!, comment: m[3]!, label: m[4]! };
}

/** `ssh-keygen -l -E hash -f path` (works for public key files, certs and authorized_keys-style lines). */
export function keygenList(path: string, hash: 'sha256' | 'md5' = 'sha256'): KeygenList {
  return parseListLine(sshKeygen(['-l', '-E', hash, '-f', path]));
}

/** The randomart block from `ssh-keygen -lv`, frame lines included, joined with '\n'. */
export function keygenRandomart(path: string, hash: 'sha256' | 'md5' = 'sha256'): string {
  const lines = sshKeygen(['-lv', '-E', hash, '-f', path]).split('\n');
  const start = lines.findIndex((l) => l.startsWith('+'));
  return lines.slice(start, start + 11).join('\n');
}

/** Fingerprint of a public key line, via a temp file (e.g. for hand-built keys). */
export function listLine(publicLine: string, hash: 'sha256' | 'md5' = 'sha256'): KeygenList {
  const p = tempPath('line.pub');
  writeFileSync(p, publicLine + '\n');
  return keygenList(p, hash);
}
export function randomartLine(publicLine: string, hash: 'sha256' | 'md5' = 'sha256'): string {
  const p = tempPath('line.pub');
  writeFileSync(p, publicLine + '\n');
  return keygenRandomart(p, hash);
}

export function blobOf(publicLine: string): Uint8Array {
  const b64 = publicLine.trim().split(/\s+/)[1];
  if (!b64) throw new Error(`no blob in ${publicLine}`);
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

const cache = new Map<string, GeneratedTestKey>();

/**
 * Generates (once per process) a key pair with ssh-keygen. `format` is the private key file format
 * (`-m`), `passphrase` goes to `-N`.
 */
export function generateKey(spec: KeySpec, opts: { passphrase?: string; format?: PrivateFormat; comment?: string } = {}): GeneratedTestKey {
  const passphrase = opts.passphrase ?? '';
  const format = opts.format ?? 'openssh';
  const comment = opts.comment ?? `${spec.kind}${spec.bits ?? ''}@rpk-test`;
  const id = JSON.stringify([spec.kind, spec.bits, passphrase, format, comment]);
  const hit = cache.get(id);
  if (hit) return hit;
  const privatePath = tempPath(`id_${spec.kind}${spec.bits ?? ''}`);
  const args = ['-q', '-t', spec.kind, '-N', passphrase, '-C', comment, '-f', privatePath];
  if (spec.bits && spec.kind !== 'ed25519') args.push('-b', String(spec.bits));
  if (format !== 'openssh') args.push('-m', format);
  sshKeygen(args);
  const key = describe(privatePath, `${privatePath}.pub`, spec, passphrase, format);
  cache.set(id, key);
  return key;
}

function describe(privatePath: string, publicPath: string, spec: KeySpec, passphrase: string, format: PrivateFormat): GeneratedTestKey {
  const publicLine = readFileSync(publicPath, 'utf8').trim();
  const [type, , ...rest] = publicLine.split(' ');
  return {
    spec,
    privatePath,
    publicPath,
    publicLine,
    type: type!,
    blob: blobOf(publicLine),
    comment: rest.join(' '),
    passphrase,
    format,
    sha256: keygenList(publicPath, 'sha256'),
    md5: keygenList(publicPath, 'md5'),
    randomartSha256: keygenRandomart(publicPath, 'sha256'),
    randomartMd5: keygenRandomart(publicPath, 'md5'),
  };
}

/** All ALL_SPECS keys (unencrypted OpenSSH format). */
export function allKeys(): GeneratedTestKey[] {
  return ALL_SPECS.map((s) => generateKey(s));
}

export interface TestCertificate {
  certPath: string;
  /** `type-cert-v01@openssh.com base64 comment`. */
  certLine: string;
  blob: Uint8Array;
  sha256: KeygenList;
  md5: KeygenList;
  randomartSha256: string;
  randomartMd5: string;
}

const certCache = new Map<string, TestCertificate>();
/**
 * Signs `key`'s public key with a CA (`ssh-keygen -s ca -I id -n principals key.pub`);
 * `ca` defaults to an ed25519 key; `host` makes a host certificate (-h).
 */
export function certify(
  key: GeneratedTestKey,
  opts: { ca?: GeneratedTestKey; identity?: string; principals?: string[]; host?: boolean; validity?: string; options?: string[] } = {},
): TestCertificate {
  const ca = opts.ca ?? generateKey({ kind: 'ed25519' }, { comment: 'ca@rpk-test' });
  const id = JSON.stringify([key.publicPath, ca.privatePath, opts]);
  const hit = certCache.get(id);
  if (hit) return hit;
  // ssh-keygen writes <key>-cert.pub next to the public key: copy it to a fresh name first.
  const base = tempPath('certkey');
  writeFileSync(`${base}.pub`, key.publicLine + '\n');
  const args = ['-q', '-s', ca.privatePath, '-I', opts.identity ?? 'rpk-test-id', '-n', (opts.principals ?? ['root', 'ubuntu']).join(',')];
  if (opts.host) args.push('-h');
  if (opts.validity) args.push('-V', opts.validity);
  for (const o of opts.options ?? []) args.push('-O', o);
  args.push(`${base}.pub`);
  sshKeygen(args);
  const certPath = `${base}-cert.pub`;
  const certLine = readFileSync(certPath, 'utf8').trim();
  const cert: TestCertificate = {
    certPath,
    certLine,
    blob: blobOf(certLine),
    sha256: keygenList(certPath, 'sha256'),
    md5: keygenList(certPath, 'md5'),
    randomartSha256: keygenRandomart(certPath, 'sha256'),
    randomartMd5: keygenRandomart(certPath, 'md5'),
  };
  certCache.set(id, cert);
  return cert;
}

export type ExportFormat = 'RFC4716' | 'PKCS8' | 'PEM';
/** `ssh-keygen -e -m FORMAT -f pub` — the public key in a foreign format. */
export function exportPublic(publicPath: string, format: ExportFormat): string {
  return sshKeygen(['-e', '-m', format, '-f', publicPath]);
}

/** `ssh-keygen -i -m FORMAT -f file` — foreign public key back to an OpenSSH line (no comment). */
export function importPublic(text: string, format: ExportFormat): string {
  const p = tempPath('foreign.txt');
  writeFileSync(p, text);
  return sshKeygen(['-i', '-m', format, '-f', p]).trim();
}

/** `ssh-keygen -y -f priv` — derives the public line (`type base64 [comment]`). */
export function derivePublic(privatePath: string, passphrase = ''): string {
  return sshKeygen(['-y', '-P', passphrase, '-f', privatePath]).trim();
}

/** Writes text to a fresh temp file and returns its path. */
export function writeTemp(name: string, text: string): string {
  const p = tempPath(name);
  writeFileSync(p, text, { mode: 0o600 });
  return p;
}

/** The private key file's text. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** `puttygen` path when putty-tools is installed, else null. */
export function puttygen(): string | null {
  try {
    execFileSync('puttygen', ['--version'], { stdio: 'ignore' });
    return 'puttygen';
  } catch {
    return null;
  }
}

/**
 * Security-key (FIDO) public keys cannot be generated here without hardware, so these build the
 * blobs by hand per PROTOCOL.u2f: ed25519: string type, string pk(32), string application;
 * ecdsa: string type, string "nistp256", string Q (uncompressed, a real P-256 point), string application.
 * `ssh-keygen -l -f` accepts them, which the tests check.
 */
export function skPublicLine(kind: 'ed25519' | 'ecdsa', comment = `sk-${kind}@rpk-test`, application = 'ssh:'): string {
  const w = new SshWriter();
  if (kind === 'ed25519') {
    w.string('sk-ssh-ed25519@openssh.com').bytes(ed25519.getPublicKey(ed25519.utils.randomSecretKey()));
  } else {
    w.string('sk-ecdsa-sha2-nistp256@openssh.com').string('nistp256').bytes(p256.getPublicKey(p256.utils.randomSecretKey(), false));
  }
  w.string(application);
  const blob = w.toBytes();
  const type = kind === 'ed25519' ? 'sk-ssh-ed25519@openssh.com' : 'sk-ecdsa-sha2-nistp256@openssh.com';
  return `${type} ${Buffer.from(blob).toString('base64')} ${comment}`;
}

/** A GeneratedTestKey-like record for a hand-built sk key (no private part). */
export function skKey(kind: 'ed25519' | 'ecdsa'): GeneratedTestKey {
  const id = `sk-${kind}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const line = skPublicLine(kind);
  const publicPath = writeTemp(`${id}.pub`, line + '\n');
  const key = describe('', publicPath, { kind: kind === 'ed25519' ? 'ed25519' : 'ecdsa', bits: 256 }, '', 'openssh');
  cache.set(id, key);
  return key;
}

/**
 * Oracle for a copied command: real `bash` splits it into argv (as the user's shell would), and
 * real `ssh -G` resolves that argv: host, port, user, exactly one identity file, IdentitiesOnly.
 */
export function assertSshResolves(
  command: string,
  want: { hostname: string; port: number; user: string; identityFile: string; identitiesOnly: boolean },
): void {
  const argv = execFileSync('bash', ['-c', 'eval "set -- $1" && printf "%s\\0" "$@"', 'bash', command], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);
  assert.equal(argv[0], 'ssh', command);
  const g = execFileSync('ssh', ['-G', ...argv.slice(1)], { encoding: 'utf8' });
  const one = (name: string): string[] => g.split('\n').filter((l) => l.startsWith(`${name} `));
  assert.deepEqual(one('hostname'), [`hostname ${want.hostname}`]);
  assert.deepEqual(one('port'), [`port ${want.port}`]);
  assert.deepEqual(one('user'), [`user ${want.user}`]);
  assert.deepEqual(one('identityfile'), [`identityfile ${want.identityFile}`]);
  assert.deepEqual(one('identitiesonly'), [`identitiesonly ${want.identitiesOnly ? 'yes' : 'no'}`]);
}
