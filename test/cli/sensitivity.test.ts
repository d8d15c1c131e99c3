/**
 * `sipro sensitivity`: the standard cases as a sweep, ranked by |Δ GAP|,
 * written as sensitivity.csv; each case equals `sipro project` with its
 * overrides. Only signs that are certain are checked.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runSipro, scratchFolder } from './helpers.js';
import { asCell, csvRows } from './sweepSupport.js';

const MINIMAL = fixture('minimal');

interface Row {
  scenario: string;
  parameter: string;
  gap: number | null;
  delta_gap: number | null;
  actuarial_balance: number | null;
  delta_actuarial_balance: number | null;
  depletion_year: number | null;
  delta_depletion_year: number | null;
  error: string | null;
}
interface SensitivityJson {
  output: string;
  base: { gap: number };
  rows: Row[];
  cases: { name: string; overrides: { path: string; value: unknown }[]; scales: Record<string, number> }[];
}

async function sensitivity(...extra: string[]) {
  const out = join(await scratchFolder(), 'sensitivity');
  const result = await runSipro(['sensitivity', MINIMAL, '--out', out, '--jobs', '1', ...extra]);
  return { ...result, out };
}

describe('sipro sensitivity', () => {
  it('ranks the standard cases by |Δ GAP| after the base, in --json and sensitivity.csv', async () => {
    const { code, stdout, stderr, out } = await sensitivity('--json');
    expect(code, stderr).toBe(0);
    const json = JSON.parse(stdout) as SensitivityJson;
    expect(json.output).toBe(out);
    const [base, ...cases] = json.rows;
    expect(base).toMatchObject({ scenario: 'base', gap: json.base.gap, delta_gap: 0, delta_actuarial_balance: 0 });
    expect(cases.map((row) => row.scenario).sort()).toEqual(json.cases.map((item) => item.name).sort());
    expect(cases).toHaveLength(12);
    const sizes = cases.map((row) => Math.abs(row.delta_gap!));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const row of cases) {
      expect(row.error).toBeNull();
      expect(row.delta_gap).toBe(row.gap! - base!.gap!);
      expect(row.delta_actuarial_balance).toBe(row.actuarial_balance! - base!.actuarial_balance!);
    }
    const csv = await csvRows(out, 'sensitivity.csv');
    expect(csv.map((row) => row['scenario'])).toEqual(json.rows.map((row) => row.scenario));
    expect(csv.map((row) => row['gap'])).toEqual(json.rows.map((row) => asCell(row.gap)));
    expect(csv[0]!['depletion_year']).toBe(''); // the minimal scheme's reserve lasts the horizon
  });

  it('each case is the projection with its overrides: investment return +1 point changes the GAP', async () => {
    const { stdout } = await sensitivity('--json', '--quiet');
    const json = JSON.parse(stdout) as SensitivityJson;
    const item = json.cases.find((entry) => entry.name === 'investment_return+1pt')!;
    expect(item.overrides).toEqual([{ path: 'assumptions.investment_return', value: { 2025: 0.06, 2030: 0.05 } }]);
    const row = json.rows.find((entry) => entry.scenario === 'investment_return+1pt')!;
    expect(row.delta_gap).not.toBe(0);
    const alone = await runSipro(['project', MINIMAL, '--out', join(json.output, '..', 'alone'), '--json', '--quiet',
      '--set', `assumptions.investment_return=${JSON.stringify(item.overrides[0]!.value)}`]);
    expect((JSON.parse(alone.stdout) as { gap: number }).gap).toBe(row.gap);
    // Every case moves the GAP except, possibly, those the minimal scheme barely feels.
    const moved = json.rows.filter((entry) => entry.scenario !== 'base' && entry.delta_gap !== 0).map((entry) => entry.scenario);
    expect(moved).toEqual(expect.arrayContaining(['investment_return+1pt', 'investment_return-1pt', 'wage_growth+1pt', 'wage_growth-1pt', 'compliance-10pct']));
  });

  it('prints a table on stdout and applies --set to the base and every case', async () => {
    const { code, stdout } = await sensitivity('--set', 'contributions.rate=0.12');
    expect(code).toBe(0);
    expect(stdout).toContain('Minimal test scheme: sensitivity of the indicators, largest |Δ GAP| first');
    expect(stdout).toMatch(/│ base +│ none +│/);
    expect(stdout).not.toContain('\u001b[');
    const record = JSON.parse(await readFile(join(JSON.parse((await sensitivity('--json', '--quiet', '--set', 'contributions.rate=0.12')).stdout).output as string, 'sensitivity.json'), 'utf8')) as { run: { overrides: unknown } };
    expect(record.run.overrides).toEqual([{ path: 'contributions.rate', value: 0.12 }]);
  });

  it('an invalid --set is invalid input (exit 3)', async () => {
    const { code, stderr } = await sensitivity('--set', 'groups.traders.compliance=2');
    expect(code).toBe(3);
    expect(stderr).toContain('--set: groups.traders.compliance "2" must be a number <= 1');
  });
});
