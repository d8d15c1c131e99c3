/**
 * A scheme folder (or a direct path to its scheme.yaml / .yml / .json) into
 * `SchemeData`, with every problem of every file as a diagnostic (methodology §2,
 * §9). Reading never stops at the first bad file: each file is read and
 * checked on its own, then the cross-file checks run on the rows that parsed.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { modelLayout } from '../core/model.js';
import type { SchemeData } from '../core/types.js';
import { kernelFitError } from '../core/year/kernel.js';
import { filesSchema, schemeSchema } from '../schema/scheme.js';
import type { TableName } from '../schema/tables.js';
import type { Table } from './checks/common.js';
import { schemeWarnings } from './checks/scheme.js';
import { checkTables, type SchemeTables } from './checkTables.js';
import { errorsIn, type Diagnostic } from './diagnostics.js';
import type { Override } from './overrides.js';
import { MAX_ERRORS_PER_FILE } from './read/limits.js';
import { findSchemeFile, readSchemeBytes, readSchemeTable, type ReadOptions, type TableInput } from './read/schemeFiles.js';
import { count as formatCount, printable } from './read/shown.js';
import { readScheme } from './readScheme.js';
import { DEFAULT_SETTINGS, type CsvSettings, type RowOf } from './readTable.js';
import { factsOf, lenientFacts } from './schemeFacts.js';

export type { ReadOptions } from './read/schemeFiles.js';

export type InputRole = 'scheme' | TableName;

export interface LoadedInput {
  role: InputRole;
  /** Absolute path. */
  path: string;
  /** As the user sees it: the name in `files:`, relative to the scheme file. */
  name: string;
  sha256: string;
  /** For a CSV: the rows it holds (a population's before rows with the same key are merged, §2). */
  rows?: number;
}

export interface LoadResult {
  /** Defined iff there are no errors. */
  data: SchemeData | undefined;
  diagnostics: Diagnostic[];
  inputs: LoadedInput[];
}

export interface LoadOptions extends ReadOptions {
  /** `--set path=value` overrides, applied before validation. */
  overrides?: readonly Override[];
}

const TABLES: readonly TableName[] = ['population', 'income', 'mortality', 'rates'];
/** §2: default file names, as the schema gives them; rates.csv is read only when it exists. */
const DEFAULT_FILES: Record<TableName, string> = filesSchema.parse({});

/**
 * Loads and validates a scheme.
 * @example const { data, diagnostics } = await loadScheme('fixtures/minimal')
 */
export async function loadScheme(target: string, options: LoadOptions = {}): Promise<LoadResult> {
  return schemeSource(target, options).load(options.overrides ?? []);
}

/** A scheme whose files are read once and validated under any number of override sets (a sweep's scenarios). */
export interface SchemeSource {
  load(overrides: readonly Override[]): Promise<LoadResult>;
}

interface TableRead {
  table: Table<unknown> | undefined;
  found: Diagnostic[];
  /** Errors found beyond those in `found` (MAX_ERRORS_PER_FILE). */
  moreErrors: number;
  input: LoadedInput | undefined;
}

/**
 * The files of `target`, each read and parsed at most once: `load` applies
 * the overrides to the scheme document and runs every check again (the
 * cross-file checks depend on the scheme), but reuses the parsed CSV rows
 * (read again only if an override changes how CSVs are written, `csv:`).
 * The results are never modified by their users, so sharing them is safe.
 * @example const source = schemeSource('fixtures/demo'); await source.load([{path: 'contributions.rate', value: 0.12}])
 */
export function schemeSource(target: string, options: ReadOptions = {}): SchemeSource {
  let schemeFile: Promise<{ path: string; bytes: Buffer | undefined; diagnostics: Diagnostic[] }> | undefined;
  const tableReads = new Map<string, Promise<TableRead>>();
  const readSchemeFile = async () => {
    const diagnostics: Diagnostic[] = [];
    const path = await findSchemeFile(resolve(target), target, diagnostics);
    if (path === undefined) return { path: '', bytes: undefined, diagnostics };
    return { path, bytes: await readSchemeBytes(path, diagnostics), diagnostics };
  };
  const readTableOnce = (input: TableInput, settings: CsvSettings) => {
    const key = JSON.stringify([input.role, input.path, input.name, input.named, settings]);
    let read = tableReads.get(key);
    if (read === undefined) {
      read = readTable(input, settings, options);
      tableReads.set(key, read);
    }
    return read;
  };
  return {
    async load(overrides) {
      schemeFile ??= readSchemeFile();
      const file = await schemeFile;
      const diagnostics: Diagnostic[] = [...file.diagnostics];
      const inputs: LoadedInput[] = [];
      if (file.bytes === undefined) return { data: undefined, diagnostics: shown(diagnostics, new Map()), inputs };
      const schemePath = file.path;
      const folder = dirname(schemePath);
      const schemeName = basename(schemePath);
      inputs.push({ role: 'scheme', path: schemePath, name: schemeName, sha256: sha256(file.bytes) });
      const read = readScheme(file.bytes.toString('utf8'), schemeName, overrides);
      diagnostics.push(...read.diagnostics);
      if (read.scheme) diagnostics.push(...schemeWarnings(read.scheme, schemeName, read.lineOf));

      const named = namedFiles(read.document);
      const settings: CsvSettings = { ...(read.scheme?.csv ?? lenientCsv(read.document)), settingsFile: schemeName };
      // Files are read concurrently; their findings are gathered in role order so the report is stable.
      const reads = await Promise.all(TABLES.map((role) => {
        const name = read.scheme?.files[role] ?? named[role] ?? DEFAULT_FILES[role];
        return readTableOnce({ role, path: resolve(folder, name), name, named: named[role] !== undefined, schemeName, folder }, settings);
      }));
      const moreErrors = new Map<string, number>();
      for (const { found, input, moreErrors: more, table } of reads) {
        diagnostics.push(...found);
        if (input) inputs.push(input);
        if (more > 0 && table) moreErrors.set(table.file, more);
      }
      const tables = reads.map(({ table }) => table);
      const [population, income, mortality, rates] = tables as [
        Table<RowOf<'population'>> | undefined, Table<RowOf<'income'>> | undefined,
        Table<RowOf<'mortality'>> | undefined, Table<RowOf<'rates'>> | undefined,
      ];
      const facts = read.scheme ? factsOf(read.scheme) : lenientFacts(read.document);
      const found: SchemeTables = { population, income, mortality, rates };
      diagnostics.push(...checkTables(found, facts));

      if (errorsIn(diagnostics).length > 0 || !read.scheme || !population || !income || !mortality || !rates) {
        return { data: undefined, diagnostics: shown(diagnostics, moreErrors), inputs };
      }
      const rowsOf = <T>(table: Table<T>) => table.rows.map(({ row }) => row);
      const data: SchemeData = {
        scheme: read.scheme,
        population: rowsOf(population),
        income: rowsOf(income),
        mortality: rowsOf(mortality),
        rates: rowsOf(rates),
      };
      const tooLarge = cellMemoryError(data, schemeName);
      if (tooLarge !== undefined) return { data: undefined, diagnostics: shown([...diagnostics, tooLarge], moreErrors), inputs };
      return { data, diagnostics: shown(diagnostics, moreErrors), inputs };
    },
  };
}

