/**
 * Recognising private key text, eagerly and cheaply: the paste guard must decide synchronously,
 * before the page sees the event, and storage refuses to hold it. Deliberately wider than core's
 * parsers (src/core/keys/formats): every armour core reads as a private key — OpenSSH, PEM/PKCS#8
 * with any spacing or dash count around the label, ssh.com with or without ENCRYPTED, PuTTY — and
 * a header whose dashes were lost in the copy, plus a bare openssh-key-v1 base64 body. Bounded
 * quantifiers only: linear time on any paste.
 */
const PRIVATE_KEY = /BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY|PuTTY-User-Key-File-|^[ \t]*b3BlbnNzaC1rZXktdjE/m;

export function looksPrivate(text: string): boolean {
  return PRIVATE_KEY.test(text);
}
