/**
 * CSV text into records with their line numbers (MODEL.md §2: CSVs have a
 * header row). Only the shape of the text is checked here — what the columns
 * mean is readTable's business.
 */
import { parse, type CsvError } from 'csv-parse/sync';
import type { Diagnostic } from './diagnostics.js';

export interface CsvRecord {
  /** 1-based line where the record starts in the file as the user sees it. */
  line: number;
  cells: string[];
}

export interface CsvText {
  /** Undefined when the file holds no header row (empty, or only comments). */
  header: { line: number; names: string[] } | undefined;
  /** Data records that have exactly as many cells as the header. */
  records: CsvRecord[];
  diagnostics: Diagnostic[];
}

/**
 * Parses CSV text. Accepts a UTF-8 byte-order mark, CRLF or LF line ends,
 * quoted fields (with commas and line breaks inside), blank lines and lines
 * starting with `#` (comments). A record with too few or too many cells is an
 * error and is dropped, so one bad line gives one message.
 * @example readCsv('# ages\nsex,age\nF,15\n', 'x.csv').records // [{line: 3, cells: ['F', '15']}]
 */
export function readCsv(text: string, file: string): CsvText {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number | undefined, message: string) =>
    diagnostics.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), message });
  // One line-end convention before parsing: csv-parse guesses it from the first
  // line, and a file mixing CRLF and LF would otherwise count lines wrongly.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const skippedLines = new Set<number>();
  let endedInsideQuote = false;
  const parsed = parse(normalised, {
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    comment: '#',
    comment_no_infix: true,
    skip_records_with_error: true,
    on_skip: (problem: CsvError | undefined) => {
      if (problem === undefined) return undefined;
      if (problem.code === 'CSV_QUOTE_NOT_CLOSED') { endedInsideQuote = true; return undefined; }
      const line = Number((problem as unknown as { lines: number }).lines);
      if (skippedLines.has(line)) return undefined; // csv-parse may report one line twice
      skippedLines.add(line);
      error(line, describeParseError(problem));
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];

  const rows = parsed
    .map(({ record, info }) => ({
      // info.lines is the line where the record ends; a quoted cell may span lines
      line: info.lines - record.reduce((newlines, cell) => newlines + countNewlines(cell), 0),
      cells: record,
    }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (endedInsideQuote) {
    const after = rows[rows.length - 1]?.line ?? 0;
    error(after + 1, 'a quoted field opened on or after this line is never closed: add the closing "');
  }

  const [first, ...data] = rows;
  if (first === undefined) {
    if (!endedInsideQuote) error(undefined, 'the file is empty: a header row naming the columns is required');
    return { header: undefined, records: [], diagnostics };
  }
  const names = first.cells.map((name) => name.trim());
  names.forEach((name, index) => {
    if (name === '') error(first.line, `header column ${index + 1} has no name`);
    else if (names.indexOf(name) !== index) error(first.line, `column "${name}" appears twice in the header`);
  });
  const records: CsvRecord[] = [];
  for (const row of data) {
    if (row.cells.length === names.length) records.push(row);
    else error(row.line, `the line has ${row.cells.length} field${row.cells.length === 1 ? '' : 's'} but the header has ${names.length}`);
  }
  return { header: { line: first.line, names }, records, diagnostics };
}

function countNewlines(cell: string): number {
  let count = 0;
  for (const character of cell) if (character === '\n') count += 1;
  return count;
}

function describeParseError(problem: CsvError): string {
  if (problem.code === 'INVALID_OPENING_QUOTE') {
    return 'a quote " inside an unquoted field: quote the whole field and double the inner quote ("a""b"), or remove it';
  }
  if (problem.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return 'a quoted field is followed by other characters before the next comma: put the whole field inside the quotes';
  }
  return `cannot read this line: ${problem.message}`;
}
