/**
 * fixtures/examples: each pair of schemes differs only in the section it is
 * about (methodology §11 `portability`, §12 `benefits.care_credits`), both read
 * the same CSV rows, and the figures the main README's "Migrant workers and
 * women" quotes are what `sipro project` writes for them. The projections
 * run in process (the CLI's main, files included); one `sipro subsidy` runs
 * as the built bin.
 */
import { parse } from 'csv-parse/sync';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EntrantRow, SubsidyRow } from '../../src/core/types.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import { runSipro, scratchFolder } from '../cli/helpers.js';
import { fixture, REPO, spawnSipro } from './spawn.js';

const scratch: string[] = [];
afterAll(async () => { await Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true }))); });

interface Outputs {
  summary: { gap: number; effective_rate: number; actuarial_balance: number; gender_pension_gap: number | null; present_values: Record<string, number> };
  byGroup: Record<string, string>[];
  subsidy: Record<string, string>[];
  entrants: Record<string, string>[];
  stderr: string;
}

async function projected(name: string): Promise<Outputs> {
  const out = join(await scratchFolder('sipro-examples-'), 'out');
  scratch.push(join(out, '..'));
  const result = await runSipro(['project', fixture('examples', name), '--out', out, '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  const csv = async (file: string) => parse(await readFile(join(out, file), 'utf8'), { columns: true }) as Record<string, string>[];
  return {
    summary: JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as Outputs['summary'],
    byGroup: await csv('by_group.csv'),
    subsidy: await csv('subsidy.csv'),
    entrants: await csv('entrants.csv'),
    stderr: result.stderr,
  };
}

const total = (rows: Record<string, string>[], column: string, sex?: string) =>
  rows.filter((row) => sex === undefined || row['sex'] === sex).reduce((sum, row) => sum + Number(row[column]), 0);
const millions = (value: number) => value / 1e6;
const moneyWorth = (outputs: Outputs, sex: string, age: number) =>
  Number(outputs.entrants.find((row) => row['sex'] === sex && row['entry_age'] === String(age))!['money_worth']);

async function readme(): Promise<string> {
  const text = await readFile(join(REPO, 'README.md'), 'utf8');
  const start = text.indexOf('## Migrant workers and women');
  expect(start).toBeGreaterThan(0);
  return text.slice(start, text.indexOf('\n## ', start + 1));
}

/** The README shows `shown` for `value`, written with `digits` decimals (and a thousands comma, a % or a − as it does). */
function expectQuoted(section: string, value: number, digits: number, suffix = ''): void {
  const text = `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace('-', '−')}${suffix}`;
  expect(section, `README quotes ${text}`).toContain(text);
}

describe('fixtures/examples: each pair is one scheme with and without one section', () => {
  it.each([
    ['agreement', 'no-agreement', ['portability']],
    ['care-credits', 'no-care-credits', ['benefits', 'care_credits']],
  ])('%s and %s differ only in the name and %j, and read the same rows', async (first, second, path) => {
    const [a, b] = await Promise.all([loadScheme(fixture('examples', first)), loadScheme(fixture('examples', second))]);
    expect(a.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    expect(b.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    const strip = (scheme: Record<string, unknown>) => {
      const copy = structuredClone(scheme);
      delete copy['name'];
      delete copy['files'];
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      delete parent[path[path.length - 1]!];
      return copy;
    };
    expect(strip(b.data!.scheme as unknown as Record<string, unknown>)).toEqual(strip(a.data!.scheme as unknown as Record<string, unknown>));
    for (const name of ['population.csv', 'income.csv', 'mortality.csv', 'rates.csv']) {
      expect(await readFile(join(fixture('examples', second), name), 'utf8'), name).toBe(await readFile(join(fixture('examples', first), name), 'utf8'));
    }
    const rows = (data: NonNullable<typeof a.data>) => ({ population: data.population, income: data.income, mortality: data.mortality, rates: data.rates });
    expect(rows(b.data!)).toEqual(rows(a.data!));
  });

  it('no-agreement says that the register\'s foreign credits are ignored, and nothing else', async () => {
    const { diagnostics } = await loadScheme(fixture('examples', 'no-agreement'));
    expect(diagnostics.map((item) => `${item.severity}: ${item.message}`)).toEqual([
      'warning: foreign_credits "8" is ignored: portability.totalization is false, so foreign periods count for nothing (set portability.totalization: true to count them)',
    ]);
    for (const name of ['agreement', 'care-credits', 'no-care-credits']) expect((await loadScheme(fixture('examples', name))).diagnostics).toEqual([]);
  });
});

describe('the README\'s "Migrant workers and women" quotes the examples\' outputs', () => {
  it('the agreement: GAP, pensions and refunds, awards to men, gender gap, money\'s worth', async () => {
    const [without, withAgreement, section] = await Promise.all([projected('no-agreement'), projected('agreement'), readme()]);
    for (const outputs of [without, withAgreement]) {
      expectQuoted(section, outputs.summary.gap * 100, 3, ' %');
      expectQuoted(section, millions(total(outputs.subsidy, 'pv_old_age_benefits')), 1);
      expectQuoted(section, millions(total(outputs.subsidy, 'pv_refunds')), 1);
      expectQuoted(section, total(outputs.byGroup, 'old_age_awards', 'M'), 0);
      expectQuoted(section, outputs.summary.gender_pension_gap! * 100, 2, ' %');
      expectQuoted(section, moneyWorth(outputs, 'M', 20), 2);
    }
    // "42 % more men are awarded a pension"
    expect(Math.round((total(withAgreement.byGroup, 'old_age_awards', 'M') / total(without.byGroup, 'old_age_awards', 'M') - 1) * 100)).toBe(42);
    // Totalization changes who vests, not what anyone pays in.
    expect(total(withAgreement.byGroup, 'contributions')).toBe(total(without.byGroup, 'contributions'));
  }, 60_000);

  it('care credits: GAP, effective rate, the state\'s cost, pensions, awards to women, gender gap, money\'s worth', async () => {
    const [without, withCredits, section] = await Promise.all([projected('no-care-credits'), projected('care-credits'), readme()]);
    for (const outputs of [without, withCredits]) {
      expectQuoted(section, outputs.summary.gap * 100, 2, ' %');
      expectQuoted(section, outputs.summary.effective_rate * 100, 2, ' %');
      expectQuoted(section, millions(total(outputs.subsidy, 'pv_old_age_benefits')), 1);
      expectQuoted(section, total(outputs.byGroup, 'old_age_awards', 'F'), 0);
      expectQuoted(section, outputs.summary.gender_pension_gap! * 100, 2, ' %');
      expectQuoted(section, moneyWorth(outputs, 'F', 20), 2);
      expectQuoted(section, outputs.summary.actuarial_balance * 100, 2, ' %');
    }
    const care = withCredits.summary.present_values['pv_care_credit_contributions']!;
    expectQuoted(section, millions(care), 1);
    expect(without.summary.present_values['pv_care_credit_contributions']).toBe(0);
    // The state's contributions sit on the women's rows only (§8), and are 1.55 % of insured earnings in PV.
    expect(total(withCredits.subsidy, 'pv_care_credit_contributions', 'M')).toBe(0);
    expect(total(withCredits.subsidy, 'pv_care_credit_contributions', 'F')).toBeCloseTo(care, 3);
    expect((care / withCredits.summary.present_values['pv_insured_earnings']! * 100).toFixed(2)).toBe('1.55');
    // Care credits change no man's own career (men's survivor pensions, of women's deaths, may change).
    const careers = (outputs: Outputs) => outputs.byGroup.filter((row) => row['sex'] === 'M')
      .map((row) => [row['actives'], row['inactives'], row['contributions'], row['old_age_awards'], row['old_age_award_amount'], row['care_credit_contributions']]);
    expect(careers(withCredits)).toEqual(careers(without));
  }, 60_000);
});

describe('sipro subsidy on the care-credit example (the built bin)', () => {
  it('shows the state\'s care credits on the women\'s row, in the table and in --json', async () => {
    const text = await spawnSipro(['subsidy', fixture('examples', 'care-credits')], { cwd: REPO });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('PV care credits');
    expect(text.stdout).toMatch(/market_traders │ F {3}│ +[\d,.]+ │ +0\.0 │ +4,135\.7 │/);
    expect(text.stdout).toMatch(/market_traders │ M {3}│ +[\d,.]+ │ +0\.0 │ +0\.0 │/);
    const json = await spawnSipro(['subsidy', fixture('examples', 'care-credits'), '--json'], { cwd: REPO });
    const report = JSON.parse(json.stdout) as { subsidy: SubsidyRow[]; entrants: EntrantRow[] };
    const women = report.subsidy.find((row) => row.sex === 'F')!;
    expect(women.pv_care_credit_contributions).toBeGreaterThan(0);
    expect(women.net_transfer).toBeCloseTo(women.pv_benefits + women.pv_administration - women.pv_contributions - women.pv_matching - women.pv_care_credit_contributions, 3);
    expect(report.entrants.filter((row) => row.sex === 'M').every((row) => row.pv_care_credit_contributions === 0)).toBe(true);
  }, 60_000);
});

describe('the terminal summary shows the gender pension gap (§7)', () => {
  it('as a percentage, and as "—" with the reason when a sex has no award', async () => {
    const out = join(await scratchFolder('sipro-examples-'), 'out');
    scratch.push(join(out, '..'));
    const care = await runSipro(['project', fixture('examples', 'care-credits'), '--out', out]);
    expect(care.code).toBe(0);
    expect(care.stdout).toMatch(/^ {2}Gender pension gap {13}14\.68 %$/m);
    // fixtures/minimal: nobody reaches the retirement age within its 10 years.
    const minimal = await runSipro(['project', fixture('minimal'), '--out', out, '--force']);
    expect(minimal.stdout).toMatch(/^ {2}Gender pension gap {13}— \(no old-age award to one sex\)$/m);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { gender_pension_gap: unknown };
    expect(summary.gender_pension_gap).toBeNull();
  }, 60_000);
});
