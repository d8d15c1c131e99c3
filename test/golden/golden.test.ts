/**
 * Every output of every golden case equals what sipro 0.1.0 wrote for it, to
 * 1e-12 relative. The expected files were written once by 0.1.0 itself
 * (test/golden/generate.sh, run from a checkout of tag v0.1.0), never by the
 * code under test: they pin the numbers while the engine is rebuilt.
 *
 * The run goes through the CLI in process, so the whole path from the scheme
 * files to the CSV text is compared. Columns that 0.1.0 did not have (model
 * v2's emigrants, care credits) must be 0 in these schemes, which use none
 * of the v2 features — except by_group.csv's old_age_awards and
 * old_age_award_amount, which every scheme with retirements has. 0.1.0 did
 * not write them, so they are checked against what its outputs and the methodology
 * §5 imply (awardProblems); their exact values are checked by hand-worked
 * cases (test/core).
 */
import { parse } from 'csv-parse/sync';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runSipro, scratchFolder } from '../cli/helpers.js';

interface GoldenCase {
  name: string;
  input: string;
  set: string[];
}

const HERE = import.meta.dirname;
const cases = JSON.parse(await readFile(join(HERE, 'cases.json'), 'utf8')) as GoldenCase[];
const RELATIVE = 1e-12;
const scratch: string[] = [];
afterAll(async () => { await Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true }))); });

/** A file's text, from `name` or `name.gz`. */
async function readMaybeGzipped(folder: string, name: string): Promise<string> {
  const files = await readdir(folder);
  if (files.includes(name)) return readFile(join(folder, name), 'utf8');
  return gunzipSync(await readFile(join(folder, `${name}.gz`))).toString('utf8');
}

/** A scratch copy of the case's input folder with gzipped files unpacked. */
async function inputFolder(input: string): Promise<string> {
  const folder = await scratchFolder('sipro-golden-');
  scratch.push(folder);
  const source = join(HERE, input);
  await cp(source, folder, { recursive: true });
  for (const name of await readdir(folder)) {
    if (!name.endsWith('.gz')) continue;
    await writeFile(join(folder, name.slice(0, -3)), gunzipSync(await readFile(join(folder, name))));
    await rm(join(folder, name));
  }
  return folder;
}

/**
 * Two numbers agree when they differ by at most 1e-12 of the larger, or of the
 * column's largest magnitude for values that are differences of large
 * numbers (investment income near a zero reserve, net transfers near zero).
 */
function agree(expected: number, actual: number, columnScale: number): boolean {
  const tolerance = RELATIVE * Math.max(Math.abs(expected), Math.abs(actual), columnScale * 1e-3);
  return Math.abs(expected - actual) <= tolerance;
}

/** §7 by_group.csv columns that 0.1.0 lacked but that are not 0 in a scheme without v2 features. */
const AWARD_COLUMNS = ['old_age_awards', 'old_age_award_amount'];

function compareCsv(file: string, expectedText: string, actualText: string): string[] {
  const expected = parse(expectedText, { columns: true }) as Record<string, string>[];
  const actual = parse(actualText, { columns: true }) as Record<string, string>[];
  const problems: string[] = [];
  if (expected.length !== actual.length) return [`${file}: ${actual.length} rows, expected ${expected.length}`];
  const columns = Object.keys(expected[0] ?? {});
  const added = Object.keys(actual[0] ?? {}).filter((name) => !columns.includes(name) && !AWARD_COLUMNS.includes(name));
  for (const column of columns) {
    const numeric = expected.every((row) => row[column] === '' || Number.isFinite(Number(row[column])));
    const scale = numeric ? Math.max(0, ...expected.map((row) => Math.abs(Number(row[column] || 0)))) : 0;
    expected.forEach((row, index) => {
      const want = row[column]!;
      const got = actual[index]![column];
      if (got === undefined) { problems.push(`${file}: column ${column} is missing`); return; }
      const same = numeric && want !== '' && got !== ''
        ? agree(Number(want), Number(got), scale)
        : want === got;
      if (!same) problems.push(`${file} row ${index + 1} ${column}: ${got}, expected ${want}`);
    });
  }
  for (const column of added) {
    actual.forEach((row, index) => {
      if (Number(row[column]) !== 0) problems.push(`${file} row ${index + 1} ${column}: ${row[column]}, expected 0 (a v2 column in a scheme without v2 features)`);
    });
  }
  return problems.slice(0, 20);
}

interface ResolvedScheme {
  projection: { base_year: number };
  assumptions: Record<'wage_growth' | 'inflation', number | Record<string, number>>;
  contributions: { indexation: 'wages' | 'prices' | 'none' };
  benefits: { old_age: { formula: string; amount?: number; min_pension: number } };
}

