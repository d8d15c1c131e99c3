/**
 * CSV records into typed rows (methodology §2 table): the header must name every
 * required column and nothing unknown; each cell is read against its column's
 * zod schema from src/schema/tables.ts (src/io/read/cells.ts). Rows keep
 * their line numbers so that cross-file checks can point at them.
 */
import type { z } from 'zod';
import { retiredColumns, tableColumns, type TableName } from '../schema/tables.js';
import { describeIssue } from './describeIssue.js';
import type { Diagnostic } from './diagnostics.js';
import { cellReader, INVALID, type CellOptions } from './read/cells.js';
import { delimiterName } from './read/csvScanner.js';
import { MAX_CELL_CHARACTERS } from './read/limits.js';
import { count, quoted } from './read/shown.js';
import type { CsvHeader, CsvOptions, CsvRecord, CsvText, RecordSink } from './readCsv.js';
import { closestName } from './suggest.js';

export interface Located<T> {
  line: number;
  row: T;
}

export type RowOf<N extends TableName> = z.output<(typeof tableColumns)[N]['schema']>;

export interface TableRows<T> {
  rows: Located<T>[];
  /**
   * Every record of the file became a row. Checks for what is absent (an age
   * no row covers) run only then: a row dropped for a bad cell would
   * otherwise be reported a second time as a gap.
   */
  complete: boolean;
  diagnostics: Diagnostic[];
}

/** How a scheme's CSVs are written (scheme.yaml `csv:`), and where to say so. */
export interface CsvSettings extends CsvOptions, CellOptions {}

export const DEFAULT_SETTINGS: CsvSettings = { delimiter: ',', decimal: '.', settingsFile: 'scheme.yaml' };

/** A reader of one table's records: a RecordSink that turns each valid record into a row. */
export interface TableReader extends RecordSink {
  /** False once a record was dropped or the text had a problem (see TableRows.complete). */
  readonly complete: boolean;
}

/**
 * Reads the records of one scheme table as they come, handing each valid row
 * to `onRow` and each problem to `report`.
 */
export function tableReader<N extends TableName>(
  file: string, table: N, settings: CsvSettings,
  onRow: (line: number, row: RowOf<N>) => void,
  report: (diagnostic: Diagnostic) => void,
): TableReader {
  const { schema } = tableColumns[table];
  const shape = schema.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  const error = (line: number | undefined, path: string | undefined, message: string) =>
    report({ severity: 'error', file, ...(line === undefined ? {} : { line }), ...(path === undefined ? {} : { path }), message });
  let columns: { name: string; index: number; read: ReturnType<typeof cellReader> }[] = [];
  let defaults: { name: string; value: unknown }[] = [];
  let complete = true;

  return {
    get complete() { return complete; },
    problem(line, message) {
      complete = false;
      error(line, undefined, message);
    },
    header(header) {
      const problems = headerProblems(header, file, table, settings);
      for (const { path, message } of problems.found) error(header.line, path, message);
      if (!problems.usable) {
        complete = false;
        return false;
      }
      columns = header.names
        .map((name, index) => ({ name, index }))
        .filter(({ name }) => known.includes(name))
        .map(({ name, index }) => ({ name, index, read: cellReader(name, shape[name]!, settings) }));
      defaults = columnDefaults(table, header);
      return true;
    },
    record({ line, cells }: CsvRecord) {
      const row: Record<string, unknown> = {};
      let valid = true;
      // Indexed loops: this runs once per cell of a register of millions of rows.
      for (let position = 0; position < columns.length; position += 1) {
        const { name, index, read } = columns[position]!;
        const cell = cells[index]!;
        if (cell.length > MAX_CELL_CHARACTERS) {
          valid = false;
          error(line, name, `${name} is ${count(cell.length)} characters long (${quoted(cell)}): a cell holds at most ${MAX_CELL_CHARACTERS}`);
          continue;
        }
        const value = read.read(cell);
        if (value === INVALID) {
          valid = false;
          error(line, name, read.problem(cell)); // one message per cell
          continue;
        }
        row[name] = value;
      }
      for (let position = 0; position < defaults.length; position += 1) row[defaults[position]!.name] = defaults[position]!.value;
      if (valid) onRow(line, row as RowOf<N>);
      else complete = false;
    },
  };
}

