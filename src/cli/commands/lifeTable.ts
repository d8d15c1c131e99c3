/**
 * `sipro life-table FILE|DIR --sex F|M`: the standard functions of a mortality
 * table (lx, curtate and complete expectation of life, annuity-due, whole-life
 * insurance), so that an actuary can sanity-check the qx a scheme uses.
 * Read and validate → `lifeTable()` (src/core) → render.
 */
import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { join, resolve } from 'node:path';
import { improvedQx, lifeTable, type LifeTableRow } from '../../core/lifeTable.js';
import { errorsIn, warningsIn, type Diagnostic } from '../../io/diagnostics.js';
import {
  mortalityForSex,
  pathKind,
  readMortalityCsv,
  readSchemeMortalitySettings,
} from '../../io/readMortalityTable.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { colourEnabled } from '../io.js';
import type { CommandContext, CommandFactory } from '../main.js';
import { renderDiagnostics } from '../render/diagnostics.js';

/** The CSV columns, in order (also the keys of `LifeTableRow`). */
export const LIFE_TABLE_COLUMNS = ['age', 'qx', 'lx', 'ex_curtate', 'ex_complete', 'annuity_due', 'insurance'] as const satisfies readonly (keyof LifeTableRow)[];

const DEFAULT_RATE = '0.05';

const examples = `
The argument is a mortality CSV (columns sex, age, qx, improvement; lines
starting with # are comments) or a scheme folder, whose scheme.yaml names the
mortality file (files.mortality) and the base year. For a folder the table runs
from projection.min_age to max_age, as the projection uses it; for a file, over
all its ages. The last age is terminal (q = 1 there). With --year Y, qx is
improved to year Y: min(1, qx × (1 − improvement)^(Y − base year)).

Columns: age, qx, lx (radix 100000), ex_curtate (Σ_{k≥1} kp_x),
ex_complete (ex_curtate + 1/2), annuity_due (ä_x at --rate),
insurance (A_x at --rate, paid at the end of the year of death).
A table on a terminal; CSV with --csv or when the output is piped; with --json,
{mortality, sex, year, base_year, rate, rows} (rows as the CSV's, numbers in full).

Examples:
  $ sipro life-table fixtures/demo --sex F
  $ sipro life-table fixtures/demo --sex M --rate 0.03 --year 2050 --csv > m2050.csv
  $ sipro life-table mortality.csv --sex F --year 2040 --base-year 2025
  $ sipro life-table fixtures/demo --sex m --json
`;

/** `--sex f` is `--sex F`: a sex is one letter, whatever its case. */
function parseSex(value: string): 'F' | 'M' {
  const sex = value.trim().toUpperCase();
  if (sex !== 'F' && sex !== 'M') throw new InvalidArgumentError('It must be F or M.');
  return sex;
}

export const lifeTableCommand: CommandFactory = (context) =>
  new Command('life-table')
    .description('print the life table (qx, lx, e_x, ä_x, A_x) of a mortality table, for one sex')
    .argument('<path>', 'a mortality CSV, or a scheme folder')
    .addOption(new Option('--sex <sex>', 'the sex whose table to print: F or M (either case)').argParser(parseSex).makeOptionMandatory())
    .option('--rate <rate>', 'annual interest rate for annuity_due and insurance', DEFAULT_RATE)
    .option('--year <year>', 'improve qx to this calendar year (needs a base year)')
    .option('--base-year <year>', 'base year of a mortality FILE\'s qx (a folder takes projection.base_year)')
    .option('--csv', 'write CSV even when stdout is a terminal')
    .option('--json', 'write the table as JSON on stdout')
    .addHelpText('after', examples)
    .action(async (path, options) => {
      await runLifeTable(context, path, options);
    });

interface LifeTableOptions {
  sex: 'F' | 'M';
  rate: string;
  year?: string | undefined;
  baseYear?: string | undefined;
  csv?: true | undefined;
  json?: true | undefined;
}

