/**
 * CSV records into typed rows (MODEL.md §2 table): the header must name every
 * required column and nothing unknown; each cell goes through its column's
 * zod schema from src/schema/tables.ts. Rows keep their line numbers so that
 * cross-file checks can point at them.
 */
import type { z } from 'zod';
import { describeIssue, fieldMessage } from './describeIssue.js';

import { tableColumns, type TableName } from '../schema/tables.js';
import type { Diagnostic } from './diagnostics.js';
import type { CsvText } from './readCsv.js';
import { closestName } from './suggest.js';

const options = { reportInput: true, error: describeIssue } as const;

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

/**
 * Reads the rows of one scheme table.
 * @example readTable(readCsv('sex,age,qx\nF,15,0.001\n', 'm.csv'), 'm.csv', 'mortality').rows[0] // {line: 2, row: {sex: 'F', age: 15, qx: 0.001, improvement: 0}}
 */
export function readTable<N extends TableName>(csv: CsvText, file: string, table: N): TableRows<RowOf<N>> {
  const diagnostics: Diagnostic[] = [];
  const { header } = csv;
  if (header === undefined) return { rows: [], complete: false, diagnostics };
  const { schema } = tableColumns[table];
  const required: readonly string[] = tableColumns[table].keys;
  const known = Object.keys(schema.shape);
  const error = (line: number, path: string | undefined, message: string) =>
    diagnostics.push({ severity: 'error', file, line, ...(path === undefined ? {} : { path }), message });

  const missing = required.filter((column) => !header.names.includes(column));
  const unused = known.filter((column) => !header.names.includes(column));
  const explained = new Set<string>();
  for (const name of header.names) {
    if (name === '' || known.includes(name)) continue;
    const meant = closestName(name, unused);
    if (meant !== undefined) {
      if (missing.includes(meant)) explained.add(meant);
      error(header.line, name, `unknown column "${name}"; did you mean "${meant}"?`);
    } else {
      error(header.line, name, `unknown column "${name}": the columns of ${file} are ${known.join(', ')}`);
    }
  }
  for (const column of missing) {
    if (!explained.has(column)) error(header.line, column, `required column "${column}" is missing from the header (required: ${required.join(', ')})`);
  }
  // Without a required column every row would fail the same way: one message is enough.
  if (missing.length > 0) return { rows: [], complete: false, diagnostics };

  // A row schema is a strict object of independent column schemas, so a row
  // is valid exactly when each of its cells is: cells are parsed one by one,
  // once per distinct text in a column (sex, status, ages and zeros repeat
  // thousands of times), which keeps zod the only judge at a fraction of the cost.
  const shape = schema.shape as Record<string, z.ZodType>;
  const columns = header.names.map((name, index) => ({ name, index })).filter(({ name }) => known.includes(name));
  const absent = known.filter((name) => !header.names.includes(name)).map((name) => ({ name, parsed: shape[name]!.safeParse(undefined, options) }));
  const memo = new Map<string, Map<string, z.ZodSafeParseResult<unknown>>>(columns.map(({ name }) => [name, new Map()]));
  const rows: Located<RowOf<N>>[] = [];
  let complete = csv.diagnostics.length === 0;
  for (const record of csv.records) {
    const row: Record<string, unknown> = {};
    let valid = true;
    for (const { name, index } of columns) {
      const cell = record.cells[index]!;
      const seen = memo.get(name)!;
      let parsed = seen.get(cell);
      if (parsed === undefined) {
        parsed = shape[name]!.safeParse(cell, options);
        seen.set(cell, parsed);
      }
      if (parsed.success) {
        row[name] = parsed.data;
        continue;
      }
      valid = false;
      error(record.line, name, fieldMessage(name, cell.trim(), parsed.error.issues[0]!)); // one message per cell
    }
    for (const { name, parsed } of absent) if (parsed.success && parsed.data !== undefined) row[name] = parsed.data;
    if (valid) rows.push({ line: record.line, row: row as RowOf<N> });
    else complete = false;
  }
  return { rows, complete, diagnostics };
}
