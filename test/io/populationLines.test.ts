/**
 * The population's plain-line reader (src/io/read/populationLines.ts) is a
 * shortcut past the general reader: it must take only lines the general
 * reader accepts, and give each the very row the general reader gives.
 * Checked against the general reader itself (tableReader, statusProblems)
 * on generated lines, good and bad, and plainNumber against Number().
 */
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/io/loadScheme.js';
import { statusProblems } from '../../src/io/checks/population.js';
import { populationLines, plainNumber } from '../../src/io/read/populationLines.js';
import { DEFAULT_SETTINGS, tableReader } from '../../src/io/readTable.js';
import type { PopulationRow } from '../../src/schema/tables.js';
import { minimalWith } from '../cli/helpers.js';

describe('plainNumber', () => {
  it.each([
    ['12', 12], ['0', 0], ['0.25', 0.25], ['007', 7], ['1234.5678', 1234.5678], ['999999999999999', 999999999999999],
    ['0.00000000000001', 1e-14], ['0.1', 0.1], ['2.675', 2.675],
  ])('%s → %s', (text, value) => {
    expect(plainNumber(`,${text},`, 1, text.length + 1)).toBe(value);
  });

  it.each(['', '.5', '5.', '-1', '+1', '1e3', ' 1', '1 ', '1,5', '1.2.3', '1234567890123456', '0x10', 'NaN', '١'])('%j → NaN (left to the column\'s reader)', (text) => {
    expect(plainNumber(text, 0, text.length)).toBeNaN();
  });

  test.prop([fc.stringMatching(/^\d{1,15}$/), fc.nat({ max: 15 })], { numRuns: 3000 })('is Number() wherever it gives a number', (digits, pointAt) => {
    const text = pointAt > 0 && pointAt < digits.length ? `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}` : digits;
    expect(plainNumber(text, 0, text.length)).toBe(Number(text));
  });
});

const COLUMNS = ['group', 'sex', 'age', 'status', 'count', 'credits', 'earnings', 'balance', 'own_balance', 'foreign_credits', 'pension_monthly'];

/** Cells near every bound and form the columns know, and a few that no column accepts. */
const numberCell = fc.oneof(
  fc.constantFrom('', '0', '-0', '1', '20', '0.5', '1.25', '130', '131', '-1', '1e3', '5.', '.5', ' 7', '7 ', '1,5', '+2', '1e400', 'x', '0.1', '99999999999999999999'),
  fc.integer({ min: 0, max: 200 }).map(String),
  fc.double({ min: 0, max: 1e7, noNaN: true }).map(String),
  fc.double({ min: 0, max: 100, noNaN: true }).map((value) => value.toFixed(4)),
);
const cellOf = (column: string) => {
  switch (column) {
    case 'group': return fc.constantFrom('traders', 'drivers', ' traders', '', 'x'.repeat(300));
    case 'sex': return fc.constantFrom('F', 'M', 'f', '', ' M');
    case 'status': return fc.constantFrom('active', 'inactive', 'retired', 'disabled', 'survivor', 'Active', '');
    default: return numberCell;
  }
};

/** A header (the columns in some order, some optional ones left out, maybe one unknown) and lines of cells for it. */
const fileOf = fc.tuple(
  fc.shuffledSubarray(COLUMNS.slice(4), { minLength: 0 }),
  fc.boolean(),
).chain(([optional, unknown]) => {
  const names = [...COLUMNS.slice(0, 4), ...optional, ...(unknown ? ['notes'] : [])];
  const header = fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length });
  return header.chain((order) => fc.tuple(
    fc.constant(order),
    fc.array(fc.tuple(...order.map((name) => (name === 'notes' ? fc.constantFrom('', 'a') : cellOf(name)))), { minLength: 1, maxLength: 20 }),
    fc.array(fc.constantFrom('', ',', ',x'), { minLength: 20, maxLength: 20 }),
  ));
});

