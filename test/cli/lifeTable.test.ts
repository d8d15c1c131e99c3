/**
 * `sipro life-table` through main(argv, io), in-process with captured streams.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runSipro } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ssaMale = join(root, 'fixtures/reference/ssa_tr2020_period_life_table_2020_M.csv');

/** `sipro ...argv` in-process from the repository root. */
const run = (argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) => runSipro(argv, { ...options, cwd: root });

const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

/** A mortality CSV of §2 columns whose SSA header has been rewritten, with a comment line. */
function ssaAsMortalityCsv(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sipro-life-table-'));
  const file = join(folder, 'mortality.csv');
  writeFileSync(file, '# males, SSA 2020, improvement 1 % at every age\nsex,age,qx,improvement\nM,0,0.5,0.01\nM,1,0.4,0.01\n*,2,1,0\n');
  return file;
}

describe('sipro life-table', () => {
  it('rejects the raw SSA file (not §2 columns); rewritten with # comments kept, prints CSV when piped: the header, SSA a(65) at 2.3 %', async () => {
    // The SSA file has other columns (Year, q(x), …): it is not a §2 mortality file.
    const wrong = await run(['life-table', ssaMale, '--sex', 'M']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/unknown column "Year"/);
    expect(wrong.stdout).toBe('');

    const file = ssaAsMortalityCsvFrom(ssaMale);
    const { code, stdout, stderr } = await run(['life-table', file, '--sex', 'M', '--rate', '0.023']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('age,qx,lx,ex_curtate,ex_complete,annuity_due,insurance');
    const age65 = csvRows(stdout).find((row) => row['age'] === '65')!;
    expect(Number(age65['annuity_due'])).toBeCloseTo(14.7831, 3);
    expect(Number(age65['ex_complete'])).toBeCloseTo(18.12, 2);
    // SSA's last age (119) has q < 1: said on stderr, never in the CSV.
    expect(stderr).toMatch(/qx "0.884929" at the last age 119 \(sex M\) is taken as 1/);
  });

  it('writes CSV on a terminal with --csv, at full precision', async () => {
    const { code, stdout } = await run(['life-table', ssaAsMortalityCsv(), '--sex', 'M', '--rate', '0', '--csv'], { tty: true });
    expect(code).toBe(0);
    // q: 0.5, 0.4, 1 (terminal): e_0 = 0.5 × (1 + 0.6) = 0.8, ä_0 = 1.8 at 0 %.
    expect(csvRows(stdout)[0]).toEqual({ age: '0', qx: '0.5', lx: '100000', ex_curtate: '0.8', ex_complete: '1.3', annuity_due: '1.8', insurance: '1' });
  });

  it('prints a rounded table on a terminal, without escape codes under NO_COLOR', async () => {
    const { code, stdout } = await run(['life-table', 'fixtures/demo', '--sex', 'F'], { tty: true, env: { NO_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Life table: fixtures\/demo\/mortality\.csv, sex F, year 2025, interest 5 %/);
    expect(stdout).toMatch(/ex_complete/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('improves qx to --year from a FILE with --base-year: q × (1 − improvement)^(Y − t0)', async () => {
    const { code, stdout } = await run(['life-table', ssaAsMortalityCsv(), '--sex', 'F', '--year', '2035', '--base-year', '2025']);
    expect(code).toBe(0);
    const rows = csvRows(stdout);
    // Ages 0 and 1 are males only: the F table is the '*' row alone.
    expect(rows.map((row) => row['age'])).toEqual(['2']);
    const male = csvRows((await run(['life-table', ssaAsMortalityCsv(), '--sex', 'M', '--year', '2035', '--base-year', '2025'])).stdout);
    expect(Number(male[0]!['qx'])).toBeCloseTo(0.5 * 0.99 ** 10, 15);
  });

  it('takes a folder\'s base year and mortality file, ages min_age to max_age', async () => {
    const base = csvRows((await run(['life-table', 'fixtures/demo', '--sex', 'M'])).stdout);
    const later = csvRows((await run(['life-table', 'fixtures/demo', '--sex', 'M', '--year', '2050'])).stdout);
    expect(base[0]!['age']).toBe('15');
    expect(base.at(-1)).toMatchObject({ age: '110', qx: '1' });
    const at = (rows: Record<string, string>[], age: string) => Number(rows.find((row) => row['age'] === age)!['qx']);
    // mortality.csv: M 40 has improvement 0.01.
    expect(at(later, '40')).toBeCloseTo(at(base, '40') * 0.99 ** 25, 15);
  });

  it.each([
    { name: '--year on a FILE without --base-year', argv: ['--year', '2040'], stderr: /--year 2040 needs --base-year/ },
    { name: '--base-year without --year', argv: ['--base-year', '2025'], stderr: /--base-year has an effect only with --year/ },
    { name: 'a rate that is not a number', argv: ['--rate', 'five'], stderr: /--rate "five" must be an annual interest rate/ },
    { name: 'a rate of -100 %', argv: ['--rate', '-1'], stderr: /--rate "-1"/ },
    { name: 'a rate below -100 %', argv: ['--rate=-1.5'], stderr: /--rate "-1.5" must be an annual interest rate > -1/ },
    { name: 'both --csv and --json', argv: ['--csv', '--json'], stderr: /give --csv or --json, not both/ },
    { name: 'a year that is not a year', argv: ['--year', '20x5', '--base-year', '2025'], stderr: /--year "20x5" must be a four-digit calendar year/ },
    { name: 'a year before the base year', argv: ['--year', '2020', '--base-year', '2025'], stderr: /must not be before the base year 2025/ },
    { name: 'a sex other than F or M', argv: ['--sex', 'X'], stderr: /argument 'X' is invalid\. It must be F or M\./ },
  ])('exits 2 on $name', async ({ argv, stderr }) => {
    const sex = argv.includes('--sex') ? [] : ['--sex', 'F'];
    const result = await run(['life-table', ssaAsMortalityCsv(), ...sex, ...argv]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(stderr);
    expect(result.stdout).toBe('');
  });

  it('takes the sex in either case: --sex f is --sex F', async () => {
    const lower = await run(['life-table', 'fixtures/demo', '--sex', 'f']);
    const upper = await run(['life-table', 'fixtures/demo', '--sex', 'F']);
    expect(lower.code).toBe(0);
    expect(lower.stdout).toBe(upper.stdout);
    expect(lower.stdout).not.toBe((await run(['life-table', 'fixtures/demo', '--sex', 'M'])).stdout);
  });

  it('writes --json: the settings and the rows, every number as the CSV has it', async () => {
    const { code, stdout, stderr } = await run(['life-table', ssaAsMortalityCsv(), '--sex', 'm', '--rate', '0', '--year', '2035', '--base-year', '2025', '--json'], { tty: true });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as { mortality: string; sex: string; year: number; base_year: number; rate: number; rows: Record<string, number>[] };
    expect(json).toMatchObject({ sex: 'M', year: 2035, base_year: 2025, rate: 0 });
    expect(json.rows.map((row) => Object.keys(row))).toEqual(json.rows.map(() => ['age', 'qx', 'lx', 'ex_curtate', 'ex_complete', 'annuity_due', 'insurance']));
    // q: 0.5 × 0.99^10 and 0.4 × 0.99^10 at ages 0 and 1, then 1 (terminal): by hand.
    const [q0, q1] = [0.5 * 0.99 ** 10, 0.4 * 0.99 ** 10];
    expect(json.rows.map((row) => row['age'])).toEqual([0, 1, 2]);
    expect(json.rows[0]!['qx']).toBeCloseTo(q0, 15);
    expect(json.rows[0]!['ex_curtate']).toBeCloseTo((1 - q0) * (1 + (1 - q1)), 14);
    const csv = csvRows((await run(['life-table', ssaAsMortalityCsv(), '--sex', 'M', '--rate', '0', '--year', '2035', '--base-year', '2025', '--csv'])).stdout);
    expect(json.rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value)])))).toEqual(csv);
  });

  it('exits 2 without --sex, and on a path that does not exist', async () => {
    expect((await run(['life-table', ssaAsMortalityCsv()])).code).toBe(2);
    const missing = await run(['life-table', 'no/such/file.csv', '--sex', 'F']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/"no\/such\/file.csv" does not exist/);
  });

  it('exits 2 on --base-year with a folder', async () => {
    const result = await run(['life-table', 'fixtures/demo', '--sex', 'F', '--year', '2030', '--base-year', '2020']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/projection\.base_year/);
  });

  it.each([
    { name: 'a qx above 1', body: 'sex,age,qx\nF,0,0.1\nF,1,1.5\nF,2,1\n', stderr: /:3: qx "1.5" is invalid/ },
    { name: 'a gap in the ages', body: 'sex,age,qx\nF,0,0.1\nF,2,1\n', stderr: /sex F has no qx for age 1/ },
    { name: 'a missing qx column', body: 'sex,age\nF,0\n', stderr: /lacks the required column "qx"/ },
    { name: 'two rows for one sex and age', body: 'sex,age,qx\nF,0,0.1\nF,0,0.2\nF,1,1\n', stderr: /:3: sex F age 0 is already given on line 2/ },
    { name: 'a * row and a row of the sex for one age', body: 'sex,age,qx\n*,0,0.1\nF,0,0.3\n*,1,1\n', stderr: /:3: sex F age 0 is already given on line 2: .*a \* row counts for both sexes/ },
    { name: 'no row for the sex', body: 'sex,age,qx\nM,0,1\n', stderr: /no rows for sex F/ },
  ])('exits 3 on $name, naming the file and line', async ({ body, stderr }) => {
    const folder = mkdtempSync(join(tmpdir(), 'sipro-life-table-'));
    const file = join(folder, 'bad.csv');
    writeFileSync(file, body);
    const result = await run(['life-table', file, '--sex', 'F']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(stderr);
    expect(result.stdout).toBe('');
  });

  it('shows an example in --help', async () => {
    const { code, stdout } = await run(['life-table', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\$ sipro life-table fixtures\/demo --sex F/);
  });
});

/** The SSA table rewritten with §2's columns (sex, age, qx), keeping its # comment line. */
function ssaAsMortalityCsvFrom(path: string): string {
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const comments = lines.filter((line) => line.startsWith('#'));
  const [header, ...body] = lines.filter((line) => !line.startsWith('#'));
  const columns = header!.split(',');
  const age = columns.indexOf('x');
  const qx = columns.indexOf('q(x)');
  const rows = body.map((line) => { const cells = line.split(','); return `M,${cells[age]},${cells[qx]}`; });
  const folder = mkdtempSync(join(tmpdir(), 'sipro-life-table-'));
  const file = join(folder, 'ssa_m.csv');
  writeFileSync(file, [...comments, 'sex,age,qx', ...rows].join('\n'));
  return file;
}
