/**
 * Real OpenSSH for the doctor tests: keys made by ssh-keygen in a temp dir, ssh run through bash
 * (as the user would paste it) without a controlling terminal (`setsid -w`), its output captured
 * with the command line on top, as a terminal shows it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestKey {
  path: string;
  publicLine: string;
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rpk-doctor-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function makeKey(dir: string, name: string): TestKey {
  const path = join(dir, name);
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return { path, publicLine: readFileSync(`${path}.pub`, 'utf8').trim() };
}

/** Runs a command line with bash, no tty; returns the exit status and what the terminal showed. */
export function run(command: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const r = spawnSync('setsid', ['-w', 'bash', '-c', command], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...env },
    timeout: 20_000,
  });
  return { status: r.status, output: `$ ${command}\n${r.stdout}${r.stderr}` };
}

/** Runs a command under a pseudo-terminal (`script`) until `until` shows, then ends it. */
export function runPty(command: string, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const done = (): void => {
      child.kill('SIGKILL');
      resolve(`$ ${command}\n${out}`);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ${until} in:\n${out}`));
    }, 15_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (until.test(out)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => {
      clearTimeout(timer);
      if (!until.test(out)) reject(new Error(`exited before ${until}:\n${out}`));
    });
  });
}
