/**
 * CSV text into records, fed in chunks of any size (methodology §2: CSVs have a
 * header row). Most lines of a scheme's CSVs hold no quote: those are split
 * on the delimiter directly, which is several times faster than a general
 * parser. A line with a quote — and the lines a quoted field runs on to — is
 * handed to csv-parse, so quoting follows one well-kept implementation.
 *
 * Accepted: CRLF, LF or CR line ends (mixed too), blank lines, lines starting
 * with `#` (comments), quoted fields with delimiters and line breaks inside.
 * Records whose cells are all blank are skipped.
 */
import { parse, type CsvError } from 'csv-parse/sync';
import { MAX_RECORD_CHARACTERS } from './limits.js';
import { count } from './shown.js';

export interface ScannerEvents {
  /** A record and the 1-based line where it starts. */
  record(line: number, cells: string[]): void;
  /**
   * A line without quotes, before it is split: true when it was read whole,
   * so that it is not split into a record (the population's fast path,
   * src/io/read/populationLines.ts).
   */
  plainLine?(line: number, text: string): boolean;
  /** A line that cannot be read; `stop` means the rest of the file is not read. */
  problem(line: number | undefined, message: string): void;
}

type QuoteState = 'complete' | 'open' | 'malformed';

export class CsvScanner {
  private lineNumber = 0;
  private partial = '';
  private carriageReturn = false;
  /** Lines of a record whose quoted field runs over several lines. */
  private block: string[] = [];
  private blockStart = 0;
  private blockLength = 0;
  /** Set after a problem that makes the rest of the file meaningless. */
  stopped = false;

  /** Lines ended so far (the line being read is the next one). */
  get linesSeen(): number {
    return this.lineNumber;
  }

  constructor(private readonly delimiter: string, private readonly events: ScannerEvents) {}

  /** Feeds the next piece of text. */
  push(chunk: string): void {
    if (this.stopped || chunk === '') return;
    let text = this.carriageReturn ? `\r${chunk}` : chunk;
    // A CR at the end may be the first half of a CRLF: wait for the next chunk.
    this.carriageReturn = text.endsWith('\r');
    if (this.carriageReturn) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    let start = 0;
    if (this.partial !== '') {
      const end = text.indexOf('\n');
      if (end < 0) {
        this.partial += text;
        this.checkPartial();
        return;
      }
      this.line(this.partial + text.slice(0, end));
      this.partial = '';
      start = end + 1;
    }
    for (;;) {
      if (this.stopped) return;
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      this.line(text.slice(start, end));
      start = end + 1;
    }
    this.partial = text.slice(start);
    this.checkPartial();
  }

  /** Ends the input: the last line needs no line end. */
  end(): void {
    if (this.stopped) return;
    if (this.carriageReturn || this.partial !== '') this.line(this.partial);
    this.partial = '';
    this.carriageReturn = false;
    if (this.block.length > 0) this.flushBlock();
  }

  private checkPartial(): void {
    if (this.partial.length > MAX_RECORD_CHARACTERS) {
      this.stop(this.lineNumber + 1, `the line is longer than ${count(MAX_RECORD_CHARACTERS)} characters: is this a CSV file?`);
    }
  }

  private stop(line: number | undefined, message: string): void {
    this.events.problem(line, message);
    this.stopped = true;
    this.block = [];
  }

  private line(text: string): void {
    this.lineNumber += 1;
    if (this.block.length > 0) {
      this.block.push(text);
      this.blockLength += text.length + 1;
      if (this.blockLength > MAX_RECORD_CHARACTERS) {
        this.stop(this.blockStart, `a quoted field opened on this line runs on for more than ${count(MAX_RECORD_CHARACTERS)} characters (${count(this.block.length)} lines): add the closing "`);
        return;
      }
      if (quoteState(text, this.delimiter, true) !== 'open') this.flushBlock();
      return;
    }
    if (text === '' || text.charCodeAt(0) === 35 /* # */) return;
    if (!text.includes('"')) {
      if (this.events.plainLine?.(this.lineNumber, text) === true) return;
      this.emit(this.lineNumber, text.split(this.delimiter));
      return;
    }
    this.block = [text];
    this.blockStart = this.lineNumber;
    this.blockLength = text.length + 1;
    if (quoteState(text, this.delimiter, false) !== 'open') this.flushBlock();
  }

