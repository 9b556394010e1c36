/**
 * What a corrected command may carry: the allow-list of shared/CONTRACT.md ("Built from facts,
 * never from page text"). Every option the console shows is allowed, with its value checked;
 * everything else is refused with a reason, and the options that make ssh run a local program,
 * read a local file, reach another host or hand out the user's agent say so.
 */
import { said, tx, type Said } from '../i18n-text.ts';

export const PORT = /^(?:[1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/;
/** POSIX portable user names (and Runpod's proxy users): letters, digits, `_`, `.`, `-`, not leading `-`. */
export const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
/** ssh(1) -L/-R: `[bind:]port:host:hostport` and socket forms; no `%`, `$`, spaces or quotes. */
const FORWARD = /^[A-Za-z0-9_.:[\]*/-]{1,200}$/;

const why = {
  runs: () => said('it runs a program on your computer', tx('cmdWhyRuns')),
  config: () => said('it reads another configuration file', tx('cmdWhyConfig')),
  writes: () => said('it writes a file on your computer', tx('cmdWhyWrites')),
  jump: () => said('it connects through another host', tx('cmdWhyJump')),
  agent: () => said('it gives the pod access to your SSH agent', tx('cmdWhyAgent')),
  socket: () => said('it uses a local control socket', tx('cmdWhySocket')),
  tunnel: () => said('it opens a tunnel device on your computer', tx('cmdWhyTunnel')),
  notShown: () => said('the console never shows it', tx('cmdWhyNotShown')),
};

/** ssh letters the contract allows: flags, and options whose value must match. `i` is replaced by ours. */
export const SSH_FLAGS = 'tTNCqv46';
const SSH_VALUES: Record<string, RegExp> = {
  p: PORT,
  l: USER,
  L: FORWARD,
  R: FORWARD,
  D: /^(?:[A-Za-z0-9_.:[\]*-]{1,100}:)?\d{1,5}$/,
  i: /[\s\S]*/,
  o: /[\s\S]*/,
};
const SSH_DANGER: Record<string, () => Said> = {
  F: why.config,
  E: why.writes,
  J: why.jump,
  S: why.socket,
  w: why.tunnel,
  A: why.agent,
  P: why.notShown,
};

/** scp/sftp: -P port, -i, -o and plain flags that only change how files are copied. */
const COPY_FLAGS: Record<'scp' | 'sftp', string> = { scp: 'rpqvC46TO', sftp: 'rpqvC46' };
const COPY_DANGER: Record<string, () => Said> = {
  F: why.config,
  J: why.jump,
  S: why.runs,
  D: why.runs,
  b: why.runs,
  s: why.runs,
  X: why.notShown,
  A: why.agent,
};

const refusedOption = (program: string, option: string, reason: Said): Said =>
  said(`${program}: the option ${option} is refused: ${reason.text}`, tx('cmdOptionRefused', program, option, reason.i18n));
const badValue = (program: string, option: string, value: string): Said => {
  const shown = JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return said(`${program}: ${shown} is not a value the console gives ${option}`, tx('cmdBadValue', program, shown, option));
};

/** null when `-letter [value]` may be emitted for `program` ('ssh', 'scp', 'sftp', 'ssh (in rsync -e)'). */
export function optionProblem(program: string, kind: 'ssh' | 'scp' | 'sftp', letter: string, value: string | undefined): Said | null {
  if (kind === 'ssh') {
    if (SSH_FLAGS.includes(letter)) return null;
    const re = SSH_VALUES[letter];
    if (!re) return refusedOption(program, `-${letter}`, (SSH_DANGER[letter] ?? why.notShown)());
    if (!re.test(value ?? '')) return badValue(program, `-${letter}`, value ?? '');
    return letter === 'o' ? configOptionProblem(program, value ?? '') : null;
  }
  if (COPY_FLAGS[kind].includes(letter)) return null;
  if (letter === 'P') return PORT.test(value ?? '') ? null : badValue(program, '-P', value ?? '');
  if (letter === 'i') return null;
  if (letter === 'o') return configOptionProblem(program, value ?? '');
  return refusedOption(program, `-${letter}`, (COPY_DANGER[letter] ?? why.notShown)());
}

/** ssh_config keywords allowed in `-o`, by their lower-case name: canonical name and value rule. */
export const CONFIG_OPTIONS: Record<string, { name: string; value: RegExp }> = {
  identitiesonly: { name: 'IdentitiesOnly', value: /^(?:yes|no)$/i },
  stricthostkeychecking: { name: 'StrictHostKeyChecking', value: /^(?:yes|no|ask|off|accept-new)$/i },
  userknownhostsfile: { name: 'UserKnownHostsFile', value: /^[A-Za-z0-9_./~+-]{1,200}$/ },
  hostkeyalias: { name: 'HostKeyAlias', value: /^[A-Za-z0-9_.-]{1,100}$/ },
  serveraliveinterval: { name: 'ServerAliveInterval', value: /^\d{1,6}$/ },
  serveralivecountmax: { name: 'ServerAliveCountMax', value: /^\d{1,6}$/ },
  connecttimeout: { name: 'ConnectTimeout', value: /^\d{1,6}$/ },
  port: { name: 'Port', value: PORT },
  user: { name: 'User', value: USER },
  identityfile: { name: 'IdentityFile', value: /[\s\S]*/ },
};

const CONFIG_DANGER: Record<string, () => Said> = {
  proxycommand: why.runs,
  localcommand: why.runs,
  permitlocalcommand: why.runs,
  knownhostscommand: why.runs,
  pkcs11provider: why.runs,
  securitykeyprovider: why.runs,
  match: why.runs,
  include: why.config,
  proxyjump: why.jump,
  forwardagent: why.agent,
  controlpath: why.socket,
  controlmaster: why.socket,
  tunnel: why.tunnel,
};

/**
 * `-o` as ssh reads it (readconf.c process_config_line): optional blanks and quotes, the keyword
 * (any case), then blanks and/or one `=`, then the value. Returns the keyword (lower case) and value.
 */
export function splitConfigOption(text: string): { keyword: string; value: string } {
  const m = /^[\s"]*([^\s"=]*)"?\s*=?\s*([\s\S]*?)\s*$/.exec(text)!;
  return { keyword: m[1]!.toLowerCase(), value: m[2]! };
}

function configOptionProblem(program: string, text: string): Said | null {
  const { keyword, value } = splitConfigOption(text);
  const allowed = CONFIG_OPTIONS[keyword];
  const shown = keyword === '' ? text.slice(0, 30) : keyword;
  if (!allowed) return refusedOption(program, `-o ${shown}`, (CONFIG_DANGER[keyword] ?? why.notShown)());
  if (!allowed.value.test(value)) return badValue(program, `-o ${allowed.name}`, value);
  return null;
}

/** rsync options we pass on: archive/transfer flags that neither run programs nor name other files. */
export const RSYNC_SHORT = 'avzrPhnucptlgoDHqiSWe';
const RSYNC_LONG = new Set(
  'archive verbose compress recursive progress partial human-readable dry-run update checksum stats times perms links hard-links sparse itemize-changes mkpath whole-file rsh'.split(
    ' ',
  ),
);
const RSYNC_LONG_VALUE: Record<string, RegExp> = {
  info: /^[A-Za-z0-9,]{1,40}$/,
  exclude: /^[\s\S]{1,200}$/,
  include: /^[\s\S]{1,200}$/,
  rsh: /[\s\S]*/,
};

export function rsyncOptionProblem(option: string, name: string, value: string | undefined): Said | null {
  if (value === undefined ? RSYNC_LONG.has(name) && name !== 'rsh' : RSYNC_LONG_VALUE[name]?.test(value)) return null;
  if (value === undefined && name in RSYNC_LONG_VALUE && name !== 'rsh') return badValue('rsync', option, '');
  const reason = name === 'rsync-path' ? why.runs() : name === 'log-file' ? why.writes() : why.notShown();
  return refusedOption('rsync', option, reason);
}
