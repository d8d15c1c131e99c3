/**
 * `sipro project` in the terminal: the reserve-ratio chart only on a TTY
 * (never piped, never with --json or --quiet), --years choosing the table's
 * rows, --real deflating its money by Ip_t (methodology §1, computed here).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderReserveChart } from '../../src/cli/render/reserveChart.js';
import { fixture, runSipro, scratchFolder } from '../cli/helpers.js';

const MINIMAL = fixture('minimal');
const CHART_CAPTION = 'Reserve ratio (reserve at year end ÷ that year\'s expenditure)';

async function project(argv: readonly string[], tty: boolean) {
  const out = join(await scratchFolder(), 'out');
  const run = await runSipro(['project', MINIMAL, '--out', out, ...argv], { tty, env: { NO_COLOR: '1' } });
  return { ...run, out };
}

/** The table's rows: year → cells. */
const tableRows = (stdout: string) => new Map(stdout.split('\n').filter((line) => /^│ \d{4} │/.test(line))
  .map((line) => line.split('│').slice(1, -1).map((cell) => cell.trim())).map((cells) => [Number(cells[0]), cells] as const));

describe('the reserve-ratio chart', () => {
  it('follows the table on a terminal', async () => {
    const run = await project([], true);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${CHART_CAPTION}, 2025–2034.`);
    expect(run.stdout.indexOf(CHART_CAPTION)).toBeGreaterThan(run.stdout.indexOf('└'));
    expect(run.stdout).toMatch(/[╭╮╯╰─]/);
  });

  it.each([
    ['piped', [] as string[], false],
    ['--json', ['--json'], true],
    ['--quiet', ['--quiet'], true],
  ])('is not drawn %s', async (_, argv, tty) => {
    const run = await project(argv, tty);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(CHART_CAPTION);
    expect(run.stderr).not.toContain(CHART_CAPTION);
  });

  it('spans the ratio\'s range in ten rows, leaving out and counting years without a ratio', () => {
    const rows = [{ year: 2025, reserve_ratio: 4 }, { year: 2026, reserve_ratio: null }, { year: 2027, reserve_ratio: -1 }];
    const chart = renderReserveChart(rows, { colour: false });
    const labels = chart.split('\n').slice(0, 11).map((line) => Number(line.slice(0, 8)));
    expect(labels[0]).toBe(4);
    expect(labels[10]).toBe(-1);
    expect(chart).toContain('1 year without expenditure (no ratio) left out.');
    expect(renderReserveChart([{ year: 2025, reserve_ratio: null }], { colour: false })).toBe('');
  });
});

describe('--years and --real', () => {
  it('--years lists exactly the years named', async () => {
    const run = await project(['--years', '2025,2027:2031:2,2034'], false);
    expect(run.code, run.stderr).toBe(0);
    expect([...tableRows(run.stdout).keys()]).toEqual([2025, 2027, 2029, 2031, 2034]);
  });

  it('--years outside the projection is a usage error, before anything is written', async () => {
    const run = await project(['--years', '2024:2030'], false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--years "2024:2030": 2024:2030 reaches outside the projection (2025–2034)');
    await expect(readFile(join(run.out, 'projection.csv'))).rejects.toThrow();
  });

  it('--real divides each year\'s money by 1.02^(t − 2025), the minimal scheme\'s price index', async () => {
    const nominal = await project(['--years', '2025,2030,2034'], false);
    const real = await project(['--years', '2025,2030,2034', '--real'], false);
    expect(real.stdout).toContain('Amounts in XOF, 2025 prices (deflated by the inflation assumption).');
    const csv = parse(await readFile(join(real.out, 'projection.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const rows = tableRows(real.stdout);
    const nominalRows = tableRows(nominal.stdout);
    for (const year of [2025, 2030, 2034]) {
      const row = csv.find((candidate) => Number(candidate['year']) === year)!;
      const deflator = 1.02 ** (year - 2025);
      const money = (value: number) => Math.round(value / deflator).toLocaleString('en-US');
      expect(rows.get(year)![4], `contributions ${year}`).toBe(money(Number(row['contributions']) + Number(row['matching'])));
      expect(rows.get(year)![5], `expenditure ${year}`).toBe(money(Number(row['expenditure'])));
      expect(rows.get(year)![6], `reserve ${year}`).toBe(money(Number(row['reserve_end'])));
      expect(rows.get(year)![7], 'rates are not deflated').toBe(nominalRows.get(year)![7]);
    }
  });
});
