/**
 * `--set path=value`: YAML values applied to scheme.yaml before validation,
 * checked by the same schemas (an invalid one is exit 3 naming the path),
 * and recorded in the run record. `@mortality.qx` and `@rates.lapse` scale a
 * CSV column instead.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/io/diagnostics.js';
import { parseGridOption, parseOverrideValue, parseSetOption } from '../../src/io/scenarios.js';
import { fixture, runSipro, scratchFolder } from './helpers.js';

interface ProjectJson {
  gap: number;
  run: { overrides: { path: string; value: unknown }[]; scheme: Record<string, unknown> & { contributions: { rate: number; ceiling: number | null }; groups: Record<string, { compliance: number }>; assumptions: { investment_return: unknown } } };
}

async function projectMinimal(...extra: string[]) {
  const out = join(await scratchFolder(), 'out');
  const result = await runSipro(['project', fixture('minimal'), '--out', out, '--quiet', '--json', ...extra]);
  return { ...result, out, json: () => JSON.parse(result.stdout) as ProjectJson };
}

describe('--set values are YAML', () => {
  it.each([
    ['0.12', 0.12],
    ['2030', 2030],
    ['-1e-3', -0.001],
    ['null', null],
    ['true', true],
    ['XOF', 'XOF'],
    ['"0.12"', '0.12'],
    ['[1,2]', [1, 2]],
    ['[20, 30, 40]', [20, 30, 40]],
    ['{2025: 0.03, 2030: 0.02}', { 2025: 0.03, 2030: 0.02 }],
  ])('%s', (text, value) => {
    expect(parseOverrideValue(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['contributions.rate', 'expected path=value, e.g. contributions.rate=0.12'],
    ['contributions.rate=', 'has no value: write one after "=" (null for null)'],
    ['=0.1', 'path "" must be field names joined by dots, e.g. contributions.rate'],
    ['groups..compliance=1', 'path "groups..compliance" must be field names joined by dots, e.g. contributions.rate'],
    ['x=[1,2', 'value "[1,2" is not a YAML value: Flow sequence must end with a ]'],
    ['@mortality.ex=1.1', '"@mortality.ex" is not a table scale: expected @mortality.qx or @rates.lapse'],
  ])('refuses %j', (option, message) => {
    expect(parseSetOption(option)).toEqual({ ok: false, message });
  });

  it('splits a path at the first =', () => {
    expect(parseSetOption('name=a=b')).toEqual({ ok: true, value: { path: 'name', value: 'a=b', text: 'a=b' } });
  });

  it('grid values: lists (commas inside brackets kept) and ranges (ends included, tidy decimals)', () => {
    expect(parseGridOption('subsidy.entry_ages=[20,30],[40, 50]')).toEqual({ ok: true, value: { path: 'subsidy.entry_ages', values: [{ value: [20, 30], text: '[20,30]' }, { value: [40, 50], text: '[40, 50]' }] } });
    expect(parseGridOption('contributions.rate=0.08:0.12:0.01')).toEqual({ ok: true, value: { path: 'contributions.rate', values: [0.08, 0.09, 0.1, 0.11, 0.12].map((value) => ({ value, text: String(value) })) } });
    expect(parseGridOption('x=2:0:-1')).toEqual({ ok: true, value: { path: 'x', values: [2, 1, 0].map((value) => ({ value, text: String(value) })) } });
    const many = parseGridOption('contributions.rate=0.05:0.149:0.001');
    expect(many.ok && many.value.values.length).toBe(100);
    expect(parseGridOption('x=0:1:-0.5')).toEqual({ ok: false, message: 'range "0:1:-0.5": the step must be positive to go from 0 to 1' });
    expect(parseGridOption('x=0:1:0')).toEqual({ ok: false, message: 'range "0:1:0": the step must be positive to go from 0 to 1' });
  });
});

describe('sipro project --set', () => {
  it('applies overrides before validation and records them in the run record', async () => {
    const base = (await projectMinimal()).json();
    const result = await projectMinimal('--set', 'contributions.rate=0.12', '--set', 'groups.traders.compliance=0.6',
      '--set', 'assumptions.investment_return.2030=0.03', '--set', 'contributions.ceiling=null');
    expect(result.code).toBe(0);
    const json = result.json();
    expect(json.gap).not.toBe(base.gap);
    expect(json.run.overrides).toEqual([
      { path: 'contributions.rate', value: 0.12 },
      { path: 'groups.traders.compliance', value: 0.6 },
      { path: 'assumptions.investment_return.2030', value: 0.03 },
      { path: 'contributions.ceiling', value: null },
    ]);
    expect(json.run.scheme.contributions.rate).toBe(0.12);
    expect(json.run.scheme.contributions.ceiling).toBeNull();
    expect(json.run.scheme.groups['traders']!.compliance).toBe(0.6);
    expect(json.run.scheme.assumptions.investment_return).toEqual({ 2025: 0.05, 2030: 0.03 });
    const summary = JSON.parse(await readFile(join(result.out, 'summary.json'), 'utf8')) as ProjectJson;
    expect(summary.run.overrides).toEqual(json.run.overrides);
    expect(base.run.overrides).toEqual([]);
  });

  it('takes lists: --set subsidy.entry_ages=[20,30] limits entrants.csv to those ages', async () => {
    const { code, out } = await projectMinimal('--set', 'subsidy.entry_ages=[20,30]');
    expect(code).toBe(0);
    const rows = parse(await readFile(join(out, 'entrants.csv'), 'utf8'), { columns: true }) as { entry_age: string }[];
    expect([...new Set(rows.map((row) => row.entry_age))]).toEqual(['20', '30']);
  });

  it('gives the same result as the value written in scheme.yaml (the rate is the only change)', async () => {
    const viaSet = (await projectMinimal('--set', 'contributions.rate=0.1')).json();
    const base = (await projectMinimal()).json();
    expect(viaSet.gap).toBe(base.gap);
  });

  it.each([
    [['groups.traders.compliance=1.5'], ['--set: groups.traders.compliance "1.5" must be a number <= 1']],
    [['contributions.rate=high'], ['--set: contributions.rate "high" must be a number']],
    [['contributions.rte=0.1'], ['--set: unknown field "contributions.rte"; did you mean "rate"?']],
    [['groups.traders.compliance=0', 'projection.horizon=0'], ['--set: groups.traders.compliance "0" must be a number > 0', '--set: projection.horizon "0" must be a number >= 1']],
    [['@mortality.qx=-1'], ['--set: @mortality.qx "-1" must be a number >= 0 (a factor on every qx)']],
  ])('an invalid override %j is invalid input (exit 3) naming the path, nothing written', async (sets, messages) => {
    const { code, stderr, stdout, out } = await projectMinimal(...sets.flatMap((set) => ['--set', set]));
    expect(code).toBe(3);
    // under --json the diagnostics go to stdout, as validate --json prints them
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as { valid: boolean; diagnostics: Diagnostic[] };
    expect(report.valid).toBe(false);
    expect(report.diagnostics.map(formatDiagnostic).sort()).toEqual([...messages].sort());
    await expect(readFile(join(out, 'summary.json'))).rejects.toThrow();
  });

  it('a malformed --set is a usage error (exit 2)', async () => {
    const { code, stderr } = await projectMinimal('--set', 'contributions.rate');
    expect(code).toBe(2);
    expect(stderr).toBe('sipro: --set "contributions.rate": expected path=value, e.g. contributions.rate=0.12\n(run with --help for usage)\n');
  });

  it('@mortality.qx scales every qx: more deaths, less paid in old-age pensions (subsidy.csv)', async () => {
    const oldAgePv = async (out: string) => (parse(await readFile(join(out, 'subsidy.csv'), 'utf8'), { columns: true }) as { pv_old_age_benefits: string }[])
      .reduce((sum, row) => sum + Number(row.pv_old_age_benefits), 0);
    const base = await projectMinimal();
    const heavier = await projectMinimal('--set', '@mortality.qx=1.1');
    expect(heavier.code).toBe(0);
    expect(heavier.json().run.overrides).toEqual([{ path: '@mortality.qx', value: 1.1 }]);
    expect(await oldAgePv(heavier.out)).toBeLessThan(await oldAgePv(base.out));
    // A factor of 1 changes nothing.
    expect((await projectMinimal('--set', '@mortality.qx=1', '--set', '@rates.lapse=1')).json().gap).toBe(base.json().gap);
  });
});
