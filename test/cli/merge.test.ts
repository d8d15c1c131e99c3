/**
 * `sipro sweep --shard I/N` and `sipro merge`: the shards of a sweep, merged
 * in any order, give the sweep.csv of one run byte for byte; shards that are
 * missing, repeated, edited or from another sweep are refused (exit 3).
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runSipro, scratchFolder } from './helpers.js';
import { csvRows, spawnSipro } from './sweepSupport.js';

const MINIMAL = fixture('minimal');
/** 7 scenarios in 3 shards: shards of 3, 2 and 2 rows. */
const GRID = ['--grid', 'contributions.rate=0.06,0.08,0.1,0.12,0.14,0.16,0.18', '--set', 'groups.drivers.compliance=0.9'];

async function shards(folder: string, count: number, extra: string[] = [], run = runSipro) {
  const names: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const name = join(folder, `shard-${index}`);
    const result = await run(['sweep', MINIMAL, ...GRID, ...extra, '--shard', `${index}/${count}`, '--out', name, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    names.push(name);
  }
  return names;
}

describe('sipro sweep --shard and sipro merge', () => {
  it('a shard runs the scenarios whose 0-based index % N == I - 1', async () => {
    const folder = await scratchFolder();
    const [first, second, third] = await shards(folder, 3, ['--jobs', '1']);
    expect((await csvRows(first!)).map((row) => row['scenario'])).toEqual(['s001', 's004', 's007']);
    expect((await csvRows(second!)).map((row) => row['scenario'])).toEqual(['s002', 's005']);
    expect((await csvRows(third!)).map((row) => row['scenario'])).toEqual(['s003', 's006']);
    const record = JSON.parse(await readFile(join(second!, 'sweep.json'), 'utf8')) as { shard: unknown; scenarios: number };
    expect(record).toMatchObject({ shard: { index: 2, count: 3 }, scenarios: 7 });
  });

  it('merged shards (run on worker threads, given in any order) equal one run byte for byte', async () => {
    const folder = await scratchFolder();
    const whole = join(folder, 'whole');
    expect((await runSipro(['sweep', MINIMAL, ...GRID, '--jobs', '1', '--out', whole, '--quiet'])).code).toBe(0);
    const [first, second, third] = await shards(folder, 3, ['--jobs', '2'], spawnSipro);
    const merged = join(folder, 'merged');
    const result = await runSipro(['merge', merged, third!, first!, second!]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`Merged 3 shards (7 scenarios) into ${join(merged, 'sweep.csv')}\n`);
    expect(await readFile(join(merged, 'sweep.csv'), 'utf8')).toBe(await readFile(join(whole, 'sweep.csv'), 'utf8'));
    const record = JSON.parse(await readFile(join(merged, 'sweep.json'), 'utf8')) as { shard: unknown; merged_from: string[] };
    expect(record.shard).toBeNull();
    expect(record.merged_from).toEqual([third, first, second]);
    // Merging again needs --force, like every output folder.
    expect((await runSipro(['merge', merged, first!, second!, third!])).code).toBe(2);
    expect((await runSipro(['merge', merged, first!, second!, third!, '--force'])).code).toBe(0);
  });

  it('also merges a sweep with more shards than scenarios (empty shards) and kept outputs', async () => {
    const folder = await scratchFolder();
    const whole = join(folder, 'whole');
    const grid = ['--grid', 'contributions.rate=0.06,0.08', '--keep-outputs'];
    expect((await runSipro(['sweep', MINIMAL, ...grid, '--jobs', '1', '--out', whole, '--quiet'])).code).toBe(0);
    const names = [1, 2, 3].map((index) => join(folder, `s${index}`));
    for (const [index, name] of names.entries()) {
      expect((await runSipro(['sweep', MINIMAL, ...grid, '--jobs', '1', '--shard', `${index + 1}/3`, '--out', name, '--quiet'])).code).toBe(0);
    }
    const merged = join(folder, 'merged');
    expect((await runSipro(['merge', merged, ...names])).code).toBe(0);
    expect(await readFile(join(merged, 'sweep.csv'), 'utf8')).toBe(await readFile(join(whole, 'sweep.csv'), 'utf8'));
    expect(await readdir(join(merged, 'scenarios'))).toEqual(['s001', 's002']);
    expect(await readFile(join(merged, 'scenarios', 's002', 'projection.csv'), 'utf8')).toBe(await readFile(join(whole, 'scenarios', 's002', 'projection.csv'), 'utf8'));
  });

  it('refuses missing, repeated, edited and foreign shards (exit 3, nothing written)', async () => {
    const folder = await scratchFolder();
    const [first, second, third] = await shards(folder, 3, ['--jobs', '1']);
    const merged = join(folder, 'merged');
    const refused = async (args: string[], message: string) => {
      const result = await runSipro(['merge', merged, ...args]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(message);
      await expect(readdir(merged)).rejects.toThrow();
    };
    await refused([first!, third!], `${merged}: cannot be merged: shard 2 of 3 is missing`);
    await refused([first!, second!, second!, third!], `is shard 2/3, like ${second}: give each shard once`);

    const foreign = join(folder, 'foreign');
    expect((await runSipro(['sweep', MINIMAL, '--grid', 'contributions.rate=0.06,0.08,0.1', '--shard', '2/3', '--out', foreign, '--quiet', '--jobs', '1'])).code).toBe(0);
    await refused([first!, foreign, third!], `${join(foreign, 'sweep.json')}: is from another sweep than ${join(first!, 'sweep.json')}`);

    const edited = join(folder, 'edited');
    await cp(second!, edited, { recursive: true });
    const csv = await readFile(join(edited, 'sweep.csv'), 'utf8');
    await writeFile(join(edited, 'sweep.csv'), csv.replace('s005', 's006'));
    await refused([first!, edited, third!], `${join(edited, 'sweep.csv')}: holds scenarios s002, s006 where shard 2/3 runs s002, s005: was it edited?`);

    const whole = join(folder, 'whole');
    expect((await runSipro(['sweep', MINIMAL, ...GRID, '--out', whole, '--quiet', '--jobs', '1'])).code).toBe(0);
    await refused([whole], `${join(whole, 'sweep.json')}: is a whole sweep, not a shard: it was run without --shard`);
    await refused([join(folder, 'nowhere')], 'cannot be read (ENOENT): expected the output folder of sipro sweep --shard I/N');
  });
});
