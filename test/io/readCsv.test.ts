/** readCsv: the shapes CSV text comes in from spreadsheets and editors. */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/readCsv.js';

const messages = (text: string) => readCsv(text, 'x.csv').diagnostics.map((d) => `${d.file}${d.line === undefined ? '' : `:${d.line}`}: ${d.message}`);

describe('readCsv', () => {
  it('reads a header and records with their line numbers', () => {
    const csv = readCsv('sex,age\nF,15\nM,16\n', 'x.csv');
    expect(csv.header).toEqual({ line: 1, names: ['sex', 'age'] });
    expect(csv.records).toEqual([{ line: 2, cells: ['F', '15'] }, { line: 3, cells: ['M', '16'] }]);
    expect(csv.diagnostics).toEqual([]);
  });

  it('drops a UTF-8 byte-order mark (Excel writes one)', () => {
    const csv = readCsv('\uFEFFsex,age\nF,15\n', 'x.csv');
    expect(csv.header?.names).toEqual(['sex', 'age']);
  });

  it('reads CRLF line ends, and a file mixing CRLF and LF, with the right line numbers', () => {
    expect(readCsv('sex,age\r\nF,15\r\nM,16\r\n', 'x.csv').records).toEqual([{ line: 2, cells: ['F', '15'] }, { line: 3, cells: ['M', '16'] }]);
    expect(readCsv('# note\nsex,age\r\nF,15\nM,16\r\n', 'x.csv').records.map((r) => r.line)).toEqual([3, 4]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, and numbers later lines right', () => {
    const csv = readCsv('group,note\n"a, b","say ""hi"""\n"c","two\nlines"\nd,e\n', 'x.csv');
    expect(csv.records).toEqual([
      { line: 2, cells: ['a, b', 'say "hi"'] },
      { line: 3, cells: ['c', 'two\nlines'] },
      { line: 5, cells: ['d', 'e'] },
    ]);
  });

  it('skips comment lines at the top and between rows, and blank lines, keeping line numbers', () => {
    const csv = readCsv('# mortality of 2020\n# source: survey\nsex,age\n\nF,15\n# men\nM,15\n   \n', 'x.csv');
    expect(csv.header?.line).toBe(3);
    expect(csv.records.map((r) => r.line)).toEqual([5, 7]);
    expect(csv.diagnostics).toEqual([]);
  });

  it('keeps a # inside a field (only a # at the start of a line is a comment)', () => {
    expect(readCsv('group,age\nshop#2,15\n', 'x.csv').records[0]?.cells).toEqual(['shop#2', '15']);
  });

  it('reports a ragged row once and drops it', () => {
    const csv = readCsv('sex,age,qx\nF,15\nM,15,0.1,9\nF,16,0.1\n', 'x.csv');
    expect(messages('sex,age,qx\nF,15\nM,15,0.1,9\nF,16,0.1\n')).toEqual([
      'x.csv:2: the line has 2 fields but the header has 3',
      'x.csv:3: the line has 4 fields but the header has 3',
    ]);
    expect(csv.records).toEqual([{ line: 4, cells: ['F', '16', '0.1'] }]);
  });

  it('requires a header: an empty file, or one of comments only, is an error', () => {
    expect(messages('')).toEqual(['x.csv: the file is empty: a header row naming the columns is required']);
    expect(messages('# nothing yet\n\n')).toEqual(['x.csv: the file is empty: a header row naming the columns is required']);
    expect(readCsv('', 'x.csv').header).toBeUndefined();
  });

  it('accepts a header without data rows', () => {
    const csv = readCsv('sex,age\n', 'x.csv');
    expect(csv.records).toEqual([]);
    expect(csv.diagnostics).toEqual([]);
  });

  it('rejects a header naming a column twice or leaving one unnamed', () => {
    expect(messages('sex,age,sex,\nF,1,F,2\n')).toEqual([
      'x.csv:1: column "sex" appears twice in the header',
      'x.csv:1: header column 4 has no name',
    ]);
  });

  it('reports a stray quote on its line and goes on with the next lines', () => {
    const csv = readCsv('group,age\nab"c,15\nd,16\n', 'x.csv');
    expect(csv.diagnostics).toHaveLength(1);
    expect(csv.diagnostics[0]).toMatchObject({ line: 2 });
    expect(csv.diagnostics[0]?.message).toMatch(/quote/);
    expect(csv.records).toEqual([{ line: 3, cells: ['d', '16'] }]);
  });

  it('reports a quote that is never closed', () => {
    expect(messages('group,age\na,15\n"b,16\nc,17\n')).toEqual([
      'x.csv:3: a quoted field opened on or after this line is never closed: add the closing "',
    ]);
  });
});
