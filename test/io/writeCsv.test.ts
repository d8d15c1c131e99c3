/**
 * CSV injection (OWASP, "CSV Injection"): a text cell that a spreadsheet
 * would run as a formula is written with a leading "'" and quoted; numbers,
 * including negative ones, stay numbers.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from '../../src/io/writeCsv.js';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")', 'formula'],
    ['+cmd|" /C calc"!A0', '\'+cmd|" /C calc"!A0', 'DDE through +'],
    ['-1-1', '\'-1-1', 'a group name Excel computes as -2'],
    ['-2+3+cmd|x', '\'-2+3+cmd|x', 'arithmetic leading to DDE'],
    ['@SUM(A1:A2)', '\'@SUM(A1:A2)', 'Lotus-style @ formula'],
    ['\t=1', '\'\t=1', 'tab'],
    ['\r=1', '\'\r=1', 'carriage return'],
    ['--set: a "1.5" must be <= 1', '\'--set: a "1.5" must be <= 1', 'a message starting with -'],
    ['-0.05', '-0.05', 'a plain negative number'],
    ['-2.1e5', '-2.1e5', 'exponent form, as String(number) writes it'],
    ['+3', '+3', 'a plain signed number'],
    ['-.5', '-.5', 'no leading digit'],
    ['traders', 'traders', 'plain text'],
    ['a=b', 'a=b', 'a trigger that is not first'],
    ['', '', 'empty'],
    ['\'=x', '\'=x', 'already neutralised: unchanged'],
  ])('%j → %j (%s)', (text, written) => {
    expect(neutraliseCell(text)).toBe(written);
    expect(neutraliseCell(neutraliseCell(text))).toBe(written);
  });
});

describe('toCsv', () => {
  const rows = [
    { group: '-1-1', name: '=HYPERLINK("http://x","y")', reserve_end: -210000, ratio: null },
    { group: 'traders', name: 'plain', reserve_end: -1.5e-7, ratio: 0.25 },
  ];

  it('neutralises and quotes text cells, leaves numbers (negative too) bare', () => {
    expect(toCsv(rows, ['group', 'name', 'reserve_end', 'ratio'])).toBe([
      'group,name,reserve_end,ratio',
      '"\'-1-1","\'=HYPERLINK(""http://x"",""y"")",-210000,',
      'traders,plain,-1.5e-7,0.25',
      '',
    ].join('\n'));
  });

  it('also neutralises header cells (an override path from a scenarios CSV is a column name)', () => {
    expect(toCsv([{ '@mortality.qx': 1.1 }], ['@mortality.qx'])).toBe('"\'@mortality.qx"\n1.1\n');
  });

  it('writes the same bytes again from cells read back (sipro merge depends on it)', () => {
    const text = toCsv(rows, ['group', 'name', 'reserve_end', 'ratio']);
    const [header, ...cells] = parse(text) as string[][];
    const again = toCsv(cells.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!]))), header!);
    expect(again).toBe(text);
  });
});

describe('toCsv follows RFC 4180 (checked by reading back with csv-parse)', () => {
  it.each([
    ['a comma', 'x,y', '"x,y"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'two\nlines', '"two\nlines"'],
    ['a carriage return inside', 'a\rb', '"a\rb"'],
    ['plain text', 'artisans', 'artisans'],
  ])('quotes a text cell with %s only when needed', (_what, value, written) => {
    expect(toCsv([{ cell: value }], ['cell'])).toBe(`cell\n${written}\n`);
    expect((parse(toCsv([{ cell: value }], ['cell'])) as string[][])[1]![0]).toBe(value);
  });

  it('writes -0 as 0, refuses non-finite numbers and writes null as an empty cell', () => {
    expect(toCsv([{ a: -0, b: null }], ['a', 'b'])).toBe('a,b\n0,\n');
    expect(() => toCsv([{ a: Number.NaN }], ['a'])).toThrow(/non-finite/);
    expect(() => toCsv([{ a: Infinity }], ['a'])).toThrow(/non-finite/);
  });

  it('writes numbers in their shortest round-trip form', () => {
    const values = [0.1 + 0.2, 1e21, 5e-324, -123456789.125, 2 ** 53 + 2];
    const text = toCsv(values.map((value) => ({ value })), ['value']);
    expect((parse(text) as string[][]).slice(1).map(([cell]) => Number(cell))).toEqual(values);
  });
});
