/**
 * Hostile inputs against the built command (issue #13, items 2 and 3): what
 * used to hang, read forever or crash with exit 1 now ends at once with exit 3
 * and one message. Each run is killed after a few seconds, so a regression
 * fails instead of hanging the suite.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, spawnSipro } from './spawn.js';

const KILL_AFTER = 15_000;
let scratch: string;

/** A copy of fixtures/minimal, changed by `edit`. */
async function scheme(name: string, edit: (folder: string) => Promise<void>): Promise<string> {
  const folder = join(scratch, name);
  await cp(fixture('minimal'), folder, { recursive: true });
  await edit(folder);
  return folder;
}
const withFiles = (files: string) => async (folder: string) => {
  const text = await readFile(join(folder, 'scheme.yaml'), 'utf8');
  await writeFile(join(folder, 'scheme.yaml'), text.replace('currency: XOF\n', `currency: XOF\nfiles: ${files}\n`));
};
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => /^[^ ]+: /.test(line) && !/ errors?, \d+ warnings? in /.test(line));

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sipro-e2e-hostile-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('hostile inputs (spawned)', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const folder = await scheme('fifo', async (path) => {
      await rm(join(path, 'income.csv'));
      execFileSync('mkfifo', [join(path, 'income.csv')]);
    });
    const run = await spawnSipro(['validate', folder], { cwd: scratch, timeout: KILL_AFTER });
    expect(run.code).toBe(3);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/^income\.csv: is a named pipe \(FIFO\), not a regular file/)]);
  }, KILL_AFTER + 5000);

  it('refuses a FIFO named on the command line too: scenarios, cases, paths and life-table files', async () => {
    const pipe = join(scratch, 'pipe.csv');
    execFileSync('mkfifo', [pipe]);
    const minimal = fixture('minimal');
    const runs = [
      ['sweep', minimal, '--scenarios', pipe, '--out', join(scratch, 'pipe-sweep')],
      ['sensitivity', minimal, '--cases', pipe, '--out', join(scratch, 'pipe-sensitivity')],
      ['simulate', minimal, '--paths', pipe, '--out', join(scratch, 'pipe-simulate')],
      ['life-table', pipe, '--sex', 'F'],
    ];
    for (const argv of runs) {
      const run = await spawnSipro(argv, { cwd: scratch, timeout: KILL_AFTER });
      expect(run.code, `${argv[0]}: ${run.stderr}`).toBe(3);
      expect(run.stderr, argv[0]).toContain(`${pipe}: is a named pipe (FIFO), not a regular file`);
    }
  }, 4 * KILL_AFTER + 5000);

  it('refuses /dev/zero instead of reading it for ever, with or without --allow-outside', async () => {
    const folder = await scheme('zero', withFiles('{mortality: /dev/zero}'));
    const refused = await spawnSipro(['validate', folder], { cwd: scratch, timeout: KILL_AFTER });
    expect(refused.code).toBe(3);
    expect(errorLines(refused.stderr)).toEqual([expect.stringMatching(/^\/dev\/zero: leaves the scheme folder/)]);
    const allowed = await spawnSipro(['project', folder, '--allow-outside', '--out', join(scratch, 'out')], { cwd: scratch, timeout: KILL_AFTER });
    expect(allowed.code).toBe(3);
    expect(errorLines(allowed.stderr)).toEqual([expect.stringMatching(/^\/dev\/zero: is a device, not a regular file/)]);
  }, 2 * KILL_AFTER + 5000);

  it('reads a file outside the folder only with --allow-outside, on every command that loads a scheme', async () => {
    const folder = await scheme('outside', async (path) => {
      await cp(join(path, 'income.csv'), join(scratch, 'shared-income.csv'));
      await withFiles('{income: ../shared-income.csv}')(path);
    });
    const refused = await spawnSipro(['validate', folder], { cwd: scratch, timeout: KILL_AFTER });
    expect(refused.code).toBe(3);
    expect(errorLines(refused.stderr)).toEqual(['../shared-income.csv: leaves the scheme folder (named by files.income in scheme.yaml): a scheme reads the files of its own folder; pass --allow-outside to read it anyway']);
    const runs = [
      ['validate', folder],
      ['project', folder, '--out', join(scratch, 'outside-out'), '--quiet'],
      ['subsidy', folder],
      ['sweep', folder, '--grid', 'contributions.rate=0.1,0.12', '--jobs', '2', '--out', join(scratch, 'outside-sweep'), '--quiet'],
      ['sensitivity', folder, '--jobs', '1', '--out', join(scratch, 'outside-sensitivity'), '--quiet'],
    ];
    for (const argv of runs) {
      const run = await spawnSipro([...argv, '--allow-outside'], { cwd: scratch, timeout: KILL_AFTER });
      expect(run.stderr, argv[0]).not.toMatch(/leaves the scheme folder|error/);
      expect(run.code, argv[0]).toBe(0);
    }
  }, 6 * KILL_AFTER);

  it('exits 3 on an alias bomb in scheme.yaml (it exited 1 with a ReferenceError)', async () => {
    const folder = await scheme('bomb', async (path) => {
      const levels = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, level) =>
        `b${level}: &b${level} [${Array(9).fill(level === 0 ? '*a' : `*b${level - 1}`).join(', ')}]`)];
      await writeFile(join(path, 'scheme.yaml'), `${await readFile(join(path, 'scheme.yaml'), 'utf8')}${levels.join('\n')}\n`);
    });
    const run = await spawnSipro(['validate', folder], { cwd: scratch, timeout: KILL_AFTER });
    expect(run.code).toBe(3);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/^scheme\.yaml: cannot read the YAML: its aliases \(\*name\) expand to more than/)]);
  }, KILL_AFTER + 5000);

  it('exits 3 with one message on 200,000 nested brackets in scheme.json', async () => {
    const folder = await scheme('deep', async (path) => {
      await rm(join(path, 'scheme.yaml'));
      await writeFile(join(path, 'scheme.json'), `{"name": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    });
    const run = await spawnSipro(['validate', folder], { cwd: scratch, timeout: KILL_AFTER });
    expect(run.code).toBe(3);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/^scheme\.json:1: cannot read the JSON: it nests \[ and \{ more than 64 levels deep/)]);
  }, KILL_AFTER + 5000);
});
