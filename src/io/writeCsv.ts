/**
 * Rows of plain objects to CSV text. Numbers are written with JavaScript's
 * shortest round-trip form, so a CSV reader gets back the very same double
 * and the bytes depend only on the values; null (a ratio without divisor) is
 * an empty cell (§7). Text cells that a spreadsheet would run as a formula
 * are neutralised (`neutraliseCell`).
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null;

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, as String(number) writes one: a spreadsheet reads it as that number, never as a formula. */
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** A neutralised cell, which is also quoted. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * A text cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets
 * a leading `'` so that spreadsheets show it as text instead of running it
 * (OWASP's advice; the cell is also quoted). Plain numbers (`-0.05`,
 * `-2.1e5`) are left as they are: they cannot run, and a number column must
 * stay numeric. Applying it twice changes nothing, so cells read back from a
 * sipro CSV are written again byte for byte (sipro merge).
 * @example neutraliseCell('=HYPERLINK("http://x")') // '\'=HYPERLINK("http://x")'
 * @example neutraliseCell('-1-1') // "'-1-1"
 * @example neutraliseCell('-0.05') // '-0.05'
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function toCsv<Row extends object>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
  // Only text can need quoting as neutralised: testing every number cell against the pattern costs ~15 % of the writing.
  let quote = false;
  const text = (value: string) => {
    const written = neutraliseCell(value);
    quote ||= NEUTRALISED.test(written);
    return written;
  };
  const header = columns.map(text);
  const records = rows.map((row) => columns.map((column) => formatCell(row[column] as CsvValue, text)));
  return stringify([header, ...records], { record_delimiter: '\n', ...(quote ? { quoted_match: NEUTRALISED } : {}) });
}

function formatCell(value: CsvValue, text: (value: string) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write the non-finite number ${value} to a CSV file`);
    return Object.is(value, -0) ? '0' : String(value);
  }
  return text(value);
}
