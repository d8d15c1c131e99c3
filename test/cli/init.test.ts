/** `sipro init DIR`: a copy of the bundled demo scheme that validates as it is. */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runSipro, scratchFolder } from './helpers.js';

const scratch: string[] = [];
afterEach(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});
async function workspace(): Promise<string> {
  const folder = await scratchFolder();
  scratch.push(folder);
  return folder;
}

describe('sipro init', () => {
  it('copies fixtures/demo into a new folder, which then validates', async () => {
    const cwd = await workspace();
    const result = await runSipro(['init', 'my-scheme'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('sipro validate my-scheme');
    const demoFiles = (await readdir(fixture('demo'))).sort();
    expect((await readdir(join(cwd, 'my-scheme'))).sort()).toEqual(demoFiles);
    expect(await readFile(join(cwd, 'my-scheme', 'scheme.yaml'), 'utf8')).toBe(await readFile(fixture('demo', 'scheme.yaml'), 'utf8'));
    expect((await runSipro(['validate', 'my-scheme'], { cwd })).code).toBe(0);
  });

  it('accepts an existing empty folder', async () => {
    const cwd = await workspace();
    await mkdir(join(cwd, 'empty'));
    expect((await runSipro(['init', 'empty'], { cwd })).code).toBe(0);
    expect(existsSync(join(cwd, 'empty', 'scheme.yaml'))).toBe(true);
  });

  it('refuses a non-empty folder with exit 2 and leaves it alone', async () => {
    const cwd = await workspace();
    await mkdir(join(cwd, 'busy'));
    await writeFile(join(cwd, 'busy', 'notes.txt'), 'mine');
    const result = await runSipro(['init', 'busy'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('busy is not empty');
    expect(await readdir(join(cwd, 'busy'))).toEqual(['notes.txt']);
  });

  it('copies into a non-empty folder with --force, keeping other files', async () => {
    const cwd = await workspace();
    await mkdir(join(cwd, 'busy'));
    await writeFile(join(cwd, 'busy', 'notes.txt'), 'mine');
    await writeFile(join(cwd, 'busy', 'scheme.yaml'), 'old');
    expect((await runSipro(['init', 'busy', '--force'], { cwd })).code).toBe(0);
    expect(await readFile(join(cwd, 'busy', 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(cwd, 'busy', 'scheme.yaml'), 'utf8')).toBe(await readFile(fixture('demo', 'scheme.yaml'), 'utf8'));
  });

  it('refuses a path that is a file, and a missing argument, with exit 2', async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, 'a-file'), '');
    expect((await runSipro(['init', 'a-file'], { cwd })).code).toBe(2);
    expect((await runSipro(['init'], { cwd })).code).toBe(2);
  });
});
