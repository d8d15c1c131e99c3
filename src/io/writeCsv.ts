/**
 * Rows of plain objects to CSV text. Numbers are written with JavaScript's
 * shortest round-trip form, so a CSV reader gets back the very same double
 * and the bytes depend only on the values; null (a ratio without divisor) is
 * an empty cell (§7).
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null;

export function toCsv<Row extends object>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
  const records = rows.map((row) => columns.map((column) => formatCell(row[column] as CsvValue)));
  return stringify(records, { header: true, columns: [...columns], record_delimiter: '\n' });
}

function formatCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write the non-finite number ${value} to a CSV file`);
    return Object.is(value, -0) ? '0' : String(value);
  }
  return value;
}
