/**
 * One CSV file of a scheme, streamed from disk into rows: bytes are checked
 * to be UTF-8 text as they come (one message names a workbook, UTF-16 or
 * Latin-1), hashed for the run record (§9), split into records and read into
 * rows, chunk by chunk. The population file is merged as it is read
 * (src/io/read/population.ts), so a register of millions of members never
 * sits in memory.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { TableName } from '../../schema/tables.js';
import type { PopulationRow } from '../../schema/tables.js';
import { statusProblems } from '../checks/population.js';
import type { Diagnostic } from '../diagnostics.js';
import { csvRecords } from '../readCsv.js';
import { tableReader, type CsvSettings, type Located, type RowOf } from '../readTable.js';
import { binaryProblem, completeLength, firstInvalidByte, invalidUtf8Problem } from './encoding.js';
import { MAX_ERRORS_PER_FILE } from './limits.js';
import { PopulationAggregate } from './population.js';
import { type PlainLineReader, populationLines } from './populationLines.js';

const CHUNK_BYTES = 1 << 20;

export interface TableFile<T> {
  /** The rows read (merged, for the population); undefined when the file could not be read at all. */
  rows: Located<T>[] | undefined;
  complete: boolean;
  /** The first MAX_ERRORS_PER_FILE errors, and every warning. */
  diagnostics: Diagnostic[];
  /** Errors found beyond those listed. */
  moreErrors: number;
  /** SHA-256 of the whole file; undefined when it was not read to the end. */
  sha256: string | undefined;
  /** Rows read from the file, before rows with the same key are merged. */
  rowsRead: number;
}

/** Collects a file's diagnostics, keeping the first MAX_ERRORS_PER_FILE errors and counting the rest. */
export class FileDiagnostics {
  readonly list: Diagnostic[] = [];
  errors = 0;
  more = 0;

  add(diagnostic: Diagnostic): void {
    if (diagnostic.severity === 'error') {
      this.errors += 1;
      if (this.errors > MAX_ERRORS_PER_FILE) {
        this.more += 1;
        return;
      }
    }
    this.list.push(diagnostic);
  }
}

/** Reads the rows of `role`'s table from an opened file of `size` bytes, closing it. */
export async function readTableFile<N extends TableName>(
  handle: FileHandle, size: number, role: N, file: string, settings: CsvSettings,
): Promise<TableFile<RowOf<N>>> {
  const found = new FileDiagnostics();
  const rows: Located<RowOf<N>>[] = [];
  const population = role === 'population' ? new PopulationAggregate() : undefined;
  let rowsRead = 0;
  let statusFine = true;
  // One reporter for every row (not a closure per row): it reads the line of the row being checked.
  let checkedLine = 0;
  let checkedFine = true;
  const reportStatus = (column: string, message: string) => {
    checkedFine = false;
    found.add({ severity: 'error', file, line: checkedLine, path: column, message });
  };
  const onRow = population === undefined
    ? (line: number, row: RowOf<N>) => { rowsRead += 1; rows.push({ line, row }); }
    : (line: number, row: RowOf<N>) => {
      rowsRead += 1;
      checkedLine = line;
      checkedFine = true;
      statusProblems(row as PopulationRow, reportStatus);
      if (checkedFine) population.add(line, row as PopulationRow);
      else statusFine = false;
    };
  const table = tableReader(file, role, settings, onRow, (diagnostic) => found.add(diagnostic));
  // The population's plain lines skip the general reader (populationLines.ts); the rest go through it.
  let plainLines: PlainLineReader | undefined;
  const onPlainRow = (line: number, row: PopulationRow) => {
    rowsRead += 1;
    population!.add(line, row, false);
  };
  const records = csvRecords(settings, population === undefined ? table : {
    header(header) {
      const usable = table.header(header);
      if (usable) plainLines = populationLines(header, settings, onPlainRow);
      return usable;
    },
    record: (record) => table.record(record),
    problem: (line, message) => table.problem(line, message),
    plainLine: (line, text) => plainLines !== undefined && plainLines(line, text),
  });
  const fail = (line: number | undefined, message: string) => found.add({ severity: 'error', file, ...(line === undefined ? {} : { line }), message });

  const hash = createHash('sha256');
  // A small file needs no 1 MiB buffer (a scheme's tables are kilobytes: the buffers were most of a load's garbage).
  const chunkBytes = Math.min(CHUNK_BYTES, size + 1);
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let carried: Buffer | undefined;
  let first = true;
  let finished = false;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) { finished = true; break; }
      const fresh = buffer.subarray(0, bytesRead);
      hash.update(fresh);
      let bytes = carried === undefined ? fresh : Buffer.concat([carried, fresh]);
      if (first) {
        first = false;
        const problem = binaryProblem(bytes.subarray(0, 4096));
        if (problem !== undefined) { fail(undefined, problem); break; }
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3); // UTF-8 byte-order mark
      }
      const complete = completeLength(bytes);
      const invalid = firstInvalidByte(bytes.subarray(0, complete));
      if (invalid >= 0) {
        records.push(bytes.toString('utf8', 0, invalid));
        fail(records.linesSeen + 1, invalidUtf8Problem(bytes[invalid]!));
        break;
      }
      carried = complete < bytes.length ? Buffer.from(bytes.subarray(complete)) : undefined;
      records.push(bytes.toString('utf8', 0, complete));
      if (records.stopped) break;
    }
    if (finished && carried !== undefined) {
      finished = false;
      fail(records.linesSeen + 1, invalidUtf8Problem(carried[0]!));
    }
    if (finished) records.end();
  } finally {
    await handle.close();
  }
  const read = finished && !records.stopped;
  return {
    rows: population === undefined ? rows : population.rows() as Located<RowOf<N>>[],
    complete: read && table.complete && statusFine,
    diagnostics: found.list,
    moreErrors: found.more,
    sha256: read ? hash.digest('hex') : undefined,
    rowsRead,
  };
}
