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
import type { I18nText } from '../../types.ts';
import { excerpt, tx, type Issue } from './model.ts';
import { unsupportedTypeIssue } from './unsupported-type.ts';

const AGAIN = 'Copy the whole line again from your .pub file (e.g. `cat ~/.ssh/id_ed25519.pub`).';

const invalid = (message: string, i18n: I18nText): Issue => ({ code: 'invalid-key', severity: 'error', message, i18n });

/** Explains why `data` after the type word `typeWord` is not a key. */
export function explainKeyData(line: number, typeWord: string | null, data: string | undefined, known: ReadonlySet<string>): Issue {
  const subject = typeWord ? `The ${excerpt(typeWord, 40)} key on line ${line}` : `The key data on line ${line}`;
  const subjectT = typeWord ? tx('invalidSubjectTyped', excerpt(typeWord, 40), line) : tx('invalidSubjectData', line);
  if (data === undefined) {
    return invalid(`Line ${line} has the type word "${excerpt(typeWord ?? '', 40)}" but no key data after it. ${AGAIN}`, tx('invalidNoData', line, excerpt(typeWord ?? '', 40)));
  }
  let bad = -1;
  const body = data.replace(/=+$/, '');
  for (let i = 0; i < body.length; i++) {
    if (!isBase64Char(body.charCodeAt(i))) {
      bad = i;
      break;
    }
  }
  if (bad >= 0) {
    return invalid(`${subject} is not valid base64: "${excerpt(body[bad] as string)}" (character ${bad + 1} of the key data) cannot appear in a key. ${AGAIN}`, tx('invalidBadChar', subjectT, excerpt(body[bad] as string), bad + 1));
  }
  const bytes = decodeBase64(data);
  if (!bytes) {
    return /=/.test(data.slice(0, -2))
      ? invalid(`${subject} is not valid base64: it has "=" padding in the middle. ${AGAIN}`, tx('invalidPadding', subjectT))
      : invalid(`${subject} is incomplete: its base64 was cut off. ${AGAIN}`, tx('invalidCutOff', subjectT));
  }
  const inner = blobTypeName(bytes);
  if (inner === null) return invalid(`${subject} is damaged: its data does not start with a key type. ${AGAIN}`, tx('invalidNoType', subjectT));
  if (!/^[\x21-\x7e]+$/.test(inner)) {
    return invalid(`${subject} is corrupt: its data decodes to the type "${excerpt(inner, 40)}" instead of "${typeWord ?? 'a key type'}" (the Runpod docs' example key is broken in exactly this way). ${AGAIN}`,
      tx('invalidCorrupt', subjectT, excerpt(inner, 40), typeWord ?? tx('invalidAKeyType')),
    );
  }
  if (!known.has(inner)) {
    if (typeWord === null || typeWord === inner) return unsupportedTypeIssue(line, inner, false);
    return invalid(`${subject} is damaged: its data says it is a "${excerpt(inner, 40)}" key, which OpenSSH does not know. ${AGAIN}`, tx('invalidUnknownInner', subjectT, excerpt(inner, 40)));
  }
  try {
    parseKeyBlob(bytes);
  } catch (e) {
    if (!(e instanceof SshParseError)) throw e;
    const reason = e.code === 'truncated' ? 'is incomplete (cut off)' : 'is damaged';
    return invalid(`${subject} ${reason}: ${e.message}. ${AGAIN}`, tx(e.code === 'truncated' ? 'invalidTruncated' : 'invalidDamaged', subjectT, e.message));
  }
  return invalid(`${subject} could not be read. ${AGAIN}`, tx('invalidUnreadable', subjectT));
}

/** Text before a key that looks like a damaged key rather than options or notes. */
export function damagedPrefixIssue(line: number, text: string): Issue {
  return invalid(`Line ${line} starts with "${excerpt(text)}", which looks like a damaged key, before a valid one. ${AGAIN}`, tx('invalidDamagedPrefix', line, excerpt(text)));
}

/**
 * A key whose base64 lacks its final "=" padding. OpenSSH's decoder (b64_pton, as RFC 4648 §3.2
 * allows) requires it, so sshd and ssh-keygen reject the line, although the bytes are all there.
 * Not fixable by contract (`invalid-key`); the message names the characters to add.
 */
export function missingPaddingIssue(line: number, type: string, pad: string): Issue {
  return invalid(
    `The ${type} key on line ${line} lacks the "${pad}" that ends its data (base64 padding), and OpenSSH rejects it without. Add "${pad}" right after the key data (before the space and comment), or ${AGAIN[0]!.toLowerCase()}${AGAIN.slice(1)}`,
    tx('invalidMissingPadding', type, line, pad),
  );
}

/** A complete blob that parsed structurally but failed validation. */
export function invalidBlobIssue(line: number, type: string, error: string): Issue {
  return invalid(`The ${type} key on line ${line} is damaged: ${error}. ${AGAIN}`, tx('invalidBlob', type, line, error));
}

/** A key's comment that holds what looks like another, damaged key (base64 starting "AAAA"). */
export function damagedCommentIssue(line: number, comment: string): Issue | null {
  if (!/(?:^|\s)AAAA[A-Za-z0-9+/]{12,}|(?:^|\s)AAAA[A-Za-z0-9+/]{4,}=*$/.test(comment)) return null;
  const shown = comment.length > 40 ? comment.slice(0, 39) + '…' : comment;
  const message = `The comment on line ${line} ("${shown}") holds what looks like another, damaged key. Copy each key again from its .pub file, one per line.`;
  return { ...damagedPrefixIssue(line, comment), message, i18n: tx('invalidDamagedComment', line, shown) };
}
