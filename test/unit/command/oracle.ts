/**
 * Real oracles for rewritten commands (not a test file: shared by the property tests and
 * scripts/command-props-long.ts).
 *
 * 1. bash: every produced posix command line runs in ONE `bash --norc --noprofile` process where
 *    ssh/scp/sftp/rsync are shell functions that print their argv NUL-separated — bash's own
 *    parsing decides what the program would receive.
 * 2. OpenSSH: for cases marked `deep`, the function then runs the real program: `ssh -G -F /dev/null`
 *    (prints the effective config, never connects), or real scp/sftp with `-S <stub>`, or real rsync
 *    with a stub `ssh` first on PATH; the stub is `ssh -G -F /dev/null "$@"`. So the identity file,
 *    user, host and port are what OpenSSH itself concluded after bash, scp/sftp/rsync and ssh parsed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface OracleRun {
  /** argv each function received (argv[0] = program name). */
  argv: string[];
  /** `ssh -G` output as key → values (only for deep cases), plus warnings. */
  config?: Map<string, string[]>;
  configRaw?: string;
}

/** The home directory ssh uses for `~` (getpwuid, not $HOME); bash gets HOME set to it. */
export const HOME = userInfo().homedir;

export class BashOracle {
  readonly dir: string;
  private readonly stubDir: string;
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'rpk-cmd-'));
    this.stubDir = join(this.dir, 'stub');
    spawnSync('mkdir', ['-p', this.stubDir]);
    const stub = join(this.stubDir, 'ssh');
    writeFileSync(stub, '#!/bin/sh\n/usr/bin/ssh -G -F /dev/null "$@" >"$RPK_STUB_OUT" 2>&1\nexit 1\n');
    chmodSync(stub, 0o755);
  }

  /** Runs each command line (with `deep` flags) in one bash process. */
  run(lines: readonly { command: string; deep: boolean }[], cwd: string = this.dir): OracleRun[] {
    const out = join(this.dir, 'stub.out');
    const prelude = [
      'set +o histexpand',
      `__rec() { printf '%s\\0' "$@"; printf '\\2'; }`,
      `__dump() { if [ "$__g" = 1 ]; then cat "$RPK_STUB_OUT" 2>/dev/null; fi; rm -f "$RPK_STUB_OUT"; printf '\\1'; }`,
      `ssh() { __rec ssh "$@"; if [ "$__g" = 1 ]; then command ssh -G -F /dev/null "$@" >"$RPK_STUB_OUT" 2>&1; fi; __dump; }`,
      `scp() { __rec scp "$@"; if [ "$__g" = 1 ]; then command scp -S "$RPK_STUB_DIR/ssh" "$@" </dev/null >/dev/null 2>&1; fi; __dump; }`,
      `sftp() { __rec sftp "$@"; if [ "$__g" = 1 ]; then command sftp -S "$RPK_STUB_DIR/ssh" "$@" </dev/null >/dev/null 2>&1; fi; __dump; }`,
      `rsync() { __rec rsync "$@"; if [ "$__g" = 1 ]; then PATH="$RPK_STUB_DIR:$PATH" command rsync "$@" </dev/null >/dev/null 2>&1; fi; __dump; }`,
    ];
    const body = lines.map((l) => `__g=${l.deep ? 1 : 0}\n${l.command}`);
    const script = join(this.dir, 'cases.sh');
    writeFileSync(script, prelude.concat(body).join('\n') + '\n');
    const r = spawnSync('bash', ['--norc', '--noprofile', script], {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME, LC_ALL: 'C.UTF-8', RPK_STUB_OUT: out, RPK_STUB_DIR: this.stubDir },
      maxBuffer: 256 * 1024 * 1024,
      timeout: 600_000,
    });
    const text = r.stdout.toString('utf8');
    const records = text.split('\x01');
    records.pop();
    return records.map((rec) => {
      const [argvPart, cfg] = rec.split('\x02') as [string, string];
      const argv = argvPart.split('\0');
      argv.pop();
      if (!cfg) return { argv };
      const config = new Map<string, string[]>();
      for (const line of cfg.split('\n')) {
        const sp = line.indexOf(' ');
        if (sp <= 0) continue;
        const k = line.slice(0, sp);
        config.set(k, [...(config.get(k) ?? []), line.slice(sp + 1)]);
      }
      return { argv, config, configRaw: cfg };
    });
  }

  /** `ssh -G -F <config> <alias>` for an ssh_config text. */
  sshG(configText: string, alias: string): Map<string, string[]> {
    const f = join(this.dir, 'ssh_config');
    writeFileSync(f, configText);
    const r = spawnSync('ssh', ['-G', '-F', f, alias], { encoding: 'utf8' });
    const config = new Map<string, string[]>();
    for (const line of (r.stdout + '\n' + r.stderr).split('\n')) {
      const sp = line.indexOf(' ');
      if (sp <= 0) continue;
      const k = line.slice(0, sp);
      config.set(k, [...(config.get(k) ?? []), line.slice(sp + 1)]);
    }
    return config;
  }

  readFile(name: string): string {
    return readFileSync(join(this.dir, name), 'utf8');
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
