/**
 * A bash sandbox for the differential test (not a test file): a temp dir whose bin/ holds argv
 * recorders named ssh, scp, sftp and rsync (the ONLY programs on PATH), a `command_not_found_handle`
 * that records any other program, and a listing of every file, so a run shows exactly which
 * programs ran with which argv, and whether anything new appeared.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SandboxRun {
  /** One entry per program that ran: [name, ...argv] (`?name` for a program not found). */
  ran: string[][];
  /** Files that exist after the run and did not before. */
  newFiles: string[];
  stderr: string;
}

export class Sandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'rpk-diff-'));
  readonly home = join(this.dir, 'home');
  readonly work = join(this.dir, 'work');
  private readonly bin = join(this.dir, 'bin');
  private readonly rec = join(this.dir, 'rec');

  constructor() {
    for (const d of [this.home, this.work, this.bin]) mkdirSync(d, { recursive: true });
    for (const name of ['ssh', 'scp', 'sftp', 'rsync']) {
      const f = join(this.bin, name);
      // /bin/sh by absolute path: the recorder needs nothing from PATH (printf is a dash builtin)
      writeFileSync(f, `#!/bin/sh\nprintf '%s\\0' ${name} "$@" >>"$RPK_REC"\nprintf '\\001' >>"$RPK_REC"\n`);
      chmodSync(f, 0o755);
    }
  }

  private listing(): Set<string> {
    const out = new Set<string>();
    const walk = (d: string): void => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (p === this.rec) continue;
        out.add(p);
        if (statSync(p).isDirectory()) walk(p);
      }
    };
    walk(this.dir);
    return out;
  }

  /** Runs one command line in `bash --norc --noprofile -c` with the recorders. */
  run(command: string): SandboxRun {
    writeFileSync(this.rec, '');
    const before = this.listing();
    const prelude = `command_not_found_handle() { printf '?%s\\0' "$1" >>"$RPK_REC"; printf '\\001' >>"$RPK_REC"; return 127; }\n`;
    const r = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', prelude + command], {
      cwd: this.work,
      env: { PATH: this.bin, HOME: this.home, RPK_REC: this.rec, LC_ALL: 'C.UTF-8' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    const text = readFileSync(this.rec, 'utf8');
    const ran = text
      .split('\x01')
      .slice(0, -1)
      .map((rec) => rec.split('\0').slice(0, -1));
    const newFiles = [...this.listing()].filter((p) => !before.has(p));
    return { ran, newFiles, stderr: r.stderr ?? '' };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
