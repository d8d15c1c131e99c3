/**
 * `sipro report`: the folder kinds, the charts each draws and the numbers in
 * them (checked against the CSV files and methodology §1's price index, computed
 * here), what a missing optional file or v2 column does, the errors and
 * their exit codes, and byte-for-byte determinism.
 */
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/io/report/html/document.js';
import { runSipro, scratchFolder } from '../cli/helpers.js';
import { expectClose } from '../support/expect.js';
import { builtReport, chartData, copyOf, csvObjects, documentOf, figure, projectFolder, SENSITIVITY, series, SIMULATE, sweepFolder } from './support.js';

let demo: string;
beforeAll(async () => {
  demo = await projectFolder();
}, 60_000);

const PROJECT_CHARTS = ['reserve-ratio', 'rates', 'members', 'density', 'income-expenditure', 'reserve', 'net-transfer', 'moneys-worth'];

describe('a project folder', () => {
  it('gives a page with every chart, the headline indicators of summary.json, no script and no fetch', async () => {
    const out = join(await scratchFolder(), 'demo.html');
    const run = await runSipro(['report', demo, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Wrote .*demo\.html \(project report, 8 charts, \d+ KB\)/);
    const page = await readFile(out, 'utf8');
    for (const id of PROJECT_CHARTS) expect(page).toContain(`data-chart="${id}"`);
    const summary = JSON.parse(await readFile(join(demo, 'summary.json'), 'utf8')) as { gap: number; effective_rate: number; depletion_year: number };
    expect(page).toContain(`<td class="num">${(summary.gap * 100).toFixed(2)}%</td>`);
    expect(page).toContain(`<td class="num">${(summary.effective_rate * 100).toFixed(2)}%</td>`);
    expect(page).toContain(`Reserve depleted ${summary.depletion_year}`);
    expect(page).toContain('Not an actuarial opinion.');
    expect(page).not.toMatch(/<script|<link|<img|@import|url\(http/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('is the same bytes at every run, wherever it is written', async () => {
    const first = join(await scratchFolder(), 'a.html');
    const second = join(await scratchFolder(), 'b.html');
    expect((await runSipro(['report', demo, '--out', first])).code).toBe(0);
    expect((await runSipro(['report', demo, '--out', second])).code).toBe(0);
    expect(await readFile(first, 'utf8')).toBe(await readFile(second, 'utf8'));
  });

  it('draws money in base-year prices: each year\'s amount ÷ 1.025^(t − 2025) (methodology §1, the demo\'s inflation)', async () => {
    const document = await documentOf(demo);
    const reserve = series(figure(document, 'reserve'), 'Reserve');
    const rows = await csvObjects(join(demo, 'projection.csv'));
    expect(figure(document, 'reserve').title).toBe('Reserve at the end of each year (XOF billion, 2025 prices)');
    expect(reserve.size).toBe(75);
    for (const row of rows) {
      const year = Number(row['year']);
      expectClose(reserve.get(year), Number(row['reserve_end']) / 1.025 ** (year - 2025) / 1e9, 1e-12, 0, `reserve ${year}`);
    }
  });

  it('draws money of each year with --nominal, and says so', async () => {
    const document = await documentOf(demo, { basis: 'nominal' });
    const chart = figure(document, 'income-expenditure');
    expect(chart.title).toBe('Contribution income against expenditure by benefit (XOF billion, money of each year)');
    const rows = await csvObjects(join(demo, 'projection.csv'));
    const income = series(chart, 'Contribution income');
    for (const row of rows) {
      expectClose(income.get(Number(row['year'])), (Number(row['contributions']) + Number(row['matching'])) / 1e9, 1e-12, 0);
    }
  });

  it('marks the depletion and first-deficit years of summary.json on the time charts', async () => {
    const document = await documentOf(demo);
    const summary = JSON.parse(await readFile(join(demo, 'summary.json'), 'utf8')) as { first_deficit_year: number; depletion_year: number };
    for (const id of ['reserve-ratio', 'rates', 'reserve', 'income-expenditure']) {
      const labels = chartData(figure(document, id)).map((datum) => datum['label']).filter((label) => label !== undefined);
      expect(labels, id).toEqual(expect.arrayContaining([`First deficit ${summary.first_deficit_year}`, `Reserve depleted ${summary.depletion_year}`]));
    }
  });

  it('shows the share of members paying by group: actives ÷ (actives + inactives) of by_group.csv, both sexes', async () => {
    const rows = await csvObjects(join(demo, 'by_group.csv'));
    const sum = (group: string, year: number, column: string) => rows.filter((row) => row['group'] === group && Number(row['year']) === year)
      .reduce((total, row) => total + Number(row[column]), 0);
    const density = series(figure(await documentOf(demo), 'density'), 'artisans');
    for (const year of [2025, 2060, 2099]) {
      const actives = sum('artisans', year, 'actives');
      expectClose(density.get(year), actives / (actives + sum('artisans', year, 'inactives')));
    }
  });

  it('ranks nothing and invents nothing in who-pays-for-whom: subsidy.csv\'s net transfers, in the file\'s order', async () => {
    const rows = await csvObjects(join(demo, 'subsidy.csv'));
    const spec = figure(await documentOf(demo), 'net-transfer').spec as { layer: { data: { values: Record<string, unknown>[] } }[] };
    const bars = spec.layer[0]!.data.values;
    expect(bars.map((bar) => bar['label'])).toEqual(rows.map((row) => `${row['group']} · ${row['sex']}`));
    rows.forEach((row, index) => expectClose(bars[index]!['value'] as number, Number(row['net_transfer']) / 1e6));
  });
});

describe('what the folder holds decides what is drawn', () => {
  it('leaves out, and lists, the charts whose optional files are absent', async () => {
    const folder = await copyOf(demo);
    for (const file of ['by_group.csv', 'subsidy.csv', 'entrants.csv']) await rm(join(folder, file));
    const run = await runSipro(['report', folder]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('note: not drawn: Contribution density by group');
    expect(run.stderr).toContain('entrants.csv is absent (project --no-entrants)');
    const page = await readFile(join(folder, 'report.html'), 'utf8');
    expect(page).toContain('id="not-drawn"');
    expect(page).toContain('data-chart="reserve-ratio"');
    expect(page).not.toContain('data-chart="moneys-worth"');
  });

  it('draws the v2 columns and files when present: emigrants, care credits, scaled premiums, the gender pension gap', async () => {
    const folder = await copyOf(demo);
    const rows = await csvObjects(join(folder, 'projection.csv'));
    const extended = rows.map((row, index) => ({ ...row, emigrants: String(10 * index), care_credit_contributions: '1000000' }));
    await writeFile(join(folder, 'projection.csv'), stringify(extended, { header: true }));
    await writeFile(join(folder, 'scaled_premium.csv'), 'period_start,period_end,premium,reserve_start,reserve_end\n2025,2034,0.1,3640000000,5000000000\n2035,2044,0.125,5000000000,6000000000\n2045,2099,0.15,6000000000,\n');
    const summary = JSON.parse(await readFile(join(folder, 'summary.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(folder, 'summary.json'), JSON.stringify({ ...summary, gender_pension_gap: 0.183 }));
    const document = await documentOf(folder);
    expect(document.missing).toEqual([]);
    expect(series(figure(document, 'members'), 'Emigrated (rights kept)').get(2030)).toBe(50);
    const income = series(figure(document, 'income-expenditure'), 'Contribution income');
    expectClose(income.get(2025), (Number(rows[0]!['contributions']) + Number(rows[0]!['matching']) + 1e6) / 1e9, 1e-12, 0);
    const rates = figure(document, 'rates');
    expect(rates.title).toContain('the scaled premiums');
    expect([...series(rates, 'Scaled premium')]).toEqual([[2025, 0.1], [2035, 0.125], [2045, 0.15], [2099, 0.15]]);
    const built = await builtReport(folder);
    expect(built.warnings).toEqual([]);
    expect(built.html).toContain('Scaled premium of the first period (2025–2034)</th><td class="num">10.00%');
    expect(built.html).toContain('Gender pension gap');
    expect(built.html).toContain('<td class="num">18.30%</td>');
  });

  it('reads a simulate folder (methodology §10): fans of the listed percentiles, the ruin curve, the stochastic summary', async () => {
    const built = await builtReport(SIMULATE);
    expect(built.charts).toEqual(['reserve-ratio-fan', 'ruin', 'cost-rate-fan', 'gap-spread']);
    expect(built.warnings).toEqual([]);
    const fan = chartData(figure(built.document, 'reserve-ratio-fan'));
    const names = [...new Set(fan.map((datum) => datum['series']))];
    expect(names).toEqual(['P2.5–P97.5: 95% of scenarios', 'P10–P90: 80% of scenarios', 'Median (P50)']);
    const percentiles = (await csvObjects(join(SIMULATE, 'percentiles.csv'))).filter((row) => row['variable'] === 'reserve_ratio');
    const outer = fan.filter((datum) => datum['series'] === names[0]);
    expect(outer.map((datum) => [datum['x'], datum['low'], datum['high']])).toEqual(percentiles.map((row) => [Number(row['year']), Number(row['p2.5']), Number(row['p97.5'])]));
    const summary = JSON.parse(await readFile(join(SIMULATE, 'summary.json'), 'utf8')) as { stochastic: { depletion_probability: number } };
    expect(built.html).toContain(`<td class="num">${(summary.stochastic.depletion_probability * 100).toFixed(2)}%</td>`);
    expect(built.html).toContain('it is not the path of any one scenario');
  });

  it('reads a sweep folder: the chosen indicator against each swept parameter', async () => {
    const folder = await sweepFolder();
    const built = await builtReport(folder, { indicator: 'actuarial_balance' });
    expect(built.charts).toEqual(['sweep-1', 'sweep-2']);
    const first = figure(built.document, 'sweep-1');
    expect(first.title).toBe('Actuarial balance (% of insured earnings) against contributions.rate');
    const rows = await csvObjects(join(folder, 'sweep.csv'));
    const points = chartData(first);
    expect(points.map((point) => [point['x'], point['value']])).toEqual(rows.map((row) => [Number(row['contributions.rate']), Number(row['actuarial_balance'])]));
    expect(new Set(points.map((point) => point['line']))).toEqual(new Set(['groups.traders.compliance = 0.6', 'groups.traders.compliance = 0.8']));
  });

  it('reads a sensitivity folder: a tornado of the GAP, widest swing on top', async () => {
    const built = await builtReport(SENSITIVITY);
    expect(built.charts).toEqual(['tornado']);
    const rows = (await csvObjects(join(SENSITIVITY, 'sensitivity.csv'))).filter((row) => row['scenario'] !== 'base');
    const swing = new Map<string, number>();
    for (const row of rows) swing.set(row['parameter']!, Math.max(swing.get(row['parameter']!) ?? 0, Math.abs(Number(row['delta_gap']))));
    const expected = [...swing].sort((a, b) => b[1] - a[1]).map(([parameter]) => parameter);
    const spec = figure(built.document, 'tornado').spec as { layer: { encoding?: { y?: { sort?: string[] } }; data: { values: Record<string, unknown>[] } }[] };
    expect(spec.layer[0]!.encoding!.y!.sort).toEqual(expected);
    const bars = spec.layer[0]!.data.values;
    expect(bars.map((bar) => bar['gap'])).toEqual(rows.map((row) => Number(row['gap'])));
    expect(bars.map((bar) => bar['base'])).toEqual(rows.map(() => 0.15603397598221722));
    // The CSV neutralises a text cell starting with - or + against spreadsheet formulas; the page shows the value.
    expect(built.html).toContain('<td>-0.01 on every year&#39;s value</td>');
    expect(built.html).not.toContain('&#39;-0.01');
  });
});

describe('refusals', () => {
  it.each([
    ['no such folder', (folder: string) => [join(folder, 'nowhere')], 2, 'no such folder'],
    ['a file', (folder: string) => [join(folder, 'projection.csv')], 2, 'is a file: give the output folder that holds it'],
    ['an --out onto one of the inputs', (folder: string) => [folder, '--out', join(folder, 'projection.csv')], 2, 'is one of the files the report reads'],
    ['--indicator on a project folder', (folder: string) => [folder, '--indicator', 'gap'], 2, '--indicator applies to a sweep folder'],
    ['a year outside the projection', (folder: string) => [folder, '--years', '2020,2030'], 2, '--years "2020,2030": 2020 is outside the projection (2025–2099)'],
  ])('%s is a usage error', async (_, argv, code, message) => {
    const run = await runSipro(['report', ...argv(demo)]);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
  });

  it('a folder that is no output of sipro is exit 3, naming what was expected', async () => {
    const folder = await scratchFolder();
    await writeFile(join(folder, 'notes.txt'), 'hello');
    const run = await runSipro(['report', folder]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is not a sipro output folder: expected the files of simulate (scenarios.csv, percentiles.csv, ruin.csv, summary.json); project (projection.csv, summary.json); sweep (sweep.csv, sweep.json); sensitivity (sensitivity.csv)');
  });

  it('malformed files are exit 3, every problem listed with file and line, and nothing is written', async () => {
    const folder = await copyOf(demo);
    const projection = (await readFile(join(folder, 'projection.csv'), 'utf8')).split('\n');
    projection[2] = projection[2]!.replace(/^2026,/, '2026,many,');
    await writeFile(join(folder, 'projection.csv'), projection.join('\n'));
    await writeFile(join(folder, 'subsidy.csv'), 'sex,net_transfer\nF,1\n');
    await writeFile(join(folder, 'summary.json'), '{"gap": "high"');
    const run = await runSipro(['report', folder]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/projection\.csv:3: the line has 30 fields but the header has 29/);
    expect(run.stderr).toContain('subsidy.csv:1: has no "group" column');
    expect(run.stderr).toContain('summary.json: is not valid JSON');
    await expect(readFile(join(folder, 'report.html'))).rejects.toThrow();
  });

  it('a number that is not one names its file, line and column', async () => {
    const folder = await copyOf(demo);
    const text = await readFile(join(folder, 'projection.csv'), 'utf8');
    await writeFile(join(folder, 'projection.csv'), text.replace(/\n2027,/, '\nMMXXVII,'));
    const run = await runSipro(['report', folder]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('projection.csv:4: year "MMXXVII" must be a number (year) or empty');
  });

  it('--years and --indicator are checked against the folder', async () => {
    const folder = join(await scratchFolder(), 'sweep');
    await mkdir(folder);
    await writeFile(join(folder, 'sweep.csv'), 'scenario,contributions.rate,gap\ns1,0.1,0.12\n');
    await writeFile(join(folder, 'sweep.json'), '{}');
    expect((await runSipro(['report', folder, '--years', '2030'])).stderr).toContain('--years applies to project and simulate folders');
    const unknown = await runSipro(['report', folder, '--indicator', 'reserve_ratio']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--indicator "reserve_ratio": sweep.csv has no such column');
  });

  it('prints what it wrote as JSON with --json', async () => {
    const out = join(await scratchFolder(), 'r.html');
    const run = await runSipro(['report', SIMULATE, '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const written = JSON.parse(run.stdout) as { kind: string; report: string; charts: string[]; not_drawn: unknown[] };
    expect(written).toMatchObject({ kind: 'simulate', report: out, charts: ['reserve-ratio-fan', 'ruin', 'cost-rate-fan', 'gap-spread'], not_drawn: [] });
  });
});

describe('the selected-years tables', () => {
  it('list the years --years names', async () => {
    const document = await documentOf(demo, { years: [2025, 2040, 2099] });
    const built = await builtReport(demo, { years: [2025, 2040, 2099] });
    expect(figuresOf(document)).toHaveLength(8);
    const members = built.html.slice(built.html.indexOf('Members in selected years'));
    const table = members.slice(0, members.indexOf('</table>'));
    expect([...table.matchAll(/<th scope="row">(\d{4})<\/th>/g)].map((match) => match[1])).toEqual(['2025', '2040', '2099']);
  });
});