async function runLifeTable(context: CommandContext, path: string, options: LifeTableOptions): Promise<void> {
  const { io } = context;
  if (options.csv === true && options.json === true) throw new UsageError('give --csv or --json, not both');
  const json = options.json === true;
  const rate = parseRate(options.rate);
  const year = options.year === undefined ? undefined : parseYear('--year', options.year);
  const baseYearOption = options.baseYear === undefined ? undefined : parseYear('--base-year', options.baseYear);

  const kind = await pathKind(io.cwd, path);
  if (kind === 'missing') throw new UsageError(`"${path}" does not exist: give a mortality CSV file or a scheme folder`);

  const diagnostics: Diagnostic[] = [];
  let mortalityLabel: string;
  let mortalityPath: string;
  let baseYear: number | undefined;
  let range: { fromAge: number; toAge: number } | undefined;
  if (kind === 'folder') {
    if (baseYearOption !== undefined) {
      throw new UsageError(`--base-year applies to a mortality file; the folder "${path}" takes its base year from projection.base_year`);
    }
    const folder = resolve(io.cwd, path);
    const { settings, diagnostics: schemeDiagnostics } = await readSchemeMortalitySettings(folder, path);
    diagnostics.push(...schemeDiagnostics);
    if (settings === undefined) throw new InvalidInputError(diagnostics, { json });
    mortalityLabel = join(path, settings.mortalityFile);
    mortalityPath = resolve(folder, settings.mortalityFile);
    baseYear = settings.baseYear;
    range = { fromAge: settings.minAge, toAge: settings.maxAge };
  } else {
    if (year !== undefined && baseYearOption === undefined) {
      throw new UsageError(`--year ${year} needs --base-year for a mortality file (the year of its qx), e.g. --base-year 2025; a scheme folder takes projection.base_year`);
    }
    if (year === undefined && baseYearOption !== undefined) {
      throw new UsageError('--base-year has an effect only with --year');
    }
    mortalityLabel = path;
    mortalityPath = resolve(io.cwd, path);
    baseYear = baseYearOption;
    range = undefined;
  }
  if (year !== undefined && baseYear !== undefined && year < baseYear) {
    throw new UsageError(`--year ${year} must not be before the base year ${baseYear}: improvement applies forward from the base year`);
  }

  const { rows, diagnostics: readDiagnostics } = await readMortalityCsv(mortalityPath, mortalityLabel);
  diagnostics.push(...readDiagnostics);
  if (errorsIn(diagnostics).length > 0) throw new InvalidInputError(diagnostics, { json });
  const selected = mortalityForSex(rows, options.sex, mortalityLabel, range);
  diagnostics.push(...selected.diagnostics);
  if (errorsIn(diagnostics).length > 0) throw new InvalidInputError(diagnostics, { json });
  renderDiagnostics(warningsIn(diagnostics), io, { target: path });

  const yearsSinceBase = year === undefined || baseYear === undefined ? 0 : year - baseYear;
  const rates = selected.rates.map((entry) => ({ age: entry.age, qx: improvedQx(entry, yearsSinceBase) }));
  const table = lifeTable(rates, rate);

  if (json) {
    const rows = table.map((row) => Object.fromEntries(LIFE_TABLE_COLUMNS.map((column) => [column, row[column]])));
    const record = { mortality: mortalityLabel, sex: options.sex, year: year ?? null, base_year: baseYear ?? null, rate, rows };
    io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return;
  }
  if (options.csv === true || !io.stdoutIsTty) {
    io.stdout.write(lifeTableCsv(table));
    return;
  }
  const yearText = year === undefined ? (baseYear === undefined ? '' : `, year ${baseYear}`) : `, year ${year}`;
  io.stdout.write(`Life table: ${mortalityLabel}, sex ${options.sex}${yearText}, interest ${formatPercent(rate)}\n`);
  io.stdout.write(`${lifeTableText(table, colourEnabled(io, 'stdout'))}\n`);
}

/** CSV text of a life table: header `age,qx,lx,…`, numbers at full double precision. */
export function lifeTableCsv(table: readonly LifeTableRow[]): string {
  return stringify(table.map((row) => LIFE_TABLE_COLUMNS.map((column) => String(row[column]))), {
    header: true,
    columns: [...LIFE_TABLE_COLUMNS],
  });
}

/** A terminal table, rounded for reading: qx to 6 decimals, lx to units, e to 2, ä to 4, A to 5. */
function lifeTableText(table: readonly LifeTableRow[], colour: boolean): string {
  const columns: Record<(typeof LIFE_TABLE_COLUMNS)[number], (row: LifeTableRow) => string> = {
    age: (row) => String(row.age),
    qx: (row) => row.qx.toFixed(6),
    lx: (row) => row.lx.toFixed(0),
    ex_curtate: (row) => row.ex_curtate.toFixed(2),
    ex_complete: (row) => row.ex_complete.toFixed(2),
    annuity_due: (row) => row.annuity_due.toFixed(4),
    insurance: (row) => row.insurance.toFixed(5),
  };
  const rendered = new Table({
    head: [...LIFE_TABLE_COLUMNS],
    colAligns: LIFE_TABLE_COLUMNS.map(() => 'right' as const),
    style: colour ? { head: ['cyan'] } : { head: [], border: [] },
  });
  // One multi-line body row: a rule under the header but none between ~100 ages.
  rendered.push(LIFE_TABLE_COLUMNS.map((column) => table.map(columns[column]).join('\n')));
  return rendered.toString();
}

function parseRate(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= -1) {
    throw new UsageError(`--rate "${text}" must be an annual interest rate > -1 as a decimal, e.g. 0.05 for 5 %`);
  }
  return value;
}

function parseYear(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || !Number.isInteger(value)) {
    throw new UsageError(`${flag} "${text}" must be a four-digit calendar year, e.g. 2040`);
  }
  return value;
}

function formatPercent(rate: number): string {
  return `${Number((rate * 100).toPrecision(10))} %`;
}
