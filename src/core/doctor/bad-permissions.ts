/**
 * `bad-permissions`: the private key is readable by others. OpenSSH authfile.c
 * sshkey_perm_ok: `Permissions 0%3.3o for '%s' are too open.` then `Load key "%s": bad
 * permissions`; Windows OpenSSH (contrib/win32/win32compat/w32fileperm.c): `Permissions for
 * '%s' are too open.` and `Bad permissions. Try removing permissions for user: … on file %s.`
 * A `.pub` given to -i is invalid-key-file's case: chmod would not help.
 */
import { cause } from './text.ts';
import { permissionFix } from './fix.ts';
import type { Diagnostic } from './types.ts';

const OPEN = [
  /Permissions (?:0?[0-7]{3,4} )?for '(.+)' are too open/,
  /Load key "(.+)": bad permissions/,
  /Bad permissions\. Try removing permissions for user: .* on file (.+)\.$/,
];

export const badPermissions: Diagnostic = ({ facts, ctx }) => {
  // The patterns in order (the Windows `Bad permissions` line may name the file with slashes).
  const found = OPEN.map((re) => facts.lines.map((l) => re.exec(l)?.[1]).find(Boolean)).find(Boolean);
  if (!found) return [];
  // Windows OpenSSH may print the path with its backslashes doubled.
  const path = found.replace(/\\\\/g, '\\');
  if (/\.pub$/i.test(path)) return [];
  return [cause('bad-permissions', 'doctorBadPermissions', [path], permissionFix(path, ctx.shell))];
};
