/**
 * Recognising private key text, eagerly and cheaply: the paste guard must decide synchronously,
 * before the page sees the event, even when the analysis module has not loaded yet.
 */

/** Every private key armour OpenSSH, OpenSSL, PKCS#8, SSH.com and PuTTY write (and a bare
 * base64 body of an OpenSSH key, which starts with "openssh-key-v1"). */
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----|PuTTY-User-Key-File-\d+:|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----|^\s*b3BlbnNzaC1rZXktdjE/m;

export function looksPrivate(text: string): boolean {
  return PRIVATE_KEY.test(text);
}
