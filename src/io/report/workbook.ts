/**
 * The results as an Excel workbook (exceljs, loaded here on demand): a
 * Summary sheet with the headline indicators and the assumptions, one sheet
 * per output file with typed cells (numbers as numbers, empty cells empty),
 * frozen header rows and number formats by column kind — money with
 * thousands separators, rates as percentages, years as integers — and a Run
 * sheet with the run record. Values are unrounded: formats only change how
 * they show.
 */
import { importOnDemand } from '../importOnDemand.js';
import type ExcelJS from 'exceljs';
import { cellKind, type ColumnKind } from './columns.js';
import type { OutputFolder } from './outputFolder.js';
import { readOutputTable, type OutputTable } from './outputTable.js';
import { flattenProvisions } from './sections/provisions.js';
import { readJsonFile, summarySchema, type RunRecordFile, type Summary } from './summaryFile.js';
import { normaliseZipDates } from './zipDates.js';

export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string>> = {
  year: '0',
  integer: '#,##0',
  heads: '#,##0',
  money: '#,##0',
  rate: '0.00%',
  ratio: '0.00',
  number: 'General',
  text: '@',
};

/** A fixed date for the workbook's properties: exceljs would stamp the clock. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

export interface WorkbookInput {
  tables: readonly OutputTable[];
  summary: Summary | undefined;
  run: RunRecordFile | undefined;
}

/** Sheet names: the file name without `.csv`, cut to Excel's 31 characters. */
export const sheetName = (file: string) => file.replace(/\.csv$/, '').slice(0, 31);

function addTableSheet(workbook: ExcelJS.Workbook, table: OutputTable): void {
  const sheet = workbook.addWorksheet(sheetName(table.file), { views: [{ state: 'frozen', ySplit: 1 }] });
  const variableAt = table.columns.indexOf('variable');
  sheet.columns = table.columns.map((column) => ({ header: column, key: column, width: Math.max(10, Math.min(28, column.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((cell) => cell ?? undefined));
    const variable = variableAt >= 0 ? (row[variableAt] as string | null) ?? undefined : undefined;
    row.forEach((cell, index) => {
      if (typeof cell !== 'number') return;
      const kind = cellKind(table.file, table.columns[index]!, variable) ?? 'number';
      added.getCell(index + 1).numFmt = NUMBER_FORMATS[kind];
    });
  }
}

const INDICATORS: readonly (readonly [string, string, ColumnKind])[] = [
  ['gap', 'GAP (general average premium)', 'rate'],
  ['effective_rate', 'Effective contribution rate', 'rate'],
  ['actuarial_balance', 'Actuarial balance', 'rate'],
  ['depletion_year', 'Reserve depletion year', 'year'],
  ['first_deficit_year', 'First deficit year', 'year'],
  ['gender_pension_gap', 'Gender pension gap', 'rate'],
];

function addSummarySheet(workbook: ExcelJS.Workbook, input: WorkbookInput): void {
  const sheet = workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: 'item', key: 'item', width: 48 }, { header: 'value', key: 'value', width: 22 }, { header: 'note', key: 'note', width: 40 }];
  sheet.getRow(1).font = { bold: true };
  const heading = (text: string) => { sheet.addRow([]); sheet.addRow([text]).font = { bold: true }; };
  const value = (label: string, content: number | string | null | undefined, kind: ColumnKind, note = '') => {
    const row = sheet.addRow([label, content ?? undefined, note === '' ? undefined : note]);
    if (typeof content === 'number') row.getCell(2).numFmt = NUMBER_FORMATS[kind];
  };
  const summary = input.summary;
  if (summary !== undefined) {
    heading('Headline indicators');
    for (const [key, label, kind] of INDICATORS) {
      if (key in summary) value(label, summary[key as keyof Summary] as number | null, kind, (summary[key as keyof Summary] ?? null) === null ? 'none' : key);
    }
    for (const [key, amount] of Object.entries(summary.present_values ?? {})) value(key, amount, key === 'discount_factor_T' ? 'ratio' : 'money', 'present_values');
    const stochastic = summary.stochastic;
    if (stochastic !== undefined) {
      heading('Across the scenarios');
      value('scenarios', stochastic.scenarios, 'integer');
      value('seed', stochastic.seed, 'integer');
      value('depletion_probability', stochastic.depletion_probability, 'rate');
      for (const name of ['gap', 'actuarial_balance', 'depletion_year', 'final_reserve_ratio'] as const) {
        for (const [statistic, amount] of Object.entries(stochastic[name] ?? {})) value(`${name} ${statistic}`, amount, cellKind('summary.json', name, undefined) ?? 'number');
      }
    }
  }
  const scheme = input.run?.scheme;
  if (scheme !== undefined) {
    heading('Assumptions and provisions (the scheme as run)');
    for (const [path, text] of flattenProvisions(scheme)) {
      const number = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined;
      value(path, number ?? text, 'number');
    }
  }
}

function addRunSheet(workbook: ExcelJS.Workbook, run: RunRecordFile | undefined): void {
  if (run === undefined) return;
  const sheet = workbook.addWorksheet('Run', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: 'item', key: 'item', width: 24 }, { header: 'value', key: 'value', width: 70 }, { header: 'detail', key: 'detail', width: 70 }];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(['tool', `${run.tool ?? 'sipro'} ${run.version ?? ''}`.trim()]);
  sheet.addRow(['command line', (run.command_line ?? []).join(' ')]);
  for (const input of run.inputs ?? []) sheet.addRow([`input: ${input.role}`, input.file, input.sha256]);
  for (const override of run.overrides ?? []) sheet.addRow(['override', override.path, JSON.stringify(override.value)]);
}

/** The workbook's bytes; the same input gives the same bytes. */
export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const { default: Excel } = await importOnDemand<{ default: typeof ExcelJS }>('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'sipro';
  workbook.lastModifiedBy = 'sipro';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  addSummarySheet(workbook, input);
  for (const table of input.tables) addTableSheet(workbook, table);
  addRunSheet(workbook, input.run);
  const buffer = await workbook.xlsx.writeBuffer();
  return normaliseZipDates(new Uint8Array(buffer as ArrayBuffer));
}

export function workbookFromFolder(folder: OutputFolder): Promise<Uint8Array> {
  const run = folder.summary?.run ?? folder.sweepRecord?.run ?? folder.sensitivityRecord?.run;
  return buildWorkbook({ tables: [...folder.tables.values()], summary: folder.summary, run });
}

/**
 * The workbook of an output folder still in memory (`project --xlsx`):
 * the CSV texts and summary.json exactly as they are written.
 */
export function workbookFromFiles(files: ReadonlyMap<string, string>): Promise<Uint8Array> {
  const tables: OutputTable[] = [];
  let summary: Summary | undefined;
  for (const [name, text] of files) {
    if (name.endsWith('.csv')) {
      const { table, diagnostics } = readOutputTable(text, name);
      if (table === undefined || diagnostics.length > 0) throw new Error(`${name} as written does not read back: ${diagnostics.map((diagnostic) => diagnostic.message).join('; ')}`);
      tables.push(table);
    } else if (name === 'summary.json') {
      summary = readJsonFile(text, name, summarySchema).value;
    }
  }
  return buildWorkbook({ tables, summary, run: summary?.run });
}
