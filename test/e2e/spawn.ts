/**
 * Real runs of the built command (`node bin/sipro.js`, which loads
 * dist/bundle/main.cjs: run `npm run build` first), with piped streams.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'bin', 'sipro.js');
export const fixture = (...parts: string[]) => join(REPO, 'fixtures', ...parts);

if (!existsSync(join(REPO, 'dist', 'bundle', 'main.cjs'))) {
  throw new Error('test/e2e spawns the built CLI: run `npm run build` first');
}

export interface SpawnResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  cwd: string;
  /** Added to the environment, after NO_COLOR and FORCE_COLOR are removed from it. */
  env?: Record<string, string>;
  /** Kill the process after this many milliseconds (its code is then null): for runs that must not hang. */
  timeout?: number;
}

/**
 * The parent's environment without the colour switches, so that a developer's
 * FORCE_COLOR or NO_COLOR cannot change what a test sees; then `extra`.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NO_COLOR'];
  delete env['FORCE_COLOR'];
  return { ...env, ...extra };
}

/** Runs `node` with `args`, resolving with the exit code and both streams once it ends. */
export function spawnNode(args: readonly string[], options: SpawnOptions): Promise<SpawnResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...args], {
      cwd: options.cwd, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'], ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => { stdout += text; });
    child.stderr.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Runs `sipro ...argv` as a real process. */
export const spawnSipro = (argv: readonly string[], options: SpawnOptions) => spawnNode([BIN, ...argv], options);
