/**
 * SSH doctor: from what the terminal printed (plain or `ssh -v`/`-vvv`; Linux/macOS/Windows
 * OpenSSH, PuTTY/plink, Runpod's proxy), every cause the text proves, most likely first (the
 * table's order: a root cause before its symptoms), each with the English sentence from the
 * `_locales` catalogue and, where there is one, a fix command for the user's shell.
 * Never an empty list: `unknown` says what to paste next.
 */
import { badPermissions } from './bad-permissions.ts';
import { configIdentity } from './config-identity.ts';
import { connectionRefused } from './connection-refused.ts';
import { readFacts } from './facts.ts';
import { sshFix } from './fix.ts';
import { hostKeyChanged } from './host-key-changed.ts';
import { identityMissing } from './identity-missing.ts';
import { invalidKeyFile } from './invalid-key-file.ts';
import { keyAddedAfterStart } from './key-added-after-start.ts';
import { keyNotInAccount } from './key-not-in-account.ts';
import { noKeyOffered } from './no-key-offered.ts';
import { passwordPrompt } from './password-prompt.ts';
import { proxyNoTransfer } from './proxy-no-transfer.ts';
import { ptyRequired } from './pty-required.ts';
import { cause } from './text.ts';
import { timeout } from './timeout.ts';
import { tooManyAuthFailures } from './too-many-auth-failures.ts';
import type { Cause, Diagnostic, DoctorContext, DoctorInput, OfferedKey } from './types.ts';
import { windowsTilde } from './windows-tilde.ts';

export type { Cause, DoctorCode, DoctorContext, OfferedKey } from './types.ts';

/** Most likely first: what stops a connection before authentication, then root causes of a refusal, then symptoms. */
const TABLE: readonly Diagnostic[] = [
  connectionRefused,
  timeout,
  hostKeyChanged,
  proxyNoTransfer,
  ptyRequired,
  windowsTilde,
  identityMissing,
  invalidKeyFile,
  badPermissions,
  tooManyAuthFailures,
  configIdentity,
  keyAddedAfterStart,
  keyNotInAccount,
  noKeyOffered,
  passwordPrompt,
];

export interface DoctorReport {
  causes: Cause[];
  /** Keys ssh offered (`-v`), with the server's verdict and whether each is in the account. */
  offered: OfferedKey[];
}

/** The full report for the UI: causes with `i18n`, and the offered keys. */
export function doctorReport(output: string, context: DoctorContext = {}): DoctorReport {
  const facts = readFacts(output.slice(0, 1_000_000), context.accountKeys);
  const input: DoctorInput = { facts, ctx: { ...context, shell: context.shell ?? 'posix' } };
  const causes: Cause[] = [];
  for (const diagnose of TABLE) causes.push(...diagnose(input, causes));
  if (causes.length === 0) {
    if (facts.authenticated) causes.push(cause('unknown', 'doctorSucceeded', []));
    else causes.push(cause('unknown', 'doctorUnknown', [], sshFix(input, { verbose: true })));
  }
  return { causes, offered: facts.offered };
}

/** The contract's `diagnoseSsh` (shared/CONTRACT.md, Core API). */
export function diagnoseSsh(output: string, context?: DoctorContext): { causes: Cause[] } {
  return { causes: doctorReport(output, context).causes };
}
