/**
 * ONE getopt(3) walker for every program we read: OpenSSH's bundled BSD getopt (ssh, scp, sftp,
 * and the ssh inside rsync's `-e`), and the short-option groups of rsync's popt.
 */
import { refuse, said, tx, type Refusal } from '../i18n-text.ts';
import type { Getopt } from './grammar.ts';

/** One option letter as getopt saw it. */
export interface Occurrence {
  letter: string;
  /** argv index of the token holding the letter. */
  index: number;
  /** Offset of the letter inside that token. */
  pos: number;
  /** The option's argument (attached or separate), if it takes one. */
  value?: string;
  /** argv index of a separate argument; undefined when attached or a flag. */
  valueIndex?: number;
}

export interface Walk {
  occurrences: Occurrence[];
  /** Index of the first operand (or argv.length). */
  end: number;
  /** `--` ended the options. */
  terminated: boolean;
}

export type WalkResult = ({ ok: true } & Walk) | Refusal;

/** `program: option -x requires an argument` (`option` written with its dashes). */
export const needsArgument = (program: string, option: string): Refusal =>
  refuse(said(`${program}: option ${option} requires an argument`, tx('cmdOptionNeedsArg', program, option)));

export const unknownOption = (program: string, option: string): Refusal =>
  refuse(said(`${program}: unknown option ${option}`, tx('cmdUnknownOption', program, option)));

/**
 * The letters of the option group argv[k] (`-vp22`, `-avze`): each flag, and the first letter
 * taking an argument with its attached rest or the next argv element. Returns the occurrences and
 * the index of the next unread argv element.
 */
export function readGroup(
  argv: readonly string[],
  k: number,
  g: Getopt,
  program: string,
): { ok: true; occurrences: Occurrence[]; next: number } | Refusal {
  const a = argv[k]!;
  const occurrences: Occurrence[] = [];
  for (let p = 1; p < a.length; p++) {
    const letter = a[p]!;
    if (g.withArg.includes(letter)) {
      if (p + 1 < a.length) {
        occurrences.push({ letter, index: k, pos: p, value: a.slice(p + 1) });
        return { ok: true, occurrences, next: k + 1 };
      }
      if (k + 1 >= argv.length) return needsArgument(program, `-${letter}`);
      occurrences.push({ letter, index: k, pos: p, value: argv[k + 1]!, valueIndex: k + 1 });
      return { ok: true, occurrences, next: k + 2 };
    }
    if (!g.flags.includes(letter)) return unknownOption(program, `-${letter}`);
    occurrences.push({ letter, index: k, pos: p });
  }
  return { ok: true, occurrences, next: k + 1 };
}

/** BSD getopt(3) from argv[from]: stops at the first operand, `-` or after `--`. */
export function walkOptions(argv: readonly string[], from: number, g: Getopt, program: string): WalkResult {
  const occurrences: Occurrence[] = [];
  let k = from;
  while (k < argv.length) {
    const a = argv[k]!;
    if (a === '--') return { ok: true, occurrences, end: k + 1, terminated: true };
    if (a.length < 2 || a[0] !== '-') break;
    const r = readGroup(argv, k, g, program);
    if (!r.ok) return r;
    occurrences.push(...r.occurrences);
    k = r.next;
  }
  return { ok: true, occurrences, end: k, terminated: false };
}

/** ssh(1): the FIRST -p/-l (and -o Port/User) wins (ssh.c sets each only while unset; `ssh -G -p 1 -p 2` says 1). */
export function firstValue(occ: readonly Occurrence[], letter: string): string | undefined {
  return occ.find((o) => o.letter === letter)?.value;
}

/** scp(1), sftp(1): the LAST -P wins (each one overwrites the port in scp.c / sftp.c main()). */
export function lastValue(occ: readonly Occurrence[], letter: string): string | undefined {
  for (let i = occ.length - 1; i >= 0; i--) if (occ[i]!.letter === letter) return occ[i]!.value;
  return undefined;
}
