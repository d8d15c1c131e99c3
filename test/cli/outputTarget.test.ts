import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runSipro, scratchFolder } from './helpers.js';

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
});
