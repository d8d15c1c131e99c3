/**
 * `sipro sweep --shard I/N` and `sipro merge`: the shards of a sweep, merged
 * in any order, give the sweep.csv of one run byte for byte; shards that are
 * missing, repeated, edited or from another sweep are refused (exit 3).
 */
import { createHash } from 'node:crypto';
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

  it('merges shards whose cells and column names were neutralised (CSV injection) byte for byte, with the merged checksum', async () => {
    const folder = await scratchFolder();
    const scenarios = join(folder, 'scenarios.csv');
    await writeFile(scenarios, 'scenario,name,@mortality.qx\nplain,Plain,1\nformula,"=HYPERLINK(""http://x"",""y"")",1.1\nminus,-1-1,0.9\n');
    const sweep = (out: string, ...extra: string[]) => runSipro(['sweep', MINIMAL, '--scenarios', scenarios, '--jobs', '1', '--quiet', '--out', out, ...extra]);
    const whole = join(folder, 'whole');
    expect((await sweep(whole)).code).toBe(0);
    const text = await readFile(join(whole, 'sweep.csv'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^scenario,name,"'@mortality\.qx",gap,/);
    expect(text).toContain('\nformula,"\'=HYPERLINK(""http://x"",""y"")",1.1,');
    expect(text).toContain('\nminus,"\'-1-1",0.9,');
    const names = [join(folder, 's1'), join(folder, 's2')];
    for (const [index, name] of names.entries()) expect((await sweep(name, '--shard', `${index + 1}/2`)).code).toBe(0);
    const merged = join(folder, 'merged');
    const result = await runSipro(['merge', merged, ...names]);
    expect(result.code, result.stderr).toBe(0);
    const mergedText = await readFile(join(merged, 'sweep.csv'), 'utf8');
    expect(mergedText).toBe(text);
    const record = JSON.parse(await readFile(join(merged, 'sweep.json'), 'utf8')) as { csv_sha256: string };
    expect(record.csv_sha256).toBe(createHash('sha256').update(mergedText).digest('hex'));
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
      // Refused shards release the output folder's lock.
      expect((await readdir(folder)).filter((name) => name.startsWith('.merged.'))).toEqual([]);
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

    // An edited value keeps the columns and the scenarios: only the checksum tells.
    const retouched = join(folder, 'retouched');
    await cp(second!, retouched, { recursive: true });
    const rows = csv.split('\n');
    const cells = rows[1]!.split(',');
    const gap = cells.indexOf(cells.find((cell) => /^0\.\d{6,}$/.test(cell))!);
    cells[gap] = String(Number(cells[gap]) * 0.9);
    await writeFile(join(retouched, 'sweep.csv'), [rows[0], cells.join(','), ...rows.slice(2)].join('\n'));
    await refused([first!, retouched, third!], `${join(retouched, 'sweep.csv')}: was edited after sipro sweep wrote it (its SHA-256 differs from the csv_sha256 in sweep.json): run the shard again`);

    const unsigned = join(folder, 'unsigned');
    await cp(second!, unsigned, { recursive: true });
    const record = JSON.parse(await readFile(join(unsigned, 'sweep.json'), 'utf8')) as Record<string, unknown>;
    delete record['csv_sha256'];
    await writeFile(join(unsigned, 'sweep.json'), JSON.stringify(record));
    await refused([first!, unsigned, third!], `${join(unsigned, 'sweep.json')}: records no checksum of sweep.csv (csv_sha256): it was written by an older sipro; run the shard again`);

    const whole = join(folder, 'whole');
    expect((await runSipro(['sweep', MINIMAL, ...GRID, '--out', whole, '--quiet', '--jobs', '1'])).code).toBe(0);
    await refused([whole], `${join(whole, 'sweep.json')}: is a whole sweep, not a shard: it was run without --shard`);
    await refused([join(folder, 'nowhere')], 'cannot be read (ENOENT): expected the output folder of sipro sweep --shard I/N');
  });
});
