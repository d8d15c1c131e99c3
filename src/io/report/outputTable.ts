/**
 * One CSV file of an output folder as a table of typed cells, read by column
 * name: the report draws what is present and never depends on column order,
 * so files of older and newer model versions read alike.
 */
import type { Diagnostic } from '../diagnostics.js';
import { readCsv } from '../readCsv.js';
import { cellKind, columnKind } from './columns.js';

/** A cell: a number, a text, or null for an empty cell (a ratio without divisor, §7). */
export type Cell = number | string | null;

export interface OutputTable {
  /** The file name in its folder, e.g. `projection.csv`. */
  file: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell as it was before sipro's CSV writer neutralised it (a leading
 * `'` before `=`, `+`, `-`, `@`, tab or return keeps spreadsheets from
 * running it as a formula): the report and the workbook show the value
 * itself, and neither can run it.
 * @example textValue("'-0.01 on every year's value") // "-0.01 on every year's value"
 */
export const textValue = (text: string) => text.replace(/^'(?=[=+\-@\t\r])/, '');

/** A decimal number as sipro writes it, or undefined (no hex, no `Infinity`, no blanks). */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Parses `text` as the output file `file`. A column whose kind is known
 * (columns.ts) must hold numbers or empty cells, unless it is text; a column
 * of unknown kind is numeric when all its non-empty cells are numbers.
 */
export function readOutputTable(text: string, file: string): { table: OutputTable | undefined; diagnostics: Diagnostic[] } {
  const csv = readCsv(text, file);
  const diagnostics = [...csv.diagnostics];
  if (csv.header === undefined) {
    if (diagnostics.length === 0) diagnostics.push({ severity: 'error', file, message: 'holds no header row: is it a sipro output file?' });
    return { table: undefined, diagnostics };
  }
  const columns = csv.header.names;
  const variableAt = columns.indexOf('variable');
  const numeric = columns.map((column, index) => {
    const kind = columnKind(file, column) ?? (file === 'percentiles.csv' && index > variableAt && variableAt >= 0 ? 'number' : undefined);
    if (kind !== undefined) return kind !== 'text';
    return csv.records.every(({ cells }) => cells[index] === '' || parseDecimal(cells[index]!) !== undefined);
  });
  const rows = csv.records.map(({ line, cells }) => cells.map((text, index): Cell => {
    if (text === '') return null;
    if (!numeric[index]) return textValue(text);
    const value = parseDecimal(text);
    if (value !== undefined) return value;
    const column = columns[index]!;
    const kind = cellKind(file, column, variableAt >= 0 ? cells[variableAt] : undefined);
    diagnostics.push({ severity: 'error', file, line, path: column, message: `${column} "${text}" must be a number (${kind ?? 'number'}) or empty` });
    return null;
  }));
  return { table: { file, columns, rows }, diagnostics };
}

/** The values of a numeric column, or undefined when the file has no such column. */
export function numbers(table: OutputTable, column: string): (number | null)[] | undefined {
  const index = table.columns.indexOf(column);
  if (index < 0) return undefined;
  return table.rows.map((row) => {
    const cell = row[index];
    return typeof cell === 'number' ? cell : null;
  });
}

/** The values of a column as text (numbers written back as sipro wrote them), or undefined when absent. */
export function texts(table: OutputTable, column: string): string[] | undefined {
  const index = table.columns.indexOf(column);
  if (index < 0) return undefined;
  return table.rows.map((row) => {
    const cell = row[index];
    return cell === null || cell === undefined ? '' : String(cell);
  });
}

export const hasColumns = (table: OutputTable | undefined, ...columns: string[]): table is OutputTable =>
  table !== undefined && columns.every((column) => table.columns.includes(column));

/** Rows as objects keyed by column name. */
export function records(table: OutputTable): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? null])));
}
