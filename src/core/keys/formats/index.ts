/**
 * Multi-line blocks pasted into the key field: private keys (OpenSSH, PEM, PKCS#8, PuTTY, ssh.com) and
 * public keys in foreign formats (RFC 4716, PEM SPKI / PKCS#1). Each format has its own module
 * (read/write, in the manner of node-sshpk's formats/); this one finds the blocks and derives the
 * OpenSSH public line where it can. Tolerant inside a block: CRLF, stray spaces, odd wrap widths,
 * even a whole block collapsed onto one line.
 */
import { SshParseError } from '../../errors.ts';
import type { ForeignAdapter } from './foreign.ts';
import * as openssh from './openssh-private.ts';
import * as putty from './putty.ts';
import * as rfc4716 from './rfc4716.ts';
import * as pemPublic from './pem-public.ts';
import * as pemPrivate from './pem-private.ts';
import * as sshcom from './sshcom-private.ts';
import { lineView, splitLines, type Lines } from '../lines.ts';

export interface Block {
  kind: 'private-key' | 'foreign-format';
  format: string;
  /** 0-based indices into the lines array, inclusive. */
  startLine: number;
  endLine: number;
  /** The derived OpenSSH public key line (`type base64[ comment]`) when derivable now. */
  publicLine?: string;
  /** When not derivable: exactly what to run instead, e.g. "ssh-keygen -y -f ~/.ssh/id_rsa". */
  hint?: string;
  /** Derivable, but only once the foreign adapter is registered. */
  needsAdapter?: boolean;
  /** Why the block could not be read (the SshParseError message), when it is malformed. */
  error?: string;
  /** OpenSSH private keys and PuTTY files: whether the private part is encrypted. */
  encrypted?: boolean;
}

const PEM_BEGIN = /-----\s*BEGIN ([A-Z0-9 ]+?)\s*-----/;
const BODY_LINE = /^[A-Za-z0-9+/=]*$/;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:/;

/** Markers on a line with other text: a block collapsed onto one line. */
const STRAY_MARKER = /-{4,5}\s*(BEGIN|END) /;
const MARKER_LINE = /^-{4,5}\s*(BEGIN|END) [A-Z0-9 ]+?\s*-{4,5}$/;
const collapsed = (t: string): boolean => STRAY_MARKER.test(t) && !MARKER_LINE.test(t);

/** The block's lines, trimmed, with markers on lines of their own (a block collapsed onto one line). */
function logicalLines(lines: Lines, start: number, end: number): Lines {
  let any = false;
  for (let i = start; i <= end && !any; i++) any = collapsed((lines.at(i) as string).trim());
  if (!any) return lineView(lines, start, end - start + 1, (l) => l.trim());
  const out: string[] = [];
  for (let i = start; i <= end; i++) {
    const t = (lines.at(i) as string).trim();
    if (collapsed(t)) out.push(...splitCollapsed(t));
    else out.push(t);
  }
  return out;
}

function splitCollapsed(t: string): string[] {
  const out: string[] = [];
  for (const part of t.replace(/(-{4,5}\s*(?:BEGIN|END) [A-Z0-9 ]+?\s*-{4,5})/g, '\n$1\n').split('\n')) {
    const p = part.trim();
    if (!p) continue;
    // A quoted header (RFC 4716 `Comment: "…"`) followed by the body: keep the header whole.
    const quoted = /^([A-Za-z][A-Za-z0-9-]*:\s*"[^"]*")\s+(.*)$/.exec(p);
    if (quoted) out.push(quoted[1]!, ...quoted[2]!.split(/\s+/));
    else out.push(...(/^-{4}/.test(p) || HEADER_LINE.test(p) ? [p] : p.split(/\s+/)));
  }
  return out;
}

/** Index of the block's last line: the END marker, or (when it is missing) the last body-like line. */
function findEnd(lines: Lines, start: number, isEnd: (t: string) => boolean): number {
  let prev = (lines.at(start) as string).trim();
  if (isEnd(prev)) return start;
  let last = start;
  for (let i = start + 1; i < lines.length; i++) {
    const t = (lines.at(i) as string).trim();
    if (isEnd(t)) return i;
    // After a header line ending in a backslash (RFC 4716 §3.3), any text continues it.
    const continued = prev.endsWith('\\');
    prev = t;
    if (t === '' || PEM_BEGIN.test(t) || !(continued || BODY_LINE.test(t) || HEADER_LINE.test(t) || t.endsWith('\\'))) break;
    last = i;
  }
  return last;
}

function errorMessage(e: unknown): string {
  if (e instanceof SshParseError) return e.message;
  throw e;
}