describe('populationLines', () => {
  test.prop([fileOf], { numRuns: 400 })('takes only lines the general reader accepts, and gives each the general reader\'s row', ([names, lines, tails]) => {
    const header = { line: 1, names };
    let general: PopulationRow | undefined;
    let reported = false;
    const reader = tableReader('population.csv', 'population', DEFAULT_SETTINGS, (_, row) => { general = row; }, () => { reported = true; });
    expect(reader.header(header)).toBe(true);
    let plain: PopulationRow | undefined;
    const plainLines = populationLines(header, DEFAULT_SETTINGS, (_, row) => { plain = { ...row }; })!;
    lines.forEach((cells, index) => {
      // Now and then a cell too many or too few: the general reader refuses the line's cell count.
      const text = `${cells.join(',')}${tails[index]}`.slice(0, tails[index] === '' && index % 7 === 6 ? -1 : undefined);
      general = undefined;
      plain = undefined;
      reported = false;
      const split = text.split(',');
      const countFits = split.length === names.length;
      if (countFits) reader.record({ line: index + 2, cells: split });
      let statusFine = true;
      if (general !== undefined) statusProblems(general, () => { statusFine = false; });
      const accepted = countFits && !reported && general !== undefined && statusFine;
      const taken = plainLines(index + 2, text);
      if (!accepted) {
        expect(taken, text).toBe(false);
        return;
      }
      // A blank first cell is left to the general reader (a blank record is skipped there); otherwise the line is taken.
      if (!taken) {
        expect(text.charCodeAt(0) > 32, text).toBe(false);
        return;
      }
      for (const column of COLUMNS) expect(Object.is(plain![column as keyof PopulationRow], general![column as keyof PopulationRow]), `${column} of ${text}`).toBe(true);
    });
  });

  it('takes a register\'s usual lines, with the defaults of the columns the header leaves out', () => {
    const rows: PopulationRow[] = [];
    const header = { line: 1, names: ['group', 'sex', 'age', 'status', 'count', 'credits', 'earnings', 'pension_monthly'] };
    const plainLines = populationLines(header, DEFAULT_SETTINGS, (_, row) => rows.push({ ...row }))!;
    expect([
      'traders,F,34,active,1,12.25,48000,',
      'traders,M,70,retired,2,,,96.5',
      'drivers,F,15,inactive,,0,0,0',
    ].map((text, index) => plainLines(index + 2, text))).toEqual([true, true, true]);
    expect(rows).toEqual([
      { group: 'traders', sex: 'F', age: 34, status: 'active', count: 1, credits: 12.25, earnings: 48000, balance: 0, own_balance: 0, foreign_credits: 0, pension_monthly: undefined },
      { group: 'traders', sex: 'M', age: 70, status: 'retired', count: 2, credits: 0, earnings: 0, balance: 0, own_balance: 0, foreign_credits: 0, pension_monthly: 96.5 },
      { group: 'drivers', sex: 'F', age: 15, status: 'inactive', count: 1, credits: 0, earnings: 0, balance: 0, own_balance: 0, foreign_credits: 0, pension_monthly: 0 },
    ]);
  });

  it('is not used with decimal commas: the general reader reads those', () => {
    expect(populationLines({ line: 1, names: COLUMNS }, { ...DEFAULT_SETTINGS, delimiter: ';', decimal: ',' }, () => {})).toBeUndefined();
  });
});

describe('a population file read with and without plain lines', () => {
  let folder: string;
  beforeAll(async () => { folder = await minimalWith(); });
  afterAll(async () => { await rm(folder, { recursive: true, force: true }); });

  const read = async (text: string) => {
    await writeFile(join(folder, 'population.csv'), text);
    const loaded = await loadScheme(folder);
    return {
      rows: loaded.data?.population ?? loaded.inputs.find((input) => input.role === 'population')?.rows,
      diagnostics: loaded.diagnostics.filter((diagnostic) => diagnostic.file === 'population.csv'),
    };
  };

  /** A valid member line, its numbers written in the forms registers use and a few the plain reader leaves to the cell readers. */
  const validNumber = fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.double({ min: 0, max: 40, noNaN: true }).map((value) => value.toFixed(3)),
    fc.constantFrom('', '5.', '.5', ' 12', '1e1', '007'));
  const validLine = fc.tuple(fc.constantFrom('traders', 'drivers'), fc.constantFrom('F', 'M'), fc.integer({ min: 20, max: 59 }).map(String),
    fc.constantFrom('active', 'inactive'), ...COLUMNS.slice(4, -1).map(() => validNumber), fc.constant(''));

  // The general reader reads a line with a quote; quoting the group cell, which changes no value, sends every line there.
  test.prop([
    fc.oneof(fc.array(validLine, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(...COLUMNS.map(cellOf)), { minLength: 1, maxLength: 40 })),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  ], { numRuns: 30 })('gives the same rows, in the same order, and the same messages on the same lines', async (lines, end, byteOrderMark) => {
    const text = (quote: boolean) => `${byteOrderMark ? '\uFEFF' : ''}${COLUMNS.join(',')}${end}${lines
      .map(([group, ...rest]) => [quote ? `"${group}"` : group, ...rest].join(','))
      .join(end)}${end}`;
    const plain = await read(text(false));
    const general = await read(text(true));
    expect(plain.diagnostics).toEqual(general.diagnostics);
    expect(plain.rows).toEqual(general.rows);
    if (plain.diagnostics.length === 0) expect((plain.rows as PopulationRow[]).length).toBeGreaterThan(0);
  });
});
