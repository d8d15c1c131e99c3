/**
 * `sipro sensitivity`: the standard cases as a sweep, ranked by |Δ GAP|,
 * written as sensitivity.csv; each case equals `sipro project` with its
 * overrides. Only signs that are certain are checked.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, minimalWith, runSipro, scratchFolder } from './helpers.js';
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
  cases: { name: string; parameter: string; change: string; overrides: { path: string; value: unknown }[]; scales: Record<string, number> }[];
  skipped: { name: string; parameter: string; change: string; reason: string }[];
}

async function sensitivity(...extra: string[]) {
  return sensitivityOf(MINIMAL, ...extra);
}

async function sensitivityOf(scheme: string, ...extra: string[]) {
  const out = join(await scratchFolder(), 'sensitivity');
  const result = await runSipro(['sensitivity', scheme, '--out', out, '--jobs', '1', ...extra]);
  return { ...result, out };
}

/** fixtures/minimal with income rows up to age 69 for every group and sex, so that any retirement age up to 70 can be projected. */
async function minimalToAge69(): Promise<string> {
  const folder = await minimalWith();
  await writeFile(join(folder, 'income.csv'), [
    'group,sex,age_from,age_to,mean_monthly_income,cv,zero_month_prob,season_12',
    'traders,*,15,29,150,0.8,0.1,1.2', 'traders,*,30,59,220,0.9,0.1,1.2', 'traders,*,60,69,200,0.9,0.1,1.2',
    'drivers,F,15,69,250,0.6,0,', 'drivers,M,15,69,260,0.6,0,', '',
  ].join('\n'));
  return folder;
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
    // 18 standard cases; minimal's income rows stop at the retirement ages, so retirement_age+2y is left out.
    expect(cases).toHaveLength(17);
    expect(json.skipped).toEqual([{
      name: 'retirement_age+2y', parameter: 'retirement_age', change: '+2 years for each sex',
      reason: 'income.csv: group "traders" sex F ages 60-61 are not covered by any row (and 3 more problems)',
    }]);
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

describe('sipro sensitivity: retirement age, and cases of a file', () => {
  it('retirement_age ±2 years runs when the income rows reach the new age, and equals project --set', async () => {
    const folder = await minimalToAge69();
    // Over minimal's own ten years nobody reaches 58; over forty, its 45-year-olds retire.
    const { code, stdout, stderr } = await sensitivityOf(folder, '--json', '--set', 'projection.horizon=40');
    expect(code, stderr).toBe(0);
    const json = JSON.parse(stdout) as SensitivityJson;
    expect(json.skipped).toEqual([]);
    expect(json.rows).toHaveLength(19);
    const row = json.rows.find((entry) => entry.scenario === 'retirement_age+2y')!;
    const alone = await runSipro(['project', folder, '--out', join(await scratchFolder(), 'alone'), '--json', '--quiet',
      '--set', 'projection.horizon=40', '--set', 'benefits.old_age.retirement_age={F: 62, M: 64}']);
    expect((JSON.parse(alone.stdout) as { gap: number }).gap).toBe(row.gap);
    expect(row.delta_gap).not.toBe(0);
  });

  it('a standard case the files cannot take is left out with a warning on stderr, not an error (exit 0)', async () => {
    const { code, stderr } = await sensitivity('--quiet');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const loud = await sensitivity();
    expect(loud.stderr).toContain('warning: case retirement_age+2y left out: the scheme cannot take it: income.csv: group "traders" sex F ages 60-61 are not covered by any row (and 3 more problems)\n');
  });

  it('--cases FILE adds its cases (ranked with the rest); --no-standard runs only them', async () => {
    const folder = await minimalWith();
    await writeFile(join(folder, 'cases.csv'), 'scenario,contributions.rate,groups.traders.compliance\nrate12,0.12,\nrate12_compliance6,0.12,0.6\n');
    const { code, stdout } = await sensitivityOf(folder, '--cases', join(folder, 'cases.csv'), '--no-standard', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as SensitivityJson;
    expect(json.rows.map((row) => row.scenario).sort()).toEqual(['base', 'rate12', 'rate12_compliance6']);
    expect(json.cases.find((item) => item.name === 'rate12_compliance6')).toMatchObject({
      parameter: 'contributions.rate + groups.traders.compliance', change: 'contributions.rate=0.12, groups.traders.compliance=0.6',
      overrides: [{ path: 'contributions.rate', value: 0.12 }, { path: 'groups.traders.compliance', value: 0.6 }],
    });
    const alone = await runSipro(['project', folder, '--out', join(await scratchFolder(), 'alone'), '--json', '--quiet', '--set', 'contributions.rate=0.12']);
    expect(json.rows.find((row) => row.scenario === 'rate12')!.gap).toBe((JSON.parse(alone.stdout) as { gap: number }).gap);
    const both = await sensitivityOf(folder, '--cases', join(folder, 'cases.csv'), '--json', '--quiet');
    expect((JSON.parse(both.stdout) as SensitivityJson).rows).toHaveLength(1 + 17 + 2);
  });

  it('a misspelt path or a taken name in --cases stops before any case runs (exit 3, nothing written)', async () => {
    const folder = await minimalWith();
    await writeFile(join(folder, 'cases.csv'), 'scenario,contributons.rate,groups.tradrs.compliance\nbase,0.12,\nwage_growth+1pt,0.1,0.5\n');
    const { code, stderr, out } = await sensitivityOf(folder, '--cases', join(folder, 'cases.csv'));
    expect(code).toBe(3);
    const file = join(folder, 'cases.csv');
    expect(stderr).toBe([
      `${file}:1: column contributons.rate: unknown field "contributons" (in contributons.rate); did you mean "contributions"?`,
      `${file}:1: column groups.tradrs.compliance: unknown group "tradrs" (in groups.tradrs.compliance): an override cannot add a group; the scheme's groups are traders, drivers; did you mean "traders"?`,
      `${file}:2: case "base" has the name of the base: rename it`,
      `${file}:3: case "wage_growth+1pt" has the name of a standard case: rename it`,
      '', '4 errors, 0 warnings', '',
    ].join('\n'));
    await expect(readdir(out)).rejects.toThrow();
  });

  it('--no-standard without --cases is a usage error', async () => {
    const { code, stderr } = await sensitivity('--no-standard');
    expect(code).toBe(2);
    expect(stderr).toContain('--no-standard leaves no case to run: add --cases FILE');
  });
});
