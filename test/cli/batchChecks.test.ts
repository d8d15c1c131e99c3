/**
 * Up-front checks of batches (issue #12, item 5): a misspelt path or an
 * unknown group stops a sweep before any scenario runs — no scenario is
 * projected, no output folder made — worded as `sipro validate` words
 * problems, with a "did you mean". (solve, compare and sensitivity --cases
 * are checked in their own test files.)
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, minimalWith, runSipro, scratchFolder } from './helpers.js';

const MINIMAL = fixture('minimal');

describe('a sweep checks every scenario\'s paths before running any', () => {
  it('--grid: a typo and an unknown group, both listed, exit 3, nothing written', async () => {
    const out = join(await scratchFolder(), 'sweep');
    const run = await runSipro(['sweep', MINIMAL, '--grid', 'contributions.rate=0.08,0.1', '--grid', 'contributons.floor=1,2,3',
      '--grid', 'groups.tradrs.compliance=0.5,0.6', '--jobs', '1', '--out', out]);
    expect(run).toEqual({
      code: 3,
      stdout: '',
      stderr: [
        '--grid: unknown field "contributons" (in contributons.floor); did you mean "contributions"?',
        '--grid: unknown group "tradrs" (in groups.tradrs.compliance): an override cannot add a group; the scheme\'s groups are traders, drivers; did you mean "traders"?',
        '', '2 errors, 0 warnings', '',
      ].join('\n'),
    });
    await expect(readdir(out)).rejects.toThrow();
  });

  it('--scenarios: the problem is on the header line of the file, whatever the number of scenarios', async () => {
    const folder = await minimalWith();
    const rows = Array.from({ length: 500 }, (_, index) => `s${index},0.${String(index % 9 + 1)},`);
    await writeFile(join(folder, 'scenarios.csv'), ['scenario,contributions.rate,benefits.old_age.retirment_age', ...rows, ''].join('\n'));
    const out = join(folder, 'out');
    const run = await runSipro(['sweep', folder, '--scenarios', join(folder, 'scenarios.csv'), '--jobs', '1', '--out', out, '--json']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false, errors: 1, warnings: 0,
      diagnostics: [{
        severity: 'error', file: join(folder, 'scenarios.csv'), line: 1, path: 'benefits.old_age.retirment_age',
        message: 'column benefits.old_age.retirment_age: unknown field "benefits.old_age.retirment_age"; did you mean "retirement_age"?',
      }],
    });
    await expect(readdir(out)).rejects.toThrow();
  });

  it('a value out of bounds stays the scenario\'s own: the sweep runs and reports it in its row', async () => {
    const out = join(await scratchFolder(), 'sweep');
    const run = await runSipro(['sweep', MINIMAL, '--grid', 'groups.traders.compliance=0.5,1.5', '--jobs', '1', '--out', out, '--quiet']);
    expect(run.code).toBe(3);
    expect(await readdir(out)).toContain('sweep.csv');
  });
});

describe('--set groups.<unknown>', () => {
  it('is an error naming the scheme\'s groups, not a new group missing its income rows', async () => {
    const run = await runSipro(['project', MINIMAL, '--set', 'groups.artisans.compliance=0.5', '--out', join(await scratchFolder(), 'out')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('--set: unknown group "artisans" (in groups.artisans.compliance): an override cannot add a group; the scheme\'s groups are traders, drivers\n\n1 error, 0 warnings\n');
  });
});
