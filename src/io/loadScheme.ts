/**
 * A scheme folder (or a direct path to its scheme.yaml / .yml / .json) into
 * `SchemeData`, with every problem of every file as a diagnostic (MODEL.md §2,
 * §9). Reading never stops at the first bad file: each file is read and
 * checked on its own, then the cross-file checks run on the rows that parsed.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { SchemeData } from '../core/types.js';
import type { TableName } from '../schema/tables.js';
import type { Table } from './checks/common.js';
import { schemeWarnings } from './checks/scheme.js';
import { checkTables, type SchemeTables } from './checkTables.js';
import { errorsIn, type Diagnostic } from './diagnostics.js';
import type { Override } from './overrides.js';
import { readCsv } from './readCsv.js';
import { readScheme } from './readScheme.js';
import { readTable, type RowOf } from './readTable.js';
import { factsOf, lenientFacts } from './schemeFacts.js';

export type InputRole = 'scheme' | TableName;

export interface LoadedInput {
  role: InputRole;
  /** Absolute path. */
  path: string;
  /** As the user sees it: the name in `files:`, relative to the scheme file. */
  name: string;
  sha256: string;
}

export interface LoadResult {
  /** Defined iff there are no errors. */
  data: SchemeData | undefined;
  diagnostics: Diagnostic[];
  inputs: LoadedInput[];
}

export interface LoadOptions {
  /** `--set path=value` overrides, applied before validation. */
  overrides?: readonly Override[];
}

const SCHEME_NAMES = ['scheme.yaml', 'scheme.yml', 'scheme.json'];
const TABLES: readonly TableName[] = ['population', 'income', 'mortality', 'rates'];
/** §2: default file names; rates.csv is read only when it exists. */
const DEFAULT_FILES: Record<TableName, string> = {
  population: 'population.csv', income: 'income.csv', mortality: 'mortality.csv', rates: 'rates.csv',
};

/**
 * Loads and validates a scheme.
 * @example const { data, diagnostics } = await loadScheme('fixtures/minimal')
 */
export async function loadScheme(target: string, options: LoadOptions = {}): Promise<LoadResult> {
  return schemeSource(target).load(options.overrides ?? []);
}

/** A scheme whose files are read once and validated under any number of override sets (a sweep's scenarios). */
export interface SchemeSource {
  load(overrides: readonly Override[]): Promise<LoadResult>;
}

interface TableRead {
  table: Table<unknown> | undefined;
  found: Diagnostic[];
  input: LoadedInput | undefined;
}

/**
 * The files of `target`, each read and parsed at most once: `load` applies
 * the overrides to the scheme document and runs every check again (the
 * cross-file checks depend on the scheme), but reuses the parsed CSV rows.
 * The results are never modified by their users, so sharing them is safe.
 * @example const source = schemeSource('fixtures/demo'); await source.load([{path: 'contributions.rate', value: 0.12}])
 */
export function schemeSource(target: string): SchemeSource {
  let schemeFile: Promise<{ path: string; bytes: Buffer | undefined; diagnostics: Diagnostic[] }> | undefined;
  const tableReads = new Map<string, Promise<TableRead>>();
  const readSchemeFile = async () => {
    const diagnostics: Diagnostic[] = [];
    const path = await findSchemeFile(resolve(target), target, diagnostics);
    if (path === undefined) return { path: '', bytes: undefined, diagnostics };
    return { path, bytes: await readBytes(path, basename(path), diagnostics), diagnostics };
  };
  const readTableOnce = (role: TableName, path: string, name: string, named: boolean, schemeName: string) => {
    const key = JSON.stringify([role, path, name, named]);
    let read = tableReads.get(key);
    if (read === undefined) {
      read = readTableFile(role, path, name, named, schemeName);
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
      if (file.bytes === undefined) return { data: undefined, diagnostics, inputs };
      const schemePath = file.path;
      const folder = dirname(schemePath);
      const schemeName = basename(schemePath);
      inputs.push({ role: 'scheme', path: schemePath, name: schemeName, sha256: sha256(file.bytes) });
      const read = readScheme(file.bytes.toString('utf8'), schemeName, overrides);
      diagnostics.push(...read.diagnostics);
      if (read.scheme) diagnostics.push(...schemeWarnings(read.scheme, schemeName, read.lineOf));

      const named = namedFiles(read.document);
      // Files are read concurrently; their findings are gathered in role order so the report is stable.
      const reads = await Promise.all(TABLES.map((role) => {
        const name = read.scheme?.files[role] ?? named[role] ?? DEFAULT_FILES[role];
        return readTableOnce(role, resolve(folder, name), name, named[role] !== undefined, schemeName);
      }));
      for (const { found, input } of reads) {
        diagnostics.push(...found);
        if (input) inputs.push(input);
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
        return { data: undefined, diagnostics, inputs };
      }
      const rowsOf = <T>(table: Table<T>) => table.rows.map(({ row }) => row);
      const data: SchemeData = {
        scheme: read.scheme,
        population: rowsOf(population),
        income: rowsOf(income),
        mortality: rowsOf(mortality),
        rates: rowsOf(rates),
      };
      return { data, diagnostics, inputs };
    },
  };
}