/** The values a table's columns take when the header leaves them out: their schema's defaults (a column without one is left out). */
export function columnDefaults(table: TableName, header: CsvHeader): { name: string; value: unknown }[] {
  const shape = tableColumns[table].schema.shape as Record<string, z.ZodType>;
  return Object.keys(shape)
    .filter((name) => !header.names.includes(name))
    .map((name) => ({ name, parsed: shape[name]!.safeParse(undefined, { reportInput: true, error: describeIssue }) }))
    .flatMap(({ name, parsed }) => (parsed.success && parsed.data !== undefined ? [{ name, value: parsed.data }] : []));
}

/**
 * The header against the table's columns: unknown names (with a "did you
 * mean"), missing required ones, and a file that is not split on the
 * expected delimiter. Unusable when rows cannot be read with it.
 */
function headerProblems(header: CsvHeader, file: string, table: TableName, settings: CsvSettings): { usable: boolean; found: { path?: string; message: string }[] } {
  const known = Object.keys(tableColumns[table].schema.shape);
  const required: readonly string[] = tableColumns[table].keys;
  const found: { path?: string; message: string }[] = [];
  const other = header.names.length === 1 ? otherDelimiter(header.names[0]!, settings.delimiter) : undefined;
  if (other !== undefined) {
    const looks = `the header has one column ${quoted(header.names[0]!)}: the file looks ${delimiterName(other)}-separated`;
    const fix = settings.delimiter === ','
      ? `; set csv.delimiter: ${JSON.stringify(other)} in ${settings.settingsFile}${other === ';' ? ' (and csv.decimal: "," if its numbers are written 1,5)' : ''}`
      : `, but csv.delimiter is ${JSON.stringify(settings.delimiter)} in ${settings.settingsFile}: set it to ${JSON.stringify(other)}`;
    return { usable: false, found: [{ message: `${looks}${fix}` }] };
  }
  const missing = required.filter((column) => !header.names.includes(column));
  const unused = known.filter((column) => !header.names.includes(column));
  const explained = new Set<string>();
  const retired = retiredColumns[table] ?? {};
  for (const name of header.names) {
    if (name === '' || known.includes(name)) continue;
    if (Object.hasOwn(retired, name)) {
      found.push({ path: name, message: `column "${name}" is no longer read: ${retired[name]}` });
      continue;
    }
    const meant = closestName(name, unused);
    if (meant !== undefined) {
      if (missing.includes(meant)) explained.add(meant);
      found.push({ path: name, message: `unknown column ${quoted(name)}; did you mean "${meant}"?` });
    } else {
      found.push({ path: name, message: `unknown column ${quoted(name)}: the columns of ${file} are ${known.join(', ')}` });
    }
  }
  for (const column of missing) {
    if (!explained.has(column)) found.push({ path: column, message: `required column "${column}" is missing from the header (required: ${required.join(', ')})` });
  }
  // Without a required column every row would fail the same way: the header's messages are enough.
  return { usable: missing.length === 0, found };
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter a one-column header is really split on, if another one splits it. */
function otherDelimiter(name: string, delimiter: string): string | undefined {
  return DELIMITERS.find((candidate) => candidate !== delimiter && name.split(candidate).length >= 3);
}

/**
 * Reads the rows of one scheme table from a parsed text.
 * @example readTable(readCsv('sex,age,qx\nF,15,0.001\n', 'm.csv'), 'm.csv', 'mortality').rows[0] // {line: 2, row: {sex: 'F', age: 15, qx: 0.001, improvement: 0}}
 */
export function readTable<N extends TableName>(csv: CsvText, file: string, table: N, settings: CsvSettings = DEFAULT_SETTINGS): TableRows<RowOf<N>> {
  const diagnostics: Diagnostic[] = [];
  const rows: Located<RowOf<N>>[] = [];
  if (csv.header === undefined) return { rows, complete: false, diagnostics };
  const reader = tableReader(file, table, settings, (line, row) => rows.push({ line, row }), (diagnostic) => diagnostics.push(diagnostic));
  if (!reader.header(csv.header)) return { rows: [], complete: false, diagnostics };
  for (const record of csv.records) reader.record(record);
  return { rows, complete: reader.complete && csv.diagnostics.length === 0, diagnostics };
}