/** One CSV file read and parsed, with its findings (the rates file may be absent: §2). */
async function readTable(input: TableInput, settings: CsvSettings, options: ReadOptions): Promise<TableRead> {
  const read = await readSchemeTable(input, settings, options);
  if (read === 'absent') return { table: { file: input.name, rows: [], complete: true }, found: [], moreErrors: 0, input: undefined };
  const table = read.rows === undefined ? undefined : { file: input.name, rows: read.rows, complete: read.complete };
  const loaded = read.sha256 === undefined
    ? undefined
    : { role: input.role, path: input.path, name: input.name, sha256: read.sha256, rows: read.rowsRead };
  return { table, found: read.diagnostics, moreErrors: read.moreErrors, input: loaded };
}

/**
 * A valid scheme whose cells (§4) the year's kernel cannot hold (more than
 * 4 GiB) cannot be projected: an input error like any other, so that
 * `validate` and `--json` report it. Checked first as if members emigrated
 * (cells with the part W, the most they hold), which needs no rates table:
 * almost every scheme fits so.
 */
function cellMemoryError(data: SchemeData, schemeName: string): Diagnostic | undefined {
  const atMost = modelLayout(data, true);
  if (kernelFitError(atMost.layout, atMost.slots) === undefined) return undefined;
  const { layout, slots } = modelLayout(data);
  const error = kernelFitError(layout, slots);
  return error === undefined ? undefined : { severity: 'error', file: schemeName, path: 'groups', message: error.message };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The diagnostics as they may be shown: at most MAX_ERRORS_PER_FILE errors per
 * file, then one line counting the rest; every name and message escaped
 * (a file can hold terminal control sequences).
 */
function shown(diagnostics: readonly Diagnostic[], moreErrors: ReadonlyMap<string, number>): Diagnostic[] {
  const listed = new Map<string, number>();
  const more = new Map(moreErrors);
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') {
      const errors = (listed.get(diagnostic.file) ?? 0) + 1;
      listed.set(diagnostic.file, errors);
      if (errors > MAX_ERRORS_PER_FILE) {
        more.set(diagnostic.file, (more.get(diagnostic.file) ?? 0) + 1);
        continue;
      }
    }
    kept.push(diagnostic);
  }
  for (const [file, count] of more) {
    kept.push({ severity: 'error', file, message: `… and ${formatCount(count)} more error${count === 1 ? '' : 's'} in ${file}`, unlisted: count });
  }
  return kept.map((diagnostic) => ({
    ...diagnostic,
    file: printable(diagnostic.file),
    ...(diagnostic.path === undefined ? {} : { path: printable(diagnostic.path) }),
    message: printable(diagnostic.message),
  }));
}

/** The file names `files:` gives as text, whether or not the rest of the scheme is valid. */
function namedFiles(document: unknown): Partial<Record<TableName, string>> {
  const files = (document as { files?: unknown } | undefined)?.files;
  if (typeof files !== 'object' || files === null) return {};
  const named: Partial<Record<TableName, string>> = {};
  for (const role of TABLES) {
    const name = (files as Record<string, unknown>)[role];
    if (typeof name === 'string' && name !== '') named[role] = name;
  }
  return named;
}

/** The `csv:` section of a scheme that is invalid elsewhere, or the defaults (its own errors are reported by the schema). */
function lenientCsv(document: unknown): Omit<CsvSettings, 'settingsFile'> {
  const csv = schemeSchema.shape.csv.safeParse((document as { csv?: unknown } | undefined)?.csv);
  return csv.success ? csv.data : { delimiter: DEFAULT_SETTINGS.delimiter, decimal: DEFAULT_SETTINGS.decimal };
}
