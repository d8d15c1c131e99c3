/** In-process CLI runs with captured streams, and scratch copies of fixture schemes. */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const fixture = (...parts: string[]) => join(REPO, 'fixtures', ...parts);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Pretend both streams are terminals (colour on unless NO_COLOR). */
  tty?: boolean;
}

/** Runs `sipro ...argv` in-process and returns its exit code and output. */
export async function runSipro(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => { stdout += text; } },
    stderr: { write: (text: string) => { stderr += text; } },
    stdoutIsTty: options.tty ?? false,
    stderrIsTty: options.tty ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? REPO,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export const scratchFolder = (prefix = 'sipro-test-') => mkdtemp(join(tmpdir(), prefix));

/** A scratch copy of fixtures/minimal with the files of `overlay` (a folder) copied over it. */
export async function minimalWith(overlay?: string): Promise<string> {
  const folder = await scratchFolder();
  await cp(fixture('minimal'), folder, { recursive: true });
  if (overlay !== undefined) await cp(overlay, folder, { recursive: true });
  return folder;
}
