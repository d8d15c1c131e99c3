/**
 * `sipro compare A B`: a scheme against itself is zero everywhere, whichever
 * way each side is given (scheme or output folder); B made with --set is the
 * projection `sipro project --set` writes; `delta` gates; inputs of
 * different years refused; files written whole or not at all.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runSipro, scratchFolder } from './helpers.js';
import { csvRows } from './sweepSupport.js';

const MINIMAL = fixture('minimal');

interface IndicatorRow { indicator: string; a: number | null; b: number | null; delta: number | null }
interface CompareJson {
  output: string;
  format: string;
  a: { source: string; kind: string; name: string | null; run: { overrides?: unknown } };
  b: { source: string; kind: string; name: string | null; run: { overrides?: unknown } };
  indicators: IndicatorRow[];
  scaled_premium: { period_start: number; a: number; b: number; delta: number }[];
  assertions: { assertion: string; passed: boolean; failures: { year?: number; value: number | null }[] }[];
}

async function compare(...argv: string[]) {
  const out = join(await scratchFolder(), 'compare');
  const run = await runSipro(['compare', ...argv, '--out', out]);
  const json = argv.includes('--json') && run.code !== 3 && run.code !== 2 ? (JSON.parse(run.stdout) as CompareJson) : undefined;
  return { ...run, out, json };
}

async function projected(...set: string[]): Promise<string> {
  const out = join(await scratchFolder(), 'projected');
  const run = await runSipro(['project', MINIMAL, '--out', out, '--quiet', ...set.flatMap((option) => ['--set', option])]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

/**
 * Every delta of compare.csv and of the indicators, but those of an indicator
 * null on both sides (the minimal scheme awards no old-age pension within its
 * horizon: its gender pension gap is null, §7), which have no difference.
 */
async function deltas(out: string, json: CompareJson): Promise<unknown[]> {
  const rows = await csvRows(out, 'compare.csv');
  return [...rows.flatMap((row) => Object.entries(row).filter(([column]) => column.startsWith('delta_')).map(([, value]) => value)),
    ...json.indicators.filter((row) => row.a !== null || row.b !== null).map((row) => row.delta), ...json.scaled_premium.map((row) => row.delta)];
}

describe('sipro compare: a scheme with itself', () => {
  it.each([
    ['scheme', 'scheme'],
    ['output folder', 'scheme'],
    ['output folder', 'output folder'],
  ])('%s against %s: every difference is 0 (CSV cells "0"), in compare.csv and the indicators', async (kindA, kindB) => {
    const folder = await projected();
    const [a, b] = [kindA, kindB].map((kind) => (kind === 'scheme' ? MINIMAL : folder));
    const { code, json, out, stderr } = await compare(a!, b!, '--json');
    expect(code, stderr).toBe(0);
    const all = await deltas(out, json!);
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((value) => value === '0' || value === 0)).toBe(true);
    expect(json!.a.kind).toBe(kindA === 'scheme' ? 'scheme' : 'output');
    expect(json!.b.name).toBe('Minimal test scheme');
    const header = Object.keys((await csvRows(out, 'compare.csv'))[0]!);
    expect(header.slice(0, 7)).toEqual(['year', 'actives_a', 'actives_b', 'delta_actives', 'old_age_pensioners_a', 'old_age_pensioners_b', 'delta_old_age_pensioners']);
    expect(header).toContain('delta_reserve_end');
  });
});

