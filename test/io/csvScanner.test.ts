/**
 * The CSV scanner against csv-parse: whatever the text (quoted fields with
 * commas, quotes and line breaks, comments, blank lines, CRLF or LF) and
 * however it is cut into chunks, it gives the records, line numbers and
 * findings that csv-parse gives on the whole text.
 */
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { quoteState } from '../../src/io/read/csvScanner.js';
import { csvRecords, readCsv, type CsvRecord } from '../../src/io/readCsv.js';

/** csv-parse on the whole text, with the options sipro 0.1.0 used: the reference. */
function referenceRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const parsed = parse(normalised, {
    info: true, delimiter, relax_column_count: true, skip_empty_lines: true, comment: '#', comment_no_infix: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return parsed
    .map(({ record, info }) => ({ line: info.lines - record.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0), cells: record }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
}

/** Every record the scanner gives (header included), feeding `text` cut at `cuts`. */
function scanned(text: string, delimiter: string, cuts: number[]): { records: CsvRecord[]; problems: string[] } {
  const records: CsvRecord[] = [];
  const problems: string[] = [];
  const reader = csvRecords({ delimiter }, {
    header: (header) => { records.push({ line: header.line, cells: header.names }); return true; },
    record: (record) => records.push(record),
    problem: (line, message) => problems.push(`${line}: ${message}`),
  });
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(text.slice(start, cut));
    start = Math.max(start, cut);
  }
  reader.push(text.slice(start));
  reader.end();
  return { records, problems };
}

const plainCell = fc.stringMatching(/^[a-z0-9 .#é_-]{0,6}$/);
const awkwardCell = fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'x;y', '"', '', ' padded ', 'line\r\nend', '#not a comment');
const cell = fc.oneof({ weight: 4, arbitrary: plainCell }, { weight: 1, arbitrary: awkwardCell });

/** A CSV row written as a spreadsheet would: fields quoted when they hold a delimiter, a quote, a line end or a leading #. */
const written = (cells: string[], delimiter: string) => cells.map((value, index) => {
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value) || (index === 0 && value.startsWith('#'));
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}).join(delimiter);

const csvText = fc.record({
  delimiter: fc.constantFrom(',', ';'),
  lineEnd: fc.constantFrom('\n', '\r\n'),
  lines: fc.array(fc.oneof(
    { weight: 6, arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => ({ cells })) },
    { weight: 1, arbitrary: fc.constantFrom('', '# a comment, with "quotes"', '   ').map((raw) => ({ raw })) },
  ), { maxLength: 12 }),
  finalLineEnd: fc.boolean(),
}).map(({ delimiter, lineEnd, lines, finalLineEnd }) => {
  const text = lines.map((line) => ('raw' in line ? line.raw : written(line.cells, delimiter))).join(lineEnd);
  return { delimiter, text: finalLineEnd && text !== '' ? `${text}${lineEnd}` : text };
});

describe('CsvScanner', () => {
  test.prop([csvText, fc.array(fc.nat({ max: 400 }), { maxLength: 6 })], { numRuns: 500 })(
    'gives csv-parse\'s records and line numbers, however the text is cut into chunks',
    ({ delimiter, text }, cuts) => {
      const reference = referenceRecords(text, delimiter);
      const { records, problems } = scanned(text, delimiter, cuts.map((cut) => cut % (text.length + 1)));
      // Records with the header's cell count are kept; the others are reported, one message each.
      const width = reference[0]?.cells.length;
      const header = reference[0] === undefined ? [] : [{ ...reference[0], cells: reference[0].cells.map((name) => name.trim()) }];
      expect(records).toEqual([...header, ...reference.slice(1).filter((row) => row.cells.length === width)]);
      expect(problems.filter((problem) => !/has no name|appears twice/.test(problem))).toEqual([
        ...reference.slice(1).filter((row) => row.cells.length !== width)
          .map((row) => `${row.line}: the line has ${row.cells.length} field${row.cells.length === 1 ? '' : 's'} but the header has ${width}`),
        ...(reference.length === 0 ? ['undefined: the file is empty: a header row naming the columns is required'] : []),
      ]);
    },
  );

  it('reads a lone CR as a line end, even when a chunk ends on it', () => {
    const { records } = scanned('sex,age\rF,15\rM,16', ',', [8]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3]);
  });

  it.each([
    ['a,b', 'complete'],
    ['"a,b",c', 'complete'],
    ['"a ""b""",c', 'complete'],
    ['"a', 'open'],
    ['a,"b\n', 'open'],
    ['a"b,c', 'malformed'],
    ['"a"b,c', 'malformed'],
  ])('sees whether %j ends its record: %s', (line, state) => {
    expect(quoteState(line, ',', false)).toBe(state);
  });

  it('stops at a quote that is never closed within 1 MiB, naming the line where it opened', () => {
    const text = `group,note\na,"never closed\n${'x,y\n'.repeat(300_000)}`;
    const { problems } = scanned(text, ',', []);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^2: a quoted field opened on this line runs on for more than 1,048,576 characters \([\d,]+ lines\): add the closing "$/);
  });

  it('stops at a line longer than 1 MiB (no line ends: not a CSV)', () => {
    const { problems } = scanned(`group,note\n${'x'.repeat(2 ** 21)}`, ',', [4096, 2 ** 20]);
    expect(problems).toEqual(['2: the line is longer than 1,048,576 characters: is this a CSV file?']);
  });

  it('reports a quote inside an unquoted field on its own line, and reads on', () => {
    const csv = readCsv('group,note\na"b,c\nd,e\n', 'x.csv');
    expect(csv.records).toEqual([{ line: 3, cells: ['d', 'e'] }]);
    expect(csv.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '2: a quote " inside an unquoted field: quote the whole field and double the inner quote ("a""b"), or remove it',
    ]);
  });
});
