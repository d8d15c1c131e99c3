/**
 * The workbook (`project --xlsx`, `report --xlsx`), read back with exceljs:
 * every cell equals the CSV value (parsed here with csv-parse), numbers are
 * typed, header rows frozen, formats by kind; the Summary sheet holds the
 * indicators and the assumptions; the same results give the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runSipro, scratchFolder } from '../cli/helpers.js';
import { SIMULATE } from './support.js';

const CSV_FILES = ['projection.csv', 'by_group.csv', 'subsidy.csv', 'entrants.csv', 'scaled_premium.csv'];

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile(path) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * A CSV cell as the workbook must hold it: a number where the text is one,
 * nothing where it is empty, and text without the quote sipro's CSV writer
 * puts before a leading = + - @ (an xlsx text cell never runs as a formula).
 */
const expected = (text: string) => (text === '' ? null : Number.isNaN(Number(text)) ? text.replace(/^'(?=[=+\-@\t\r])/, '') : Number(text));

let out: string;
let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  out = join(await scratchFolder(), 'minimal');
  const run = await runSipro(['project', fixture('minimal'), '--out', out, '--xlsx']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain('summary.json, results.xlsx to');
  workbook = await load(join(out, 'results.xlsx'));
}, 60_000);

describe('project --xlsx', () => {
  it('has a Summary sheet, one sheet per output file and a Run sheet', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'projection', 'by_group', 'subsidy', 'entrants', 'scaled_premium', 'Run']);
  });

  it.each(CSV_FILES)('%s: every cell equals the CSV value, typed; the header row is frozen', async (file) => {
    const rows = parse(await readFile(join(out, file), 'utf8')) as string[][];
    const sheet = workbook.getWorksheet(file.replace('.csv', ''))!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(rows.length);
    rows.forEach((cells, rowIndex) => {
      cells.forEach((text, columnIndex) => {
        const value = sheet.getRow(rowIndex + 1).getCell(columnIndex + 1).value;
        expect(value ?? null, `${file} row ${rowIndex + 1} column ${columnIndex + 1}`).toEqual(rowIndex === 0 ? text : expected(text));
      });
    });
  });

  it('formats cells by kind: years as integers, money with thousands separators, rates as percentages, ratios with two decimals', () => {
    const sheet = workbook.getWorksheet('projection')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const format = (column: string) => sheet.getRow(2).getCell(header.indexOf(column) + 1).numFmt;
    expect(format('year')).toBe('0');
    expect(format('reserve_end')).toBe('#,##0');
    expect(format('actives')).toBe('#,##0');
    expect(format('payg_cost_rate')).toBe('0.00%');
    expect(format('density')).toBe('0.00%');
    expect(format('reserve_ratio')).toBe('0.00');
  });

  it('puts the headline indicators and the assumptions on the Summary sheet', async () => {
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { gap: number; first_deficit_year: number | null };
    const sheet = workbook.getWorksheet('Summary')!;
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => { rows.set(String(row.getCell(1).value), row); });
    expect(rows.get('GAP (general average premium)')!.getCell(2).value).toBe(summary.gap);
    expect(rows.get('GAP (general average premium)')!.getCell(2).numFmt).toBe('0.00%');
    expect(rows.get('First deficit year')!.getCell(2).value ?? null).toBe(summary.first_deficit_year);
    expect(rows.get('assumptions.inflation')!.getCell(2).value).toBe(0.02);
    expect(rows.get('assumptions.investment_return')!.getCell(2).value).toBe('2025: 0.05; 2030: 0.04');
  });

  it('stamps no clock time: every zip entry is dated 1980-01-01 00:00, so the same results give the same bytes', async () => {
    const bytes = await readFile(join(out, 'results.xlsx'));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const entries = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    const dates = new Set<string>();
    for (let entry = 0; entry < entries; entry += 1) {
      const local = view.getUint32(offset + 42, true);
      dates.add(`${view.getUint16(offset + 14, true)} ${view.getUint16(offset + 12, true)} ${view.getUint16(local + 12, true)} ${view.getUint16(local + 10, true)}`);
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    expect(entries).toBeGreaterThan(5);
    // DOS date (1980 − 1980) << 9 | 1 << 5 | 1 = 33, time 0, in the central and the local headers.
    expect([...dates]).toEqual(['33 0 33 0']);
  });
});

describe('report --xlsx', () => {
  it('writes the workbook beside the page; percentiles.csv\'s statistics take the format of their row\'s variable', async () => {
    const page = join(await scratchFolder(), 'simulate.html');
    const run = await runSipro(['report', SIMULATE, '--out', page, '--xlsx']);
    expect(run.code, run.stderr).toBe(0);
    const book = await load(page.replace(/\.html$/, '.xlsx'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'scenarios', 'percentiles', 'ruin', 'Run']);
    const sheet = book.getWorksheet('percentiles')!;
    const formats = new Map<string, string>();
    sheet.eachRow((row, number) => { if (number > 1) formats.set(String(row.getCell(2).value), row.getCell(4).numFmt); });
    expect(Object.fromEntries(formats)).toEqual({
      actives: '#,##0', density: '0.00%', contributions: '#,##0', matching: '#,##0', expenditure: '#,##0', reserve_end: '#,##0',
      reserve_ratio: '0.00', payg_cost_rate: '0.00%', investment_return: '0.00%', wage_growth: '0.00%',
    });
    const stochastic = new Map<string, unknown>();
    book.getWorksheet('Summary')!.eachRow((row) => { stochastic.set(String(row.getCell(1).value), row.getCell(2).value); });
    expect(stochastic.get('depletion_probability')).toBe(0.65);
    expect(stochastic.get('depletion_year p50')).toBe(2043);
  });
});
