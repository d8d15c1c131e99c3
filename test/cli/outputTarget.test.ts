/**
 * Where a run writes: the default folder, the folders --force must never
 * replace (inputs, the working folder, also through a symbolic link), paths
 * that cannot hold an output folder (exit 2 with a message, never an
 * internal error), a folder another run is writing, and the text cells of
 * the CSV files written there.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixture, runSipro, scratchFolder } from './helpers.js';

const MINIMAL = fixture('minimal');

describe('where project writes', () => {
  it('defaults to ./sipro-out/<scheme folder name>', async () => {
    const cwd = await scratchFolder();
    await cp(fixture('minimal'), join(cwd, 'my-scheme'), { recursive: true });
    const run = await runSipro(['project', 'my-scheme', '--quiet'], { cwd });
    expect(run.code).toBe(0);
    expect(await readdir(join(cwd, 'sipro-out'))).toEqual(['my-scheme']);
  });

  it('refuses an --out inside which an input file lies, even with --force', async () => {
    const cwd = await scratchFolder();
    await cp(fixture('minimal'), join(cwd, 'inputs', 'scheme'), { recursive: true });
    const before = await readdir(join(cwd, 'inputs', 'scheme'));
    const run = await runSipro(['project', 'inputs/scheme', '--out', 'inputs', '--force'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--out ${join(cwd, 'inputs')} holds the input ${join(cwd, 'inputs', 'scheme')}`);
    expect(await readdir(join(cwd, 'inputs', 'scheme'))).toEqual(before);
  });

  it('refuses, with --force, the working folder named through a symbolic link higher up', async () => {
    const root = await scratchFolder();
    const cwd = join(root, 'work');
    await mkdir(cwd);
    await writeFile(join(cwd, 'thesis.txt'), 'two years of work\n');
    await symlink(root, join(root, 'alias'));
    const run = await runSipro(['project', MINIMAL, '--out', join(root, 'alias', 'work'), '--force', '--quiet'], { cwd });
    expect(run.stderr).toContain(`--out ${join(root, 'alias', 'work')} is the working folder or contains it (as ${cwd})`);
    expect(run.code).toBe(2);
    expect(await readdir(cwd)).toEqual(['thesis.txt']);
  });

  it('refuses, with --force, a scheme folder named through a symbolic link higher up', async () => {
    const root = await scratchFolder();
    await cp(MINIMAL, join(root, 'scheme'), { recursive: true });
    await symlink(root, join(root, 'alias'));
    const run = await runSipro(['project', 'scheme', '--out', 'alias/scheme', '--force', '--quiet'], { cwd: root });
    expect(run.stderr).toContain(`holds the input ${join(root, 'scheme')} (as ${join(root, 'scheme')})`);
    expect(run.code).toBe(2);
    expect((await readdir(join(root, 'scheme'))).sort()).toEqual((await readdir(MINIMAL)).sort());
  });
});

describe('an --out that cannot hold an output folder: exit 2 and a message', () => {
  const refused = async (out: string, message: string, cwd?: string) => {
    const run = await runSipro(['project', MINIMAL, '--out', out, '--force', '--quiet'], { cwd: cwd ?? await scratchFolder() });
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(2);
  };

  it('under a dangling symbolic link', async () => {
    const cwd = await scratchFolder();
    await symlink(join(cwd, 'gone'), join(cwd, 'results'));
    await refused('results/demo', `--out ${join(cwd, 'results', 'demo')} cannot be used: ${join(cwd, 'results')} is a symbolic link to ${join(cwd, 'gone')}, which does not exist`, cwd);
  });

  it('a symbolic link itself, dangling or not (the link, not its target, would be replaced)', async () => {
    const cwd = await scratchFolder();
    await symlink(join(cwd, 'gone'), join(cwd, 'dangling'));
    await mkdir(join(cwd, 'target'));
    await symlink(join(cwd, 'target'), join(cwd, 'link'));
    await refused('dangling', `--out ${join(cwd, 'dangling')} is a symbolic link (to ${join(cwd, 'gone')}): sipro replaces its output folder whole, so name the folder itself`, cwd);
    await refused('link', `--out ${join(cwd, 'link')} is a symbolic link (to ${join(cwd, 'target')})`, cwd);
    expect(await readdir(cwd)).toEqual(['dangling', 'link', 'target']);
  });

  it.runIf(existsSync('/proc/self'))('under /proc, at once', async () => {
    await refused('/proc/nope/x', '--out /proc/nope/x cannot be used: the folder /proc/nope cannot be created (ENOENT)');
    await refused('/proc/x', '--out /proc/x cannot be used: no file can be created in /proc (ENOENT)');
  }, 10_000);
});

describe('a folder another run is writing', () => {
  it('exit 2 naming the run and the lock file; nothing written; the lock left to its holder', async () => {
    const cwd = await scratchFolder();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const lock = join(cwd, '.out.sipro-lock');
      await writeFile(lock, JSON.stringify({ pid: holder.pid, host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
      const run = await runSipro(['project', MINIMAL, '--out', 'out', '--quiet'], { cwd });
      expect(run.stderr).toBe(`sipro: another sipro run (pid ${holder.pid} on ${hostname()}, since 2026-01-01T00:00:00.000Z) is writing ${join(cwd, 'out')}: ` +
        `wait for it to end, or choose another --out. If no sipro run is writing there, delete ${lock}\n(run with --help for usage)\n`);
      expect(run.code).toBe(2);
      expect(await readdir(cwd)).toEqual(['.out.sipro-lock']);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('CSV injection', () => {
  it('a group named -1-1 is written \'-1-1 (quoted) in by_group.csv and subsidy.csv; negative numbers stay numbers', async () => {
    const cwd = await scratchFolder();
    await cp(MINIMAL, join(cwd, 'scheme'), { recursive: true });
    for (const name of await readdir(join(cwd, 'scheme'))) {
      const path = join(cwd, 'scheme', name);
      await writeFile(path, (await readFile(path, 'utf8')).replaceAll('traders', '-1-1'));
    }
    const run = await runSipro(['project', 'scheme', '--out', 'out', '--quiet', '--set', 'contributions.rate=0', '--set', 'projection.horizon=60'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const byGroup = await readFile(join(cwd, 'out', 'by_group.csv'), 'utf8');
    expect(byGroup).toContain('\n2025,"\'-1-1",F,');
    expect(byGroup).not.toMatch(/(^|,)-1-1,/m);
    expect(await readFile(join(cwd, 'out', 'subsidy.csv'), 'utf8')).toContain('\n"\'-1-1",F,');
    // Without contributions the reserve runs out: its negative cells are bare numbers.
    const projection = parse(await readFile(join(cwd, 'out', 'projection.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const negative = projection.map((row) => row['reserve_end']!).filter((cell) => cell.startsWith('-'));
    expect(negative.length).toBeGreaterThan(0);
    for (const cell of negative) expect(Number(cell)).toBeLessThan(0);
  });
});
