/**
 * The real ssh-keygen as the oracle for the keygen tests: temp dirs, and batched runs (one bash
 * loop per shard, a few shards in parallel) so a thousand invocations stay within seconds.
 */
import { execFile } from 'node:child_process';
import { sshKeygen as runSshKeygen } from '../../helpers/openssh.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(t: { after(fn: () => void): void }, prefix = 'rpk-keygen-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** ssh-keygen with arguments (the shared helper); stdout without the final newline. Throws on a non-zero exit. */
export function sshKeygen(args: string[]): string {
  return runSshKeygen(args).replace(/\n$/, '');
}

/**
 * Runs `bash -c body` once per shard of `files` (the files are "$@"), `parallel` shards at once.
 * The body writes its results next to each file; nothing is parsed from stdout.
 */
export async function bashOverFiles(body: string, files: string[], parallel = 2, shards = 4): Promise<void> {
  const size = Math.ceil(files.length / shards);
  const chunks = Array.from({ length: shards }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      await new Promise<void>((resolve, reject) => {
        execFile('bash', ['-c', body, 'bash', ...chunk], { maxBuffer: 1 << 26 }, (err) => (err ? reject(err) : resolve()));
      });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
