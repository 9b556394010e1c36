/**
 * `invalid-key`: a line that means to be a key but is not readable: base64 that is not base64
 * (RFC 4648 §4), a blob that is truncated or malformed (RFC 4253 §6.6), or a point that is not on
 * its curve (RFC 5656 §3.1; checked as sshkey_ec_validate_public does). The Runpod docs' own sample
 * key is one: its blob decodes to the type "\x83sh-ed25%19".
 */
import { decodeBase64 } from '../../wire/base64.ts';
import { parseKeyBlob } from '../blob.ts';
import { SshParseError } from '../../errors.ts';
import { blobTypeName } from './scan.ts';
import { isBase64Char } from '../../wire/base64.ts';
import type { CatalogueKey, I18nText } from '../../types.ts';
import { excerpt, issue, tx, type Issue } from './model.ts';
import { unsupportedTypeIssue } from './unsupported-type.ts';

const invalid = (key: CatalogueKey, ...params: (string | number | I18nText)[]): Issue => issue('invalid-key', 'error', key, ...params);

/** Explains why `data` after the type word `typeWord` is not a key. */
export function explainKeyData(line: number, typeWord: string | null, data: string | undefined, known: ReadonlySet<string>): Issue {
  const subject = typeWord ? tx('invalidSubjectTyped', excerpt(typeWord, 40), line) : tx('invalidSubjectData', line);
  if (data === undefined) return invalid('invalidNoData', line, excerpt(typeWord ?? '', 40));
  let bad = -1;
  const body = data.replace(/=+$/, '');
  for (let i = 0; i < body.length; i++) {
    if (!isBase64Char(body.charCodeAt(i))) {
      bad = i;
      break;
    }
  }
  if (bad >= 0) return invalid('invalidBadChar', subject, excerpt(body[bad] as string), bad + 1);
  const bytes = decodeBase64(data);
  if (!bytes) return /=/.test(data.slice(0, -2)) ? invalid('invalidPadding', subject) : invalid('invalidCutOff', subject);
  const inner = blobTypeName(bytes);
  if (inner === null) return invalid('invalidNoType', subject);
  if (!/^[\x21-\x7e]+$/.test(inner)) return invalid('invalidCorrupt', subject, excerpt(inner, 40), typeWord ?? tx('invalidAKeyType'));
  if (!known.has(inner)) {
    if (typeWord === null || typeWord === inner) return unsupportedTypeIssue(line, inner, false);
    return invalid('invalidUnknownInner', subject, excerpt(inner, 40));
  }
  try {
    parseKeyBlob(bytes);
  } catch (e) {
    if (!(e instanceof SshParseError)) throw e;
    // The parser's detail stays English in every language (its catalogue entry says so).
    return invalid(e.code === 'truncated' ? 'invalidTruncated' : 'invalidDamaged', subject, e.message);
  }
  return invalid('invalidUnreadable', subject);
}

/** Text before a key that looks like a damaged key rather than options or notes. */
export function damagedPrefixIssue(line: number, text: string): Issue {
  return invalid('invalidDamagedPrefix', line, excerpt(text));
}

/**
 * A key whose base64 lacks its final "=" padding. OpenSSH's decoder (b64_pton, as RFC 4648 §3.2
 * allows) requires it, so sshd and ssh-keygen reject the line, although the bytes are all there.
 * Not fixable by contract (`invalid-key`); the message names the characters to add.
 */
export function missingPaddingIssue(line: number, type: string, pad: string): Issue {
  return invalid('invalidMissingPadding', type, line, pad);
}

/** A complete blob that parsed structurally but failed validation. */
export function invalidBlobIssue(line: number, type: string, error: string): Issue {
  return invalid('invalidBlob', type, line, error);
}

/** A key's comment that holds what looks like another, damaged key (base64 starting "AAAA"). */
export function damagedCommentIssue(line: number, comment: string): Issue | null {
  if (!/(?:^|\s)AAAA[A-Za-z0-9+/]{12,}|(?:^|\s)AAAA[A-Za-z0-9+/]{4,}=*$/.test(comment)) return null;
  return invalid('invalidDamagedComment', line, comment.length > 40 ? `${comment.slice(0, 39)}…` : comment);
}
