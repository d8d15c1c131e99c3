/**
 * A scheme whose cells cannot fit in the year's kernel (src/core/year/kernel.ts:
 * a WebAssembly memory of at most 4 GiB) is an input the user can change, not
 * a bug: an error of scheme.yaml that validate reports like any other (exit 3),
 * with a message that names the dimensions and what shrinks them.
 *
 * 2,000 groups with a retirement age of 110 and vesting_years 94 make member
 * cells of 2,000 groups × 2 sexes × 96 member ages (15–110) × 95 credit bins
 * × 8 sums, 8 bytes each, in two years' states: 2 × 2,000 × 2 × 96 × 95 × 8 ×
 * 8 = 4,669,440,000 bytes. With them go 384,000 pensioner slots (2,000 × 2 ×
 * 96) of 6 numbers in each state, 36,864,000 bytes, and 11 tables by slot
 * (q, q_D, §3's four, five rates), 33,792,000 bytes: 4.74 × 10⁹ bytes in all
 * (the rest is a few kB), 4.4 GiB, over 4 GiB.
 */
import { existsSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKernelFits, CellMemoryError } from '../../src/core/year/kernel.js';
import { cellLayout } from '../../src/core/layout.js';
import { memberSumsOf } from '../../src/core/state.js';
import { fixture, runSipro, scratchFolder } from './helpers.js';

const GROUPS = 2000;

async function hugeScheme(): Promise<string> {
  const folder = await scratchFolder();
  const names = Array.from({ length: GROUPS }, (_, index) => `g${String(index).padStart(4, '0')}`);
  await writeFile(join(folder, 'scheme.yaml'), [
    'name: Too many cells',
    'projection: {base_year: 2025, horizon: 1, min_age: 15, max_age: 110}',
    'assumptions: {wage_growth: 0.03, inflation: 0.02, investment_return: 0.04}',
    'contributions: {rule: percent, rate: 0.1}',
    'groups:',
    ...names.map((name) => `  ${name}: {}`),
    'benefits:',
    '  old_age: {retirement_age: 110, vesting_years: 94, formula: career_average, accrual: 0.01}',
    '',
  ].join('\n'));
  await writeFile(join(folder, 'income.csv'), ['group,sex,age_from,age_to,mean_monthly_income,cv', ...names.map((name) => `${name},*,15,109,150,0.8`), ''].join('\n'));
  await writeFile(join(folder, 'population.csv'), 'group,sex,age,status,count\ng0000,F,30,active,10\n');
  await copyFile(fixture('minimal', 'mortality.csv'), join(folder, 'mortality.csv'));
  return folder;
}

describe('a scheme too large for the kernel', () => {
  it('checkKernelFits refuses a layout over 4 GiB and names its dimensions', () => {
    const layout = cellLayout(15, 110, GROUPS, 96, 95, memberSumsOf({ carriesBalance: false, carriesForeign: false, emigrates: false }));
    expect(() => checkKernelFits(layout, GROUPS * 2 * 96)).toThrow(CellMemoryError);
    expect(() => checkKernelFits(layout, GROUPS * 2 * 96)).toThrow(/4\.4 GiB \(2000 groups × 2 sexes × 96 member ages × 95 credit bins × 8 sums/);
    // A tenth of the groups fits.
    const smaller = cellLayout(15, 110, GROUPS / 10, 96, 95, memberSumsOf({ carriesBalance: false, carriesForeign: false, emigrates: false }));
    expect(() => checkKernelFits(smaller, (GROUPS / 10) * 2 * 96)).not.toThrow();
  });

  it('sipro project exits 3 with that message, as an error of scheme.yaml, not as an internal error', async () => {
    const folder = await hugeScheme();
    const out = join(await scratchFolder(), 'out');
    const result = await runSipro(['project', folder, '--out', out, '--quiet']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^scheme\.yaml: the scheme's cells need 4\.4 GiB \(2000 groups .* use fewer groups, lower benefits\.old_age\.vesting_years/);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('sipro validate reports it too, as text and as a JSON diagnostic, with exit 3', async () => {
    const folder = await hugeScheme();
    const text = await runSipro(['validate', folder]);
    expect(text.code).toBe(3);
    expect(text.stderr).toMatch(/^scheme\.yaml: the scheme's cells need 4\.4 GiB/);
    const json = await runSipro(['validate', folder, '--json']);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout) as { valid: boolean; errors: number; diagnostics: { severity: string; file: string; path?: string; message: string }[] };
    expect(report.valid).toBe(false);
    expect(report.errors).toBe(1);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: 'scheme.yaml', path: 'groups', message: expect.stringMatching(/^the scheme's cells need 4\.4 GiB/) })]);
  }, 60_000);
});