/** The blocks of `lines`; PEM blocks derive their public line only with the `foreign` adapter. */
export function findBlocks(lines: Lines, foreign?: ForeignAdapter): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines.at(i) as string;
    // Cheap filter first: this runs on every keystroke.
    if (!raw.includes('BEGIN') && !raw.includes('PuTTY-User-Key-File-')) continue;
    const t = raw.trim();
    const block = t.startsWith('PuTTY-User-Key-File-') ? puttyBlock(lines, i) : armoredBlock(lines, i, t, foreign);
    if (!block) continue;
    blocks.push(block);
    i = block.endLine;
  }
  return blocks;
}

function puttyBlock(lines: Lines, i: number): Block | undefined {
  const block: Block = { kind: 'private-key', format: 'putty', startLine: i, endLine: i };
  try {
    const info = putty.read(lineView(lines, i, lines.length - i, (l) => l.replace(/\r$/, '')));
    block.endLine = i + info.lastLine;
    block.publicLine = info.publicLine;
    block.encrypted = info.encryption !== 'none';
  } catch (e) {
    block.error = errorMessage(e);
    block.endLine = findEnd(lines, i, (t) => t.startsWith('Private-MAC:'));
  }
  return block;
}

function armoredBlock(lines: Lines, i: number, t: string, foreign: ForeignAdapter | undefined): Block | undefined {
  // Before RFC 4716: ssh.com private keys wear the same four-dash SSH2 armor.
  if (sshcom.BEGIN_ANYWHERE.test(t)) return sshcomBlock(lines, i);
  if (/BEGIN SSH2 PUBLIC KEY/.test(t)) {
    const end = findEnd(lines, i, (s) => /END SSH2 PUBLIC KEY/.test(s));
    const block: Block = { kind: 'foreign-format', format: 'rfc4716', startLine: i, endLine: end };
    try {
      block.publicLine = rfc4716.read(logicalLines(lines, i, end)).publicLine;
    } catch (e) {
      block.error = errorMessage(e);
    }
    return block;
  }
  const m = PEM_BEGIN.exec(t);
  if (!m) return undefined;
  const label = m[1]!;
  const endRe = new RegExp(`-----\\s*END ${label}\\s*-----`);
  const end = endRe.test(t) ? i : findEnd(lines, i, (s) => endRe.test(s));
  const body = logicalLines(lines, i, end);
  if (label === 'OPENSSH PRIVATE KEY') {
    const block: Block = { kind: 'private-key', format: 'openssh', startLine: i, endLine: end };
    try {
      const info = openssh.read(body);
      block.publicLine = info.publicLine;
      block.encrypted = info.encrypted;
    } catch (e) {
      block.error = errorMessage(e);
      block.hint = pemPrivate.publicKeyCommand('~/.ssh/id_ed25519');
    }
    return block;
  }
  const privFormat = (pemPrivate.LABELS as Record<string, pemPrivate.PemPrivateFormat>)[label];
  if (privFormat) {
    const block: Block = { kind: 'private-key', format: privFormat, startLine: i, endLine: end };
    if (pemPrivate.isEncrypted(privFormat, body)) {
      block.encrypted = true;
      block.hint = pemPrivate.hintFor(privFormat);
      return block;
    }
    block.encrypted = false;
    return derive(block, foreign && (() => pemPrivate.read(body, foreign)), pemPrivate.hintFor(privFormat));
  }
  const pubFormat = (pemPublic.LABELS as Record<string, pemPublic.PemPublicFormat>)[label];
  if (pubFormat) {
    return derive(
      { kind: 'foreign-format', format: pubFormat, startLine: i, endLine: end },
      foreign && (() => pemPublic.read(body, foreign)),
    );
  }
  return undefined;
}

function sshcomBlock(lines: Lines, i: number): Block {
  const end = findEnd(lines, i, (s) => sshcom.END_ANYWHERE.test(s));
  const block: Block = { kind: 'private-key', format: 'sshcom', startLine: i, endLine: end };
  try {
    const info = sshcom.read(logicalLines(lines, i, end));
    block.encrypted = info.encrypted;
    if (info.publicLine) block.publicLine = info.publicLine;
    else if (info.type) block.hint = sshcom.publicKeyCommand(info.type);
  } catch (e) {
    block.error = errorMessage(e);
    block.hint = sshcom.publicKeyCommand(undefined);
  }
  return block;
}

/** Fills publicLine through the adapter (`read`), or marks the block as waiting for it. */
function derive(block: Block, read: (() => string) | undefined, hint?: string): Block {
  if (!read) {
    block.needsAdapter = true;
    if (hint) block.hint = hint;
    return block;
  }
  try {
    const line = read();
    if (line) block.publicLine = line;
  } catch (e) {
    block.error = errorMessage(e);
    if (hint) block.hint = hint;
  }
  return block;
}

/** True when `text` has a block only the foreign adapter can convert (the caller has none yet). */
export function needsForeignAdapter(text: string): boolean {
  return text.includes('-----BEGIN') && findBlocks(splitLines(text)).some((b) => b.needsAdapter === true);
}
