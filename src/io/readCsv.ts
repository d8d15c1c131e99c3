/**
 * CSV text into a header and records with their line numbers (methodology §2:
 * CSVs have a header row). Only the shape of the text is checked here — what
 * the columns mean is readTable's business. The same reader serves a whole
 * text (`readCsv`) and a file streamed in chunks (`csvRecords`).
 */
import type { Diagnostic } from './diagnostics.js';
import { CsvScanner } from './read/csvScanner.js';
import { MAX_CELL_CHARACTERS } from './read/limits.js';
import { count, quoted } from './read/shown.js';

export interface CsvRecord {
  /** 1-based line where the record starts in the file as the user sees it. */
  line: number;
  cells: string[];
}

export interface CsvHeader {
  line: number;
  names: string[];
}

export interface CsvText {
  /** Undefined when the file holds no header row (empty, or only comments). */
  header: CsvHeader | undefined;
  /** Data records that have exactly as many cells as the header. */
  records: CsvRecord[];
  diagnostics: Diagnostic[];
}

export interface CsvOptions {
  /** The cell separator: `,` unless scheme.yaml's `csv.delimiter` says otherwise. */
  delimiter: string;
}

export const DEFAULT_CSV: CsvOptions = { delimiter: ',' };

/** Where the records of one file go. */
export interface RecordSink {
  /** The header row, its names checked; false stops the reading (the file cannot be understood). */
  header(header: CsvHeader): boolean;
  /** A data record with as many cells as the header. */
  record(record: CsvRecord): void;
  /** A problem with the text itself (a line that cannot be read, a wrong number of cells). */
  problem(line: number | undefined, message: string): void;
  /** A data line without quotes, before it is split: true when the sink read it whole (it is then not a record). */
  plainLine?(line: number, text: string): boolean;
}

export interface CsvRecords {
  /** Feeds the next piece of decoded text. */
  push(text: string): void;
  /** Ends the input; reports an empty file. */
  end(): void;
  /** True once a problem made the rest of the file meaningless. */
  readonly stopped: boolean;
  /** Lines ended so far (the line being read is the next one). */
  readonly linesSeen: number;
}

/**
 * A reader of one CSV file's records, fed in chunks. A record with too few or
 * too many cells is an error and is dropped, so one bad line gives one message.
 */
export function csvRecords(options: CsvOptions, sink: RecordSink): CsvRecords {
  let header: CsvHeader | undefined;
  let refused = false;
  let sawProblem = false;
  const problem = (line: number | undefined, message: string) => {
    sawProblem = true;
    sink.problem(line, message);
  };
  const scanner = new CsvScanner(options.delimiter, {
    problem,
    plainLine: sink.plainLine === undefined ? undefined : (line, text) => header !== undefined && sink.plainLine!(line, text),
    record(line, cells) {
      if (header === undefined) {
        header = { line, names: cells.map((name) => name.trim()) };
        if (!checkHeader(header, problem) || !sink.header(header)) {
          refused = true;
          scanner.stopped = true;
        }
        return;
      }
      if (cells.length === header.names.length) sink.record({ line, cells });
      else problem(line, `the line has ${cells.length} field${cells.length === 1 ? '' : 's'} but the header has ${header.names.length}`);
    },
  });
  return {
    push: (text) => scanner.push(text),
    end() {
      scanner.end();
      if (header === undefined && !sawProblem) sink.problem(undefined, 'the file is empty: a header row naming the columns is required');
    },
    get stopped() { return scanner.stopped || refused; },
    get linesSeen() { return scanner.linesSeen; },
  };
}

/** Header names must be present, distinct and of a sensible length; false when the header is unusable. */
function checkHeader(header: CsvHeader, problem: RecordSink['problem']): boolean {
  let usable = true;
  header.names.forEach((name, index) => {
    if (name.length > MAX_CELL_CHARACTERS) {
      usable = false;
      problem(header.line, `header column ${index + 1} is ${count(name.length)} characters long (${quoted(name)}): a column name has at most ${MAX_CELL_CHARACTERS}`);
    } else if (name === '') {
      problem(header.line, `header column ${index + 1} has no name`);
    } else if (header.names.indexOf(name) !== index) {
      problem(header.line, `column "${name}" appears twice in the header`);
    }
  });
  return usable;
}

/**
 * Parses a whole CSV text. Accepts a UTF-8 byte-order mark, CRLF or LF line
 * ends, quoted fields (with delimiters and line breaks inside), blank lines and
 * lines starting with `#` (comments).
 * @example readCsv('# ages\nsex,age\nF,15\n', 'x.csv').records // [{line: 3, cells: ['F', '15']}]
 */
export function readCsv(text: string, file: string, options: CsvOptions = DEFAULT_CSV): CsvText {
  const diagnostics: Diagnostic[] = [];
  const records: CsvRecord[] = [];
  let header: CsvHeader | undefined;
  const reader = csvRecords(options, {
    header: (found) => { header = found; return true; },
    record: (record) => records.push(record),
    problem: (line, message) => diagnostics.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), message }),
  });
  reader.push(text.replace(/^\uFEFF/, ''));
  reader.end();
  return { header, records, diagnostics };
}