  private emit(line: number, cells: string[]): void {
    // A record of blank cells is skipped; a first cell starting with a printable character settles it at once.
    if (!(cells[0]!.charCodeAt(0) > 32) && !cells.some((cell) => cell.trim() !== '')) return;
    this.events.record(line, cells);
  }

  /** Parses the pending quoted record(s) with csv-parse, with lines counted from the block's first. */
  private flushBlock(): void {
    const lines = this.block;
    const offset = this.blockStart - 1;
    this.block = [];
    const reported = new Set<number>();
    let endedInsideQuote = false;
    const parsed = parse(lines.join('\n'), {
      info: true,
      delimiter: this.delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      skip_records_with_error: true,
      on_skip: (problem: CsvError | undefined) => {
        if (problem === undefined) return undefined;
        if (problem.code === 'CSV_QUOTE_NOT_CLOSED') { endedInsideQuote = true; return undefined; }
        const line = offset + Number((problem as unknown as { lines: number }).lines);
        if (reported.has(line)) return undefined; // csv-parse may report one line twice
        reported.add(line);
        this.events.problem(line, describeParseError(problem, this.delimiter));
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    for (const { record, info } of parsed) {
      // info.lines is the line where the record ends; a quoted cell may span lines
      this.emit(offset + info.lines - record.reduce((newlines, cell) => newlines + countNewlines(cell), 0), record);
    }
    if (endedInsideQuote) {
      this.events.problem(this.blockStart, 'a quoted field opened on or after this line is never closed: add the closing "');
    }
  }
}

/**
 * Whether `text` (one line) ends a record, leaves a quoted field open, or
 * misplaces a quote; `insideQuote` when the line continues an open field.
 */
export function quoteState(text: string, delimiter: string, insideQuote: boolean): QuoteState {
  let position = 0;
  let quoted = insideQuote;
  for (;;) {
    if (quoted) {
      const quote = text.indexOf('"', position);
      if (quote < 0) return 'open';
      if (text.charCodeAt(quote + 1) === 34 /* " */) { position = quote + 2; continue; }
      const next = quote + 1;
      if (next === text.length) return 'complete';
      if (!text.startsWith(delimiter, next)) return 'malformed';
      quoted = false;
      position = next + delimiter.length;
      continue;
    }
    if (text.charCodeAt(position) === 34) { quoted = true; position += 1; continue; }
    const end = text.indexOf(delimiter, position);
    const quote = text.indexOf('"', position);
    if (quote >= 0 && (end < 0 || quote < end)) return 'malformed';
    if (end < 0) return 'complete';
    position = end + delimiter.length;
  }
}

function countNewlines(cell: string): number {
  let newlines = 0;
  for (let index = cell.indexOf('\n'); index >= 0; index = cell.indexOf('\n', index + 1)) newlines += 1;
  return newlines;
}

function describeParseError(problem: CsvError, delimiter: string): string {
  if (problem.code === 'INVALID_OPENING_QUOTE') {
    return 'a quote " inside an unquoted field: quote the whole field and double the inner quote ("a""b"), or remove it';
  }
  if (problem.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return `a quoted field is followed by other characters before the next ${delimiterName(delimiter)}: put the whole field inside the quotes`;
  }
  return `cannot read this line: ${problem.message}`;
}

/** `comma`, `semicolon`, `tab`: the delimiter as a message names it. */
export const delimiterName = (delimiter: string): string =>
  ({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' })[delimiter] ?? JSON.stringify(delimiter);
