/**
 * The output folder against real processes: a run killed at any step of
 * replacing its folder leaves, once the next run has started, the old folder
 * or the new one, never neither and never a mix; SIGINT and SIGTERM clean up
 * at once; two runs on one --out never collide. SIPRO_TEST_PAUSE (see
 * src/io/outputFolder.ts) holds a run at a step so that the kill lands there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, fixture, spawnSipro } from './spawn.js';
import { scratchFolder } from '../cli/helpers.js';

const SPAWN_TIMEOUT = 60_000;
const MINIMAL = fixture('minimal');
/** Two runs whose outputs differ: the old folder and the new one. */
const OLD = ['--set', 'contributions.rate=0.1'];
const NEW = ['--set', 'contributions.rate=0.12'];
const project = (out: string, set: string[], ...extra: string[]) => ['project', MINIMAL, '--out', out, '--no-entrants', '--quiet', ...set, ...extra];

/**
 * Every file of a folder, by name, or undefined if the folder is missing;
 * summary.json without its command line, which names --out and --force.
 */
async function snapshot(folder: string): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(folder)) return undefined;
  const names = (await readdir(folder)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => {
    const text = await readFile(join(folder, name), 'utf8');
    if (name !== 'summary.json') return [name, text];
    const summary = JSON.parse(text) as { run: { command_line?: unknown } };
    delete summary.run.command_line;
    return [name, summary];
  })));
}

interface Paused {
  child: ChildProcess;
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts `sipro …argv` held at `step` of its replacement, resolving once it is there. */
async function pausedAt(step: string, argv: string[], cwd: string): Promise<Paused> {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: cleanEnv({ SIPRO_TEST_PAUSE: step }), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
  await new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      if (stderr.includes(`paused at ${step}`)) resolve();
    });
    void ended.then(() => reject(new Error(`sipro ended before reaching ${step}: ${stderr}`)));
  });
  return { child, ended };
}

/** What sits beside the output folder: staging and retired folders, lock files. */
const besides = async (root: string) => (await readdir(root)).filter((name) => name.startsWith('.out.'));

describe('a run killed while replacing its output folder', () => {
  it.each([
    // step, what the folder holds right after the kill, what it holds once the next run has started
    ['staged', 'old', 'old'],
    ['retired', 'missing', 'old'],
    ['replaced', 'new', 'new'],
  ] as const)('killed (SIGKILL) at %s: the next run finds the %s folder and leaves the %s one, nothing beside it', async (step, afterKill, afterNext) => {
    const root = await scratchFolder();
    const out = join(root, 'out');
    expect((await spawnSipro(project(out, OLD), { cwd: root })).code).toBe(0);
    const old = await snapshot(out);
    const fresh = join(root, 'fresh');
    expect((await spawnSipro(project(fresh, NEW), { cwd: root })).code).toBe(0);
    const expected = { old, new: await snapshot(fresh), missing: undefined };
    expect(expected.new).not.toEqual(old);

    const run = await pausedAt(step, project(out, NEW, '--force'), root);
    run.child.kill('SIGKILL');
    expect((await run.ended).signal).toBe('SIGKILL');
    expect(await snapshot(out)).toEqual(expected[afterKill]);
    expect(await besides(root)).not.toEqual([]);

    // The next run recovers before it looks at the folder: without --force it then stops, as the folder exists.
    const next = await spawnSipro(project(out, NEW), { cwd: root });
    expect(next.stderr).toContain(`the output folder ${out} exists: pass --force`);
    expect(next.code).toBe(2);
    expect(await snapshot(out)).toEqual(expected[afterNext]);
    expect(await besides(root)).toEqual([]);
    expect((await spawnSipro(project(out, NEW, '--force'), { cwd: root })).code).toBe(0);
    expect(await snapshot(out)).toEqual(expected.new);
  }, SPAWN_TIMEOUT);
});

describe('a run interrupted by a signal while replacing its output folder', () => {
  it.each([
    ['SIGTERM', 'staged'],
    ['SIGINT', 'staged'],
    ['SIGINT', 'retired'],
    ['SIGTERM', 'retired'],
  ] as const)('%s at %s: the old folder stays, nothing is left beside it, the process ends by the signal', async (signal, step) => {
    const root = await scratchFolder();
    const out = join(root, 'out');
    expect((await spawnSipro(project(out, OLD), { cwd: root })).code).toBe(0);
    const old = await snapshot(out);
    const run = await pausedAt(step, project(out, NEW, '--force'), root);
    run.child.kill(signal);
    expect((await run.ended).signal).toBe(signal);
    expect(await snapshot(out)).toEqual(old);
    expect(await besides(root)).toEqual([]);
  }, SPAWN_TIMEOUT);
});

describe('two runs on one --out', () => {
  it('the second stops with exit 2 naming the first (its pid and the lock file), and writes nothing', async () => {
    const root = await scratchFolder();
    const out = join(root, 'out');
    expect((await spawnSipro(project(out, OLD), { cwd: root })).code).toBe(0);
    const old = await snapshot(out);
    const first = await pausedAt('staged', project(out, NEW, '--force'), root);
    const second = await spawnSipro(project(out, NEW, '--force'), { cwd: root });
    expect(second.stderr).toContain(`another sipro run (pid ${first.child.pid} on `);
    expect(second.stderr).toContain(`is writing ${out}: wait for it to end, or choose another --out. If no sipro run is writing there, delete ${join(root, '.out.sipro-lock')}`);
    expect(second.stderr).not.toContain('internal error');
    expect(second.code).toBe(2);
    first.child.kill('SIGTERM');
    await first.ended;
    expect(await snapshot(out)).toEqual(old);
    expect(await besides(root)).toEqual([]);
  }, SPAWN_TIMEOUT);

  it('started together, with no pause: each ends 0 or stops with exit 2, and the folder is one run\'s, whole', async () => {
    const root = await scratchFolder();
    const out = join(root, 'out');
    const fresh = join(root, 'fresh');
    expect((await spawnSipro(project(fresh, NEW), { cwd: root })).code).toBe(0);
    for (let round = 0; round < 3; round += 1) {
      const runs = await Promise.all([spawnSipro(project(out, NEW, '--force'), { cwd: root }), spawnSipro(project(out, NEW, '--force'), { cwd: root })]);
      for (const run of runs) {
        expect([0, 2], run.stderr).toContain(run.code);
        if (run.code === 2) expect(run.stderr).toContain('another sipro run');
      }
      expect(await snapshot(out)).toEqual(await snapshot(fresh));
      expect(await besides(root)).toEqual([]);
    }
  }, SPAWN_TIMEOUT);
});
