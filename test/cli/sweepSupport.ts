/**
 * For sweep, merge and sensitivity tests: spawned runs of the built CLI
 * (worker threads load dist/bundle/worker.cjs, which only `npm run build`
 * makes: vitest cannot start a worker from TypeScript sources), and
 * sweep.csv read back as rows.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { REPO, type RunOptions, type RunResult } from './helpers.js';

const BIN = join(REPO, 'bin', 'sipro.js');

/** Runs `node bin/sipro.js ...args` and resolves with its exit code and output (like runSipro, but a real process). */
export function spawnSipro(args: readonly string[], options: Pick<RunOptions, 'cwd'> = {}): Promise<RunResult> {
  const cwd = options.cwd ?? REPO;
  if (!existsSync(join(REPO, 'dist', 'bundle', 'worker.cjs'))) {
    throw new Error('sweep tests spawn the built CLI and its worker: run `npm run build` first (npm test does)');
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** sweep.csv (or any CSV of an output folder) as rows of strings by column. */
export async function csvRows(folder: string, file = 'sweep.csv'): Promise<Record<string, string>[]> {
  return parse(await readFile(join(folder, file), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** A number of --json as sweep.csv writes it: shortest round-trip text, null empty. */
export const asCell = (value: number | null) => (value === null ? '' : String(value));