/** One CSV file read and parsed, with its findings (the rates file may be absent: §2). */
async function readTableFile(role: TableName, path: string, name: string, named: boolean, schemeName: string): Promise<TableRead> {
  const found: Diagnostic[] = [];
  const bytes = await readInput(path, name, role, named, schemeName, found);
  if (bytes === undefined) return { table: undefined, found, input: undefined };
  if (bytes === 'absent') return { table: { file: name, rows: [], complete: true }, found, input: undefined };
  const csv = readCsv(bytes.toString('utf8'), name);
  const table = readTable(csv, name, role);
  found.push(...csv.diagnostics, ...table.diagnostics);
  const input: LoadedInput = { role, path, name, sha256: sha256(bytes) };
  return { table: { file: name, rows: table.rows, complete: table.complete }, found, input };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The scheme file a target names: the file itself, or the one scheme file inside a folder. */
async function findSchemeFile(path: string, target: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  const kind = await kindOf(path);
  if (kind === 'file') return path;
  if (kind === 'missing') {
    diagnostics.push({ severity: 'error', file: target, message: 'no such folder or file: expected a scheme folder or its scheme.yaml' });
    return undefined;
  }
  const present: string[] = [];
  for (const name of SCHEME_NAMES) if (await kindOf(join(path, name)) === 'file') present.push(name);
  if (present.length === 1) return join(path, present[0]!);
  const message = present.length === 0
    ? `holds no ${SCHEME_NAMES.join(', ')}: a scheme folder needs one (sipro init creates a demo)`
    : `holds ${present.join(' and ')}: keep only one, so that it is clear which one is read`;
  diagnostics.push({ severity: 'error', file: target, message });
  return undefined;
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
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

/**
 * The bytes of a CSV, `'absent'` for a rates file that the scheme does not
 * name and that does not exist (§2: then every rate is 0), or undefined
 * after reporting why it cannot be read.
 */
async function readInput(
  path: string, name: string, role: TableName, namedInScheme: boolean, schemeName: string, diagnostics: Diagnostic[],
): Promise<Buffer | 'absent' | undefined> {
  const kind = await kindOf(path);
  if (kind === 'file') return readBytes(path, name, diagnostics);
  if (kind === 'missing' && role === 'rates' && !namedInScheme) return 'absent';
  const origin = namedInScheme
    ? `named by files.${role} in ${schemeName}`
    : `the default name of the ${role} file; set files.${role} in ${schemeName} to use another`;
  const problem = kind === 'folder' ? 'is a folder, not a CSV file' : 'does not exist';
  diagnostics.push({ severity: 'error', file: name, message: `${problem} (${origin})` });
  return undefined;
}

/** A file's bytes, or undefined after reporting why it cannot be read (permissions, say). */
async function readBytes(path: string, name: string, diagnostics: Diagnostic[]): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    diagnostics.push({ severity: 'error', file: name, message: `cannot be read (${reason})` });
    return undefined;
  }
}
