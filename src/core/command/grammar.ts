/**
 * Option grammar of the programs whose invocations we rewrite.
 *
 * The getopt(3) option strings are copied from OpenSSH's sources (ssh.c, scp.c, sftp.c main();
 * the 9.2p1 strings are also what `strings /usr/bin/ssh` shows here) and checked against the
 * SYNOPSIS of ssh(1), scp(1) and sftp(1). A letter followed by ':' takes an argument, which is
 * either attached (`-p22`, `-i~/k`) or the next argv element (even when that starts with '-').
 * ssh additionally takes `-P tag` (ssh(1) of OpenSSH >= 9.3; 9.2's getopt string lists a bare `P`).
 *
 * ssh restarts getopt after the destination (ssh.c `goto again`), so options may also follow the
 * host (`ssh root@IP -p PORT -i …`); the first non-option after that starts the remote command.
 * scp and sftp stop at the first operand (OpenSSH's bundled BSD getopt does not permute).
 *
 * rsync(1) parses with popt, which permutes: options may appear anywhere before `--`. Its short
 * options taking an argument are -B (--block-size), -e (--rsh), -f (--filter), -M
 * (--remote-option), -T (--temp-dir) and -@ (--modify-window).
 */

export type Program = 'ssh' | 'scp' | 'sftp' | 'rsync';

export interface Getopt {
  /** Letters that are plain flags. */
  flags: string;
  /** Letters that take an argument. */
  withArg: string;
}

function fromOptstring(s: string): Getopt {
  let flags = '';
  let withArg = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (s[i + 1] === ':') {
      withArg += c;
      i++;
    } else flags += c;
  }
  return { flags, withArg };
}

export const GETOPT: Record<Program, Getopt> = {
  ssh: fromOptstring('1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:P:Q:R:S:TVw:W:XYy'),
  scp: fromOptstring('12346ABCTdfOpqRrstvD:F:J:M:P:S:c:i:l:o:X:'),
  sftp: fromOptstring('1246AafhNpqrvCc:D:i:l:o:s:S:b:B:F:J:P:R:X:'),
  // rsync: only the short letters matter for splitting grouped flags (-avze CMD).
  rsync: { flags: '0123456789abcdghiklmnopqrstuvxyzACDEFHIJKLNOPRSUVWXz8', withArg: 'BefMT@' },
};

/** The hostname of Runpod's SSH proxy (needs a terminal: `-tt` for non-interactive commands). */
export const PROXY_HOST = 'ssh.runpod.io';

/** Program name of an argv[0] (basename, without `.exe`, case-insensitive `.exe`), if we know it. */
export function programOf(argv0: string): Program | null {
  const base = argv0.replace(/^.*[/\\]/, '').replace(/\.exe$/i, '');
  return base === 'ssh' || base === 'scp' || base === 'sftp' || base === 'rsync' ? base : null;
}
