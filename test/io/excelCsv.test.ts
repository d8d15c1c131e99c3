/**
 * CSVs saved by Excel in French and other European settings (issue #10, item
 * 4): `;` between cells and decimal commas, read when scheme.yaml says
 * `csv: {delimiter: ";", decimal: ","}`, and otherwise one message naming the
 * likely cause.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/io/loadScheme.js';
import { fixture, minimalWith } from '../cli/helpers.js';
import { placed } from '../support/diagnostics.js';

const scratch: string[] = [];
afterEach(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});
const CSVS = ['population.csv', 'income.csv', 'mortality.csv', 'rates.csv'];

/** fixtures/minimal as Excel saves it in a French setting: `;` between cells, decimal commas. */
async function frenchCopy(settings: string | undefined): Promise<string> {
  const folder = await minimalWith();
  scratch.push(folder);
  for (const name of CSVS) await writeFile(join(folder, name), toSemicolons(await readFile(join(folder, name), 'utf8')));
  if (settings !== undefined) {
    const scheme = await readFile(join(folder, 'scheme.yaml'), 'utf8');
    await writeFile(join(folder, 'scheme.yaml'), scheme.replace('currency: XOF\n', `currency: XOF\n${settings}\n`));
  }
  return folder;
}

/** Cells split on commas, decimal points made commas, joined with `;`. */
function toSemicolons(text: string): string {
  return text.split('\n').map((line) => (line.startsWith('#') ? line : line.split(',').map((cell) => cell.replace('.', ',')).join(';'))).join('\n');
}

describe('csv: {delimiter, decimal}', () => {
  it('reads a French Excel export into exactly the rows of the original', async () => {
    const original = await loadScheme(fixture('minimal'));
    const folder = await frenchCopy('csv: {delimiter: ";", decimal: ","}');
    expect(await readFile(join(folder, 'population.csv'), 'utf8')).toContain('traders;F;30;active;120;4,5;6000;500;300;');
    const french = await loadScheme(folder);
    expect(french.diagnostics).toEqual([]);
    for (const table of ['population', 'income', 'mortality', 'rates'] as const) expect(french.data?.[table]).toEqual(original.data?.[table]);
    expect(french.data?.scheme.csv).toEqual({ delimiter: ';', decimal: ',' });
  });

  it('says a file looks semicolon-separated when scheme.yaml does not say so, once per file', async () => {
    const folder = await frenchCopy(undefined);
    const found = placed((await loadScheme(folder)).diagnostics);
    expect(found).toHaveLength(4);
    expect(found[0]).toBe('population.csv:1: the header has one column "group;sex;age;status;count;credits;earnings;balance;own_bal…" (79 characters): the file looks semicolon-separated; set csv.delimiter: ";" in scheme.yaml (and csv.decimal: "," if its numbers are written 1,5)');
  });

  it('says a file looks comma-separated when scheme.yaml says ";"', async () => {
    const folder = await minimalWith();
    scratch.push(folder);
    const scheme = await readFile(join(folder, 'scheme.yaml'), 'utf8');
    await writeFile(join(folder, 'scheme.yaml'), scheme.replace('currency: XOF\n', 'currency: XOF\ncsv: {delimiter: ";"}\n'));
    const found = placed((await loadScheme(folder)).diagnostics);
    expect(found[0]).toBe('population.csv:1: the header has one column "group,sex,age,status,count,credits,earnings,balance,own_bal…" (79 characters): the file looks comma-separated, but csv.delimiter is ";" in scheme.yaml: set it to ","');
  });

  it('points at csv.decimal when the cells use decimal commas but scheme.yaml does not say so', async () => {
    const folder = await frenchCopy('csv: {delimiter: ";"}');
    const found = placed((await loadScheme(folder)).diagnostics);
    expect(found).toContain('population.csv:2: credits "4,5" must be a number: the file seems to use decimal commas; set csv.decimal: "," in scheme.yaml');
  });

  it('takes csv: from --set as well, reading the files again under the new setting', async () => {
    const folder = await frenchCopy(undefined);
    const loaded = await loadScheme(folder, { overrides: [{ path: 'csv.delimiter', value: ';' }, { path: 'csv.decimal', value: ',' }] });
    expect(loaded.diagnostics).toEqual([]);
  });

  it.each([
    ['a decimal comma with the comma as delimiter', 'csv: {decimal: ","}', 'scheme.yaml:5: csv.decimal must differ from csv.delimiter: with decimal commas, separate the cells with ";"'],
    ['an unknown delimiter', 'csv: {delimiter: ":"}', 'scheme.yaml:5: csv.delimiter ":" must be one of ",", ";", "\\t", "|"'],
  ])('refuses %s', async (_, settings, expected) => {
    const folder = await minimalWith();
    scratch.push(folder);
    const scheme = await readFile(join(folder, 'scheme.yaml'), 'utf8');
    await writeFile(join(folder, 'scheme.yaml'), scheme.replace('currency: XOF\n', `currency: XOF\n${settings}\n`));
    expect(placed((await loadScheme(folder)).diagnostics)).toContain(expected);
  });

  it('reads tab-separated files', async () => {
    const folder = await minimalWith();
    scratch.push(folder);
    for (const name of CSVS) {
      const text = await readFile(join(folder, name), 'utf8');
      await writeFile(join(folder, name), text.split('\n').map((line) => (line.startsWith('#') ? line : line.replace(/,/g, '\t'))).join('\n'));
    }
    expect(placed((await loadScheme(folder)).diagnostics)[0]).toMatch(/the file looks tab-separated; set csv.delimiter: "\\t" in scheme.yaml$/);
    const scheme = await readFile(join(folder, 'scheme.yaml'), 'utf8');
    await writeFile(join(folder, 'scheme.yaml'), scheme.replace('currency: XOF\n', 'currency: XOF\ncsv: {delimiter: "\\t"}\n'));
    expect((await loadScheme(folder)).diagnostics).toEqual([]);
  });
});
