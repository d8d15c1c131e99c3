/**
 * The population file's plain lines read straight into a row (methodology
 * §2), without splitting them into cell strings, a record and a fresh row
 * object each: a register of millions of lines spent most of its reading
 * there. A line is read here only when every cell is one the general reader
 * (src/io/readTable.ts) would accept, with the same value: number cells
 * written as digits with at most one point inside are read in place, and
 * every other cell goes through the column's own cell reader
 * (src/io/read/cells.ts). Any line this reader does not take — a bad or
 * blank cell, a wrong number of cells, a status problem — is left to the
 * general reader, which reports it as it always has.
 */
import { type PopulationRow, tableColumns } from '../../schema/tables.js';
import { statusProblems } from '../checks/population.js';
import type { CsvHeader } from '../readCsv.js';
import { columnDefaults, type CsvSettings } from '../readTable.js';
import { cellReader, fastCheckOf, INVALID, withinBounds } from './cells.js';
import { MAX_CELL_CHARACTERS } from './limits.js';

/** Reads one data line into the row handed to `onRow` (the same object every time); false when the line is left to the general reader. */
export type PlainLineReader = (line: number, text: string) => boolean;

interface Column {
  name: keyof PopulationRow;
  read: (cell: string) => unknown;
  /** A number column's bounds; undefined for a text column. */
  within: ((value: number) => boolean) | undefined;
  /** Cells this column has read and their values, compared in place: a group, sex or status, an empty cell. */
  seen: { text: string; value: unknown }[];
}

/** Cells remembered per column: enough for every status, both sexes, a scheme's groups and the empty cell. */
const SEEN_CELLS = 16;

/**
 * The plain-line reader of a population file whose header is `header`, or
 * undefined where it does not apply (decimal commas, a delimiter of more
 * than one character).
 */
export function populationLines(header: CsvHeader, settings: CsvSettings, onRow: (line: number, row: PopulationRow) => void): PlainLineReader | undefined {
  if (settings.decimal !== '.' || settings.delimiter.length !== 1) return undefined;
  const shape = tableColumns.population.schema.shape;
  const known = Object.keys(shape) as (keyof PopulationRow)[];
  // One plan per header position; undefined for a column the table does not have (the general reader ignores its cells too).
  const columns: (Column | undefined)[] = header.names.map((name) => {
    if (!(known as string[]).includes(name)) return undefined;
    const schema = shape[name as keyof typeof shape];
    const check = fastCheckOf(schema);
    const within = check?.kind === 'number' ? withinBounds(check.bounds) : undefined;
    return { name: name as keyof PopulationRow, read: cellReader(name, schema, settings).read, within, seen: [] };
  });
  // The row every line is read into: the columns the header lacks keep their defaults, as the general reader gives them.
  const row = {} as Record<keyof PopulationRow, unknown>;
  for (const { name, value } of columnDefaults('population', header)) row[name as keyof PopulationRow] = value;
  const { delimiter } = settings;
  let statusFine = true;
  const statusProblem = () => { statusFine = false; };

  return (line, text) => {
    // A first cell that is empty or starts blank may belong to a blank record, which the general reader skips.
    if (!(text.charCodeAt(0) > 32)) return false;
    let start = 0;
    for (let position = 0; position < columns.length; position += 1) {
      let end = text.indexOf(delimiter, start);
      if (position === columns.length - 1) {
        if (end >= 0) return false; // more cells than the header
        end = text.length;
      } else if (end < 0) {
        return false; // fewer cells than the header
      }
      const column = columns[position];
      if (column !== undefined) {
        if (end - start > MAX_CELL_CHARACTERS) return false;
        const plain = column.within === undefined ? Number.NaN : plainNumber(text, start, end);
        const value = plain === plain && column.within!(plain) ? plain : cellValue(column, text, start, end);
        if (value === INVALID) return false;
        row[column.name] = value;
      }
      start = end + 1;
    }
    statusFine = true;
    statusProblems(row as PopulationRow, statusProblem);
    if (!statusFine) return false;
    onRow(line, row as PopulationRow);
    return true;
  };
}

/** The column's value of `text[start, end)`, or INVALID: read by the column's reader, or remembered from an equal cell. */
function cellValue(column: Column, text: string, start: number, end: number): unknown {
  const { seen } = column;
  for (let index = 0; index < seen.length; index += 1) {
    const cell = seen[index]!;
    if (cell.text.length === end - start && text.startsWith(cell.text, start)) return cell.value;
  }
  const cell = text.slice(start, end);
  const value = column.read(cell);
  if (value !== INVALID && seen.length < SEEN_CELLS) seen.push({ text: cell, value });
  return value;
}

/** 10^0 … 10^15, each exactly a double. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);

/**
 * The value of `text[start, end)` when it is written as digits with at most
 * one point between them (`12`, `0.25`), at most 15 digits in all, else NaN.
 * It is Number()'s value: the digits make an integer m < 2^53 and 10^k is
 * exact, so m / 10^k is one correctly rounded division, which is the decimal
 * correctly rounded (Clinger's fast path).
 * @example plainNumber('a,12.5,b', 2, 6) // 12.5
 * @example plainNumber('-1', 0, 2) // NaN
 */
export function plainNumber(text: string, start: number, end: number): number {
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits += 1;
    } else if (code === 46 && point < 0 && index > start && index < end - 1) {
      point = index;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  return point < 0 ? mantissa : mantissa / POWERS_OF_TEN[end - point - 1]!;
}