describe('sipro compare A --set …: a reform', () => {
  it('B is the projection sipro project --set writes; B − A in the indicators and year by year', async () => {
    const { code, json, out } = await compare(MINIMAL, '--set', 'contributions.rate=0.12', '--json');
    expect(code).toBe(0);
    const [base, reform] = await Promise.all([projected(), projected('contributions.rate=0.12')]);
    const summaryOf = async (folder: string) => JSON.parse(await readFile(join(folder, 'summary.json'), 'utf8')) as Record<string, number | null>;
    const [summaryA, summaryB] = await Promise.all([summaryOf(base), summaryOf(reform)]);
    for (const row of json!.indicators.filter((entry) => ['gap', 'effective_rate', 'actuarial_balance'].includes(entry.indicator))) {
      expect(row.a).toBe(summaryA[row.indicator]);
      expect(row.b).toBe(summaryB[row.indicator]);
      expect(row.delta).toBe(summaryB[row.indicator]! - summaryA[row.indicator]!);
    }
    expect(json!.b.run.overrides).toEqual([{ path: 'contributions.rate', value: 0.12 }]);
    const projection = async (folder: string) => csvRows(folder, 'projection.csv');
    const [rowsA, rowsB, rows] = await Promise.all([projection(base), projection(reform), csvRows(out, 'compare.csv')]);
    rows.forEach((row, index) => {
      expect(row['reserve_end_a']).toBe(rowsA[index]!['reserve_end']);
      expect(row['reserve_end_b']).toBe(rowsB[index]!['reserve_end']);
      expect(Number(row['delta_reserve_end'])).toBe(Number(rowsB[index]!['reserve_end']) - Number(rowsA[index]!['reserve_end']));
    });
    expect((await readdir(out)).sort()).toEqual(['compare.csv', 'compare.json']);
    const record = JSON.parse(await readFile(join(out, 'compare.json'), 'utf8')) as CompareJson;
    expect({ ...record, output: json!.output }).toEqual(json);
  });

  it('prints the indicators side by side and a few years of differences, without colour when piped', async () => {
    const { code, stdout, stderr, out } = await compare(MINIMAL, '--set', 'contributions.rate=0.12');
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ GAP \(general average premium\) +│ +[\d.]+ % │ +[\d.]+ % │ +[+-][\d.]+ pts │/);
    expect(stdout).toContain(`A: ${MINIMAL} (Minimal test scheme)\nB: ${MINIMAL} with --set contributions.rate=0.12\n`);
    expect(stdout).toMatch(/│ 2034 │/);
    expect(stdout).not.toContain('\u001b[');
    expect(stderr).toBe(`Wrote compare.csv, compare.json to ${out}\n`);
  });

  it('--assert "delta …" gates B − A, plain assertions B itself: exit 4 when one fails, with the worst year', async () => {
    const { code, json } = await compare(MINIMAL, '--set', 'contributions.rate=0.05', '--json',
      '--assert', 'delta actuarial_balance >= 0', '--assert', 'delta reserve_end <= 0 from 2026', '--assert', 'delta gap <= 0.01', '--assert', 'gap <= 1');
    expect(code).toBe(4);
    expect(json!.assertions.map((report) => [report.assertion, report.passed])).toEqual([
      ['delta actuarial_balance >= 0', false], ['delta reserve_end <= 0 from 2026', true], ['delta gap <= 0.01', true], ['gap <= 1', true],
    ]);
    const plain = await compare(MINIMAL, '--set', 'contributions.rate=0.05', '--assert', 'delta reserve_end >= 0', '--quiet');
    expect(plain.code).toBe(4);
    expect(plain.stderr).toMatch(/^assertion failed: delta reserve_end >= 0 \(fails in 10 years; first 2025: delta reserve_end = -[\d.e+]+; worst 2034: delta reserve_end = -[\d.e+]+\)\n1 assertion: 0 passed, 1 failed\n$/);
  });
});

describe('sipro compare refuses', () => {
  it('inputs of different years, naming both spans (exit 3, nothing written)', async () => {
    const longer = await projected('projection.horizon=12');
    const { code, stderr, out } = await compare(MINIMAL, longer);
    expect(code).toBe(3);
    expect(stderr).toContain(`${longer}: B covers 2025–2036 (12 years) but A covers 2025–2034 (10 years): compare needs the same base year and horizon`);
    await expect(readdir(out)).rejects.toThrow();
    const later = await compare(MINIMAL, '--set', 'projection.base_year=2026');
    expect(later.code).toBe(3);
    expect(later.stderr).toContain('B covers 2026–2035 (10 years) but A covers 2025–2034 (10 years)');
  });

  it('a misspelt --set before projecting anything, with "did you mean" (exit 3)', async () => {
    const { code, stderr, out } = await compare(MINIMAL, '--set', 'contributons.rate=0.12');
    expect(code).toBe(3);
    expect(stderr).toBe('--set: unknown field "contributons" (in contributons.rate); did you mean "contributions"?\n\n1 error, 0 warnings\n');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('an output folder of another kind (exit 3), --set on an output folder and a missing B (usage, exit 2)', async () => {
    const sweep = join(await scratchFolder(), 'sweep');
    expect((await runSipro(['sweep', MINIMAL, '--grid', 'contributions.rate=0.1', '--jobs', '1', '--out', sweep, '--quiet'])).code).toBe(0);
    const other = await compare(MINIMAL, sweep);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain(`${sweep}: is a sweep output folder: compare reads output folders of sipro project, or schemes`);
    const folder = await projected();
    const setOnOutput = await compare(folder, '--set', 'contributions.rate=0.1');
    expect(setOnOutput.code).toBe(2);
    expect(setOnOutput.stderr).toContain(`--set changes a scheme, and ${folder} is an output folder`);
    const alone = await compare(MINIMAL);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('name B, or give --set overrides that make B from A');
    const badGate = await compare(MINIMAL, MINIMAL, '--assert', 'delta gapp <= 0.01');
    expect(badGate.code).toBe(2);
    expect(badGate.stderr).toContain('--assert "delta gapp <= 0.01": unknown name "gapp" at column 7');
    expect(badGate.stderr).toContain('did you mean "gap"?');
    const manyScenarios = await compare(MINIMAL, MINIMAL, '--assert', 'delta gap_p5 <= 0.01');
    expect(manyScenarios.code).toBe(2);
    expect(manyScenarios.stderr).toContain('--assert "delta gap_p5 <= 0.01": gap_p5 is a result of many scenarios (sipro simulate)');
  });
});
