/**
 * `invalid-key-file`: the file given is not a loadable private key. OpenSSH sshconnect2.c
 * load_identity_file: `Load key "%s": %s` with ssh_err() text (`invalid format`, `error in
 * libcrypto` for CRLF/truncated files under OpenSSL 3); a `.pub` reaches the same line (or
 * the permissions warning first, when it is 0644). PuTTY: `Unable to use key file "%s" (%s)`
 * naming an OpenSSH format it cannot read (it wants .ppk: PuTTYgen converts).
 */
import { cause } from './text.ts';
import { crlfFix, sshFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

const LOAD = /Load key "(.+)": (.+)$/;
const PUB_OPEN = /Permissions (?:0?[0-7]{3,4} )?for '(.+\.pub)' are too open/i;
const PUTTY = /Unable to use key file "(.+)" \(((?:OpenSSH|SSH-2|PKCS|SSH\.com)[^)]*)\)/;

export const invalidKeyFile: Diagnostic = (input) => {
  const { facts, ctx } = input;
  for (const line of facts.lines) {
    const putty = PUTTY.exec(line);
    if (putty) return [cause('invalid-key-file', 'doctorPuttyFormat', [putty[1]!, putty[2]!])];
    const load = LOAD.exec(line) ?? PUB_OPEN.exec(line);
    if (!load) continue;
    const path = load[1]!;
    if (/\.pub$/i.test(path)) {
      return [cause('invalid-key-file', 'doctorPubGiven', [path], sshFix(input, { keyPath: path.slice(0, -4) }))];
    }
    const reason = load[2] ?? '';
    if (reason === 'bad permissions' || reason.startsWith('incorrect passphrase')) continue;
    return [cause('invalid-key-file', 'doctorInvalidKey', [path, reason], crlfFix(path, ctx.shell))];
  }
  return [];
};