/** `J_t` of the scheme's default indexation (§1), from the §1 step-function assumptions. */
function benefitIndex(scheme: ResolvedScheme, year: number): number {
  const valueIn = (assumption: number | Record<string, number>, at: number): number => {
    if (typeof assumption === 'number') return assumption;
    const keys = Object.keys(assumption).map(Number).sort((a, b) => a - b);
    return assumption[String([...keys].reverse().find((key) => key <= at) ?? keys[0]!)]!;
  };
  const { indexation } = scheme.contributions;
  if (indexation === 'none') return 1;
  const rate = indexation === 'wages' ? scheme.assumptions.wage_growth : scheme.assumptions.inflation;
  let index = 1;
  for (let at = scheme.projection.base_year; at < year; at += 1) index *= 1 + valueIn(rate, at);
  return index;
}

/**
 * What 0.1.0's by_group.csv and the methodology imply for the award columns (§7):
 * a (group, sex)'s old-age pensioners of year t (counted after step 1) are
 * the survivors of year t − 1's, at most as many, plus the year's awards, so
 * `max(0, P_t − P_{t−1}) ≤ awards_t ≤ P_t`; every award is at least
 * `12 × J_t × min_pension` (§5); a flat formula awards exactly
 * `12 × J_t × max(amount, min_pension)` a head.
 */
function awardProblems(expectedText: string, actualText: string, scheme: ResolvedScheme): string[] {
  const expected = parse(expectedText, { columns: true }) as Record<string, string>[];
  const actual = parse(actualText, { columns: true }) as Record<string, string>[];
  const { formula, amount, min_pension: minPension } = scheme.benefits.old_age;
  const problems: string[] = [];
  const lastYear = new Map<string, number>();
  actual.forEach((row, index) => {
    const awards = Number(row['old_age_awards']);
    const awarded = Number(row['old_age_award_amount']);
    const pensioners = Number(expected[index]!['old_age_pensioners']);
    const key = `${row['group']}|${row['sex']}`;
    const joined = Math.max(0, pensioners - (lastYear.get(key) ?? pensioners));
    lastYear.set(key, pensioners);
    const floor = 12 * benefitIndex(scheme, Number(row['year'])) * minPension;
    const where = `by_group.csv row ${index + 1}`;
    if (!(awards >= joined * (1 - 1e-9) && awards <= pensioners * (1 + RELATIVE))) {
      problems.push(`${where} old_age_awards: ${awards}, expected in [${joined} (pensioners who joined), old_age_pensioners ${pensioners}]`);
    }
    if (!(awarded >= awards * floor * (1 - RELATIVE))) problems.push(`${where} old_age_award_amount: ${awarded}, below ${awards} × the minimum ${floor}`);
    if (formula === 'flat') {
      const perHead = Math.max(12 * benefitIndex(scheme, Number(row['year'])) * amount!, floor);
      if (!agree(awards * perHead, awarded, 0)) problems.push(`${where} old_age_award_amount: ${awarded}, expected ${awards} × ${perHead}`);
    }
  });
  return problems.slice(0, 20);
}

function compareJson(path: string, expected: unknown, actual: unknown, problems: string[]): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (!agree(expected, actual, 0)) problems.push(`${path}: ${actual}, expected ${expected}`);
  } else if (expected !== null && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      compareJson(`${path}.${key}`, value, (actual as Record<string, unknown> | null)?.[key], problems);
    }
  } else if (expected !== actual) {
    problems.push(`${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

describe('outputs equal those of sipro 0.1.0 (1e-12 relative)', () => {
  it.each(cases)('$name', async ({ name, input, set }) => {
    const folder = await inputFolder(input);
    const out = join(folder, 'out');
    const result = await runSipro(['project', folder, '--out', out, '--quiet', ...set.flatMap((item) => ['--set', item])]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expectedFolder = join(HERE, 'expected', name);
    const problems: string[] = [];
    for (const file of ['projection.csv', 'by_group.csv', 'subsidy.csv', 'entrants.csv']) {
      problems.push(...compareCsv(file, await readMaybeGzipped(expectedFolder, file), await readFile(join(out, file), 'utf8')));
    }
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { run: { scheme: ResolvedScheme } };
    problems.push(...awardProblems(await readMaybeGzipped(expectedFolder, 'by_group.csv'), await readFile(join(out, 'by_group.csv'), 'utf8'), summary.run.scheme));
    compareJson('summary.json', JSON.parse(await readFile(join(expectedFolder, 'indicators.json'), 'utf8')), summary, problems);
    expect(problems).toEqual([]);
  }, 60_000);
});
