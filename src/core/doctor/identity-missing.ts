/**
 * `identity-missing`: the `-i`/IdentityFile file does not exist. OpenSSH ssh.c
 * load_public_identity_files → `Warning: Identity file %s not accessible: %s.`; sshconnect2.c
 * load_identity_file → `no such identity: %s: %s` (-v); PuTTY/plink: `Unable to use key file
 * "%s" (unable to open file)`.
 */
import { cause } from './text.ts';
import { listFolderFix, sshFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

const MISSING = [
  /Warning: Identity file (.+) not accessible: No such file or directory/,
  /no such identity: (.+): No such file or directory/,
  /Unable to use key file "(.+)" \(unable to open file\)/,
];

export const identityMissing: Diagnostic = (input) => {
  const path = input.facts.lines.map((l) => MISSING.map((re) => re.exec(l)?.[1]).find(Boolean)).find(Boolean);
  if (!path) return [];
  const { keyPath, shell } = input.ctx;
  const other = keyPath !== undefined && keyPath !== path;
  const fix = (other ? sshFix(input, { keyPath }) : undefined) ?? listFolderFix(path, shell);
  return [cause('identity-missing', 'doctorIdentityMissing', [path], fix)];
};
