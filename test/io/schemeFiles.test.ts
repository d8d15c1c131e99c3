/**
 * Files that are not plain files (issue #13, item 2): a folder, a link loop,
 * a FIFO, a device, a file outside the scheme folder, a file too large. Each
 * is refused with one message saying why, before it is opened.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/io/loadScheme.js';
import { scratchFolder } from '../cli/helpers.js';
import { minimalCopies, placed } from '../support/diagnostics.js';

const copyOfMinimal = minimalCopies();
/** Folders outside the scheme's, removed after each test. */
const scratch: string[] = [];
afterEach(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});
const DEFAULT_INCOME = '(the default name of the income file; set files.income in scheme.yaml to use another)';

/** fixtures/minimal's scheme.yaml with `files: {…}` added. */
async function nameFiles(folder: string, files: string): Promise<void> {
  const text = await readFile(join(folder, 'scheme.yaml'), 'utf8');
  await writeFile(join(folder, 'scheme.yaml'), text.replace('currency: XOF\n', `currency: XOF\nfiles: ${files}\n`));
}

/** A file of `bytes` bytes that takes no room on disk. */
async function sparseFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  await handle.truncate(bytes);
  await handle.close();
}

describe('files that are not plain files', () => {
  it('names a folder as a folder', async () => {
    const folder = await copyOfMinimal();
    await rm(join(folder, 'income.csv'));
    await mkdir(join(folder, 'income.csv'));
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([`income.csv: is a folder, not a CSV file ${DEFAULT_INCOME}`]);
  });

  it('names a loop of symbolic links as such, not as a missing file', async () => {
    const folder = await copyOfMinimal();
    await rm(join(folder, 'income.csv'));
    await symlink('income.csv', join(folder, 'income.csv'));
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([`income.csv: is a loop of symbolic links that leads back to itself: it names no file ${DEFAULT_INCOME}`]);
  });

  it('refuses a FIFO without opening it (opening one waits for a writer forever)', { timeout: 5000 }, async () => {
    const folder = await copyOfMinimal();
    await rm(join(folder, 'income.csv'));
    execFileSync('mkfifo', [join(folder, 'income.csv')]);
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([
      `income.csv: is a named pipe (FIFO), not a regular file: sipro reads only regular files, as a pipe could block forever ${DEFAULT_INCOME}`,
    ]);
  });

  it('refuses a FIFO given as the scheme file itself', { timeout: 5000 }, async () => {
    const folder = await scratchFolder();
    scratch.push(folder);
    execFileSync('mkfifo', [join(folder, 'scheme.yaml')]);
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([
      'scheme.yaml: is a named pipe (FIFO), not a regular file: sipro reads only regular files, as a pipe could block forever',
    ]);
  });

  it('refuses a device (/dev/zero never ends), even where outside files are allowed', { timeout: 5000 }, async () => {
    const folder = await copyOfMinimal();
    await nameFiles(folder, '{income: /dev/zero}');
    expect(placed((await loadScheme(folder, { allowOutside: true })).diagnostics)).toEqual([
      '/dev/zero: is a device, not a regular file: sipro reads only regular files, as a device such as /dev/zero never ends (named by files.income in scheme.yaml)',
    ]);
  });
});

describe('files outside the scheme folder', () => {
  it('refuses a name that leaves the folder, without looking at what it names', async () => {
    const folder = await copyOfMinimal();
    await nameFiles(folder, '{income: ../../../../../etc/passwd}');
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([
      '../../../../../etc/passwd: leaves the scheme folder (named by files.income in scheme.yaml): a scheme reads the files of its own folder; pass --allow-outside to read it anyway',
    ]);
  });

  it('refuses a link inside the folder that leads out of it, naming where', async () => {
    const outside = await scratchFolder();
    scratch.push(outside);
    const folder = await copyOfMinimal();
    await writeFile(join(outside, 'income.csv'), await readFile(join(folder, 'income.csv')));
    await rm(join(folder, 'income.csv'));
    await symlink(join(outside, 'income.csv'), join(folder, 'income.csv'));
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([
      `income.csv: is a link that leads outside the scheme folder, to ${join(outside, 'income.csv')} ${DEFAULT_INCOME}: a scheme reads the files of its own folder; pass --allow-outside to read it anyway`,
    ]);
    expect((await loadScheme(folder, { allowOutside: true })).diagnostics).toEqual([]);
  });

  it('reads a file outside the folder when allowed', async () => {
    const outside = await scratchFolder();
    scratch.push(outside);
    const folder = await copyOfMinimal();
    await writeFile(join(outside, 'shared-income.csv'), await readFile(join(folder, 'income.csv')));
    await nameFiles(folder, `{income: ${join(outside, 'shared-income.csv')}}`);
    expect(placed((await loadScheme(folder)).diagnostics)[0]).toMatch(/: leaves the scheme folder \(named by files.income/);
    const allowed = await loadScheme(folder, { allowOutside: true });
    expect(allowed.diagnostics).toEqual([]);
    expect(allowed.data?.income).toHaveLength(5);
  });

  it('reads links that stay inside the folder', async () => {
    const folder = await copyOfMinimal();
    await mkdir(join(folder, 'tables'));
    await writeFile(join(folder, 'tables', 'income-2025.csv'), await readFile(join(folder, 'income.csv')));
    await rm(join(folder, 'income.csv'));
    await symlink(join('tables', 'income-2025.csv'), join(folder, 'income.csv'));
    expect((await loadScheme(folder)).diagnostics).toEqual([]);
  });
});

describe('size limits', () => {
  it('refuses a CSV larger than its limit from its size, before reading it', async () => {
    const folder = await copyOfMinimal();
    await sparseFile(join(folder, 'mortality.csv'), 300 * 2 ** 20);
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([
      'mortality.csv: is 300 MiB, more than the 256 MiB sipro reads for a mortality file: is it the right file? (the default name of the mortality file; set files.mortality in scheme.yaml to use another)',
    ]);
  });

  it('allows a population file up to 4 GiB (a register of tens of millions of members)', async () => {
    const folder = await copyOfMinimal();
    await sparseFile(join(folder, 'population.csv'), 5 * 2 ** 30);
    expect(placed((await loadScheme(folder)).diagnostics)[0]).toBe(
      'population.csv: is 5 GiB, more than the 4 GiB sipro reads for a population file: is it the right file? (the default name of the population file; set files.population in scheme.yaml to use another)',
    );
  });

  it('refuses a scheme file over 1 MiB', async () => {
    const folder = await copyOfMinimal();
    await sparseFile(join(folder, 'scheme.yaml'), 2 ** 21);
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual(['scheme.yaml: is 2 MiB, more than the 1 MiB sipro reads for a scheme file: is it the right file?']);
  });
});
