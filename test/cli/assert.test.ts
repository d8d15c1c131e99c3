/**
 * `sipro project --assert` and `assertions:` in scheme.yaml: CI gates. Exit
 * 4 after the output folder is written, every failure on stderr with its
 * year and value; malformed gates are usage errors (exit 2) on the command
 * line and invalid input (exit 3) in the scheme file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, minimalWith, runSipro, scratchFolder } from './helpers.js';

interface ReportJson {
  assertion: string;
  passed: boolean;
  failures: { year?: number; value: number | null }[];
}

/** Runs `sipro project fixtures/minimal` into a fresh folder with the extra arguments. */
async function projectMinimal(...extra: string[]) {
  const out = join(await scratchFolder(), 'out');
  const result = await runSipro(['project', fixture('minimal'), '--out', out, '--quiet', ...extra]);
  return { ...result, out };
}

/** projection.csv of the minimal scheme, as the project command writes it (the reference for thresholds). */
let projection: Record<string, string>[];
beforeAll(async () => {
  const { code, out } = await projectMinimal();
  expect(code).toBe(0);
  projection = parse(await readFile(join(out, 'projection.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
});
const valueIn = (year: number, column: string) => Number(projection.find((row) => Number(row['year']) === year)![column]);

describe('sipro project --assert', () => {
  it('exits 0 when every assertion holds, and reports them in --json and summary.json', async () => {
    const { code, stdout, stderr, out } = await projectMinimal('--json', '--assert', 'gap <= 0.5', '--assert', 'reserve_end > 0 from 2026', '--assert', 'pv_benefits > 0');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const expected = [
      { assertion: 'gap <= 0.5', passed: true, failures: [] },
      { assertion: 'reserve_end > 0 from 2026', passed: true, failures: [] },
      { assertion: 'pv_benefits > 0', passed: true, failures: [] },
    ];
    expect((JSON.parse(stdout) as { assertions: ReportJson[] }).assertions).toEqual(expected);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { assertions: ReportJson[] };
    expect(summary.assertions).toEqual(expected);
  });

  it('exits 4 on a failed indicator assertion, after writing the output folder, and names the value on stderr', async () => {
    const { code, stderr, out } = await projectMinimal('--assert', 'gap <= 0.01');
    expect(code).toBe(4);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { gap: number; assertions: ReportJson[] };
    expect(summary.assertions).toEqual([{ assertion: 'gap <= 0.01', passed: false, failures: [{ value: summary.gap }] }]);
    expect(stderr).toBe(`assertion failed: gap <= 0.01 (gap is ${summary.gap})\n1 assertion: 0 passed, 1 failed\n`);
  });

  it('a column assertion over a range fails only in the year that breaks it (threshold read from projection.csv)', async () => {
    // A threshold between the reserve ratios of 2027 and 2028: whichever years of 2026–2028 lie above it must fail.
    const threshold = (valueIn(2027, 'reserve_ratio') + valueIn(2028, 'reserve_ratio')) / 2;
    const expected = [2026, 2027, 2028]
      .filter((year) => !(valueIn(year, 'reserve_ratio') <= threshold))
      .map((year) => ({ year, value: valueIn(year, 'reserve_ratio') }));
    expect(expected).toHaveLength(1);
    const text = `reserve_ratio <= ${threshold} from 2026 to 2028`;
    const { code, stderr, out } = await projectMinimal('--assert', text);
    expect(code).toBe(4);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { assertions: ReportJson[] };
    expect(summary.assertions).toEqual([{ assertion: text, passed: false, failures: expected }]);
    // stderr rounds to 6 significant digits; summary.json keeps every digit.
    expect(stderr).toContain(`assertion failed: ${text} (fails in ${expected[0]!.year}: reserve_ratio = ${Number(expected[0]!.value.toPrecision(6))})\n`);
    // The same threshold holds over the years before: the range is what makes it fail.
    expect((await projectMinimal('--assert', `reserve_ratio <= ${threshold} to 2027`)).code).toBe(0);
  });

  it('names how many years fail, the first and the worst (the full list stays in --json)', async () => {
    const text = `actives < ${valueIn(2032, 'actives')}`;
    const { code, stderr, stdout } = await projectMinimal('--json', '--assert', text);
    expect(code).toBe(4);
    const failing = [2032, 2033, 2034];
    const worst = failing.reduce((most, year) => (valueIn(year, 'actives') > valueIn(most, 'actives') ? year : most));
    expect(worst).not.toBe(2032);
    // 6 significant digits, except where the rounded value would pass: 2032's
    // equals the threshold, and rounded down it would be below.
    const shown = (year: number) => `${year}: actives = ${Number(valueIn(year, 'actives').toPrecision(6))}`;
    expect(Number(valueIn(2032, 'actives').toPrecision(6))).toBeLessThan(valueIn(2032, 'actives'));
    expect(stderr).toBe(`assertion failed: ${text} (fails in 3 years; first 2032: actives = ${valueIn(2032, 'actives')}; worst ${shown(worst)})\n1 assertion: 0 passed, 1 failed\n`);
    const reports = (JSON.parse(stdout) as { assertions: ReportJson[] }).assertions;
    expect(reports[0]!.failures).toEqual(failing.map((year) => ({ year, value: valueIn(year, 'actives') })));
  });

  it('compares a null depletion_year as +infinity', async () => {
    const never = await projectMinimal('--json', '--assert', 'depletion_year > 2090', '--assert', 'first_deficit_year >= 9999');
    expect(never.code).toBe(0);
    expect((JSON.parse(never.stdout) as { depletion_year: unknown }).depletion_year).toBeNull();
    const bounded = await projectMinimal('--assert', 'depletion_year < 3000');
    expect(bounded.code).toBe(4);
    expect(bounded.stderr).toContain('assertion failed: depletion_year < 3000 (depletion_year is null, none within the horizon: compared as +infinity)');
  });

  it('prints a count of passed assertions when not quiet', async () => {
    const out = join(await scratchFolder(), 'out');
    const { code, stderr } = await runSipro(['project', fixture('minimal'), '--out', out, '--assert', 'gap > 0']);
    expect(code).toBe(0);
    expect(stderr).toContain('1 assertion: 1 passed, 0 failed\n');
  });

  it.each([
    ['gap <== 1', '--assert "gap <== 1": unexpected "=" at column 7: expected a number'],
    ['gapp <= 1', '--assert "gapp <= 1": unknown name "gapp" at column 1: expected an indicator of summary.json (gap, effective_rate, actuarial_balance, depletion_year, first_deficit_year, pv_…) or a column of projection.csv; did you mean "gap"?'],
    ['reserve_ratio >= 2 to 2150', '--assert "reserve_ratio >= 2 to 2150": year 2150 is outside the projection (2025–2034)'],
  ])('a malformed --assert %j is a usage error naming the position (exit 2, nothing written)', async (text, message) => {
    const { code, stderr, stdout, out } = await projectMinimal('--assert', text);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`sipro: ${message}\n(run with --help for usage)\n`);
    await expect(readFile(join(out, 'summary.json'))).rejects.toThrow();
  });
});

describe('assertions: in scheme.yaml', () => {
  const withAssertions = async (lines: string[]) => {
    const folder = await minimalWith();
    const yaml = await readFile(join(folder, 'scheme.yaml'), 'utf8');
    await writeFile(join(folder, 'scheme.yaml'), `${yaml}assertions:\n${lines.map((line) => `  - ${line}\n`).join('')}`);
    return { folder, firstLine: yaml.split('\n').length + 1 };
  };

  it('are checked with the --assert ones, the scheme\'s first', async () => {
    const { folder } = await withAssertions(['"gap > 0"', '"depletion_year < 2030"']);
    const out = join(folder, 'out');
    const { code, stdout } = await runSipro(['project', folder, '--out', out, '--json', '--quiet', '--assert', 'gap < 1']);
    expect(code).toBe(4);
    const reports = (JSON.parse(stdout) as { assertions: ReportJson[] }).assertions;
    expect(reports.map(({ assertion, passed }) => [assertion, passed])).toEqual([['gap > 0', true], ['depletion_year < 2030', false], ['gap < 1', true]]);
  });

  it('a malformed one is invalid input (exit 3) naming the file, line and column', async () => {
    const { folder, firstLine } = await withAssertions(['"gap > 0"', '"gap <== 1"', 'reserve_ratio >= 2 to 2150']);
    const { code, stderr } = await runSipro(['validate', folder]);
    expect(code).toBe(3);
    expect(stderr).toContain(`scheme.yaml:${firstLine + 1}: assertions[1] "gap <== 1" is not a valid assertion: unexpected "=" at column 7: expected a number\n`);
    expect(stderr).toContain(`scheme.yaml:${firstLine + 2}: assertions[2] "reserve_ratio >= 2 to 2150" cannot be checked: year 2150 is outside the projection (2025–2034)\n`);
    expect((await runSipro(['project', folder, '--out', join(folder, 'out')])).code).toBe(3);
  });
});
