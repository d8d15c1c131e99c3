/**
 * Reading one mortality table (methodology §2, columns `sex, age, qx, improvement`)
 * for `sipro life-table`: a standalone CSV, or the one a scheme folder names.
 * Deliberately small: the general scheme loader validates whole folders; this
 * reads just enough to print a life table, and reports every problem as a
 * diagnostic (file, line, value, what was expected).
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeAges } from './checks/common.js';
import { filesSchema, projectionSchema } from '../schema/scheme.js';
import { mortalityRowSchema, tableColumns, type MortalityRow } from '../schema/tables.js';
import type { Diagnostic } from './diagnostics.js';
import { inputKind, readNamedText } from './read/inputFile.js';
import { MAX_FILE_BYTES } from './read/limits.js';

/** A parsed row and the 1-based line it came from. */
export interface LocatedMortalityRow {
  line: number;
  row: MortalityRow;
}

/** The rates of one sex at one age, ready for the core (`improvement` 0 when absent). */
export interface SexMortality {
  age: number;
  qx: number;
  improvement: number;
  line: number;
}

const mortalityColumns = Object.keys(mortalityRowSchema.shape);

/**
 * Parse the text of a mortality CSV. Lines beginning with `#` before or
 * between rows are comments; blank lines are skipped; the first other line is
 * the header.
 * @example parseMortalityCsv('sex,age,qx\nF,0,0.1\n', 'm.csv').rows[0] // { line: 2, row: { sex: 'F', age: 0, qx: 0.1, improvement: 0 } }
 */
export function parseMortalityCsv(text: string, file: string): { rows: LocatedMortalityRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : undefined;
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), message: `is not a readable CSV: ${message}` });
    return { rows: [], diagnostics };
  }
  const [header, ...body] = records;
  if (header === undefined) {
    diagnostics.push({ severity: 'error', file, message: `is empty: expected a header row ${mortalityColumns.join(',')} and one row per sex and age` });
    return { rows: [], diagnostics };
  }
  const columns = header.record.map((name) => name.trim());
  const headerLine = header.info.lines;
  for (const name of columns) {
    if (!mortalityColumns.includes(name)) {
      diagnostics.push({ severity: 'error', file, line: headerLine, path: name, message: `unknown column "${name}": a mortality file has the columns ${mortalityColumns.join(', ')}` });
    }
  }
  columns.forEach((name, index) => {
    if (columns.indexOf(name) !== index) diagnostics.push({ severity: 'error', file, line: headerLine, path: name, message: `column "${name}" appears twice in the header` });
  });
  for (const name of tableColumns.mortality.keys) {
    if (!columns.includes(name)) diagnostics.push({ severity: 'error', file, line: headerLine, path: name, message: `the header lacks the required column "${name}"` });
  }
  if (diagnostics.length > 0) return { rows: [], diagnostics };

  const rows: LocatedMortalityRow[] = [];
  for (const { record, info } of body) {
    const cells: Record<string, string> = {};
    columns.forEach((name, index) => { cells[name] = record[index] ?? ''; });
    const parsed = mortalityRowSchema.safeParse(cells);
    if (parsed.success) {
      rows.push({ line: info.lines, row: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '');
      diagnostics.push({ severity: 'error', file, line: info.lines, path: column, message: `${column} "${cells[column] ?? ''}" is invalid: ${issue.message}` });
    }
  }
  return { rows, diagnostics };
}

/**
 * The table of one sex: rows of that sex or `*` (a `*` row counts for both
 * sexes, so a `*` row and a row of the sex for the same age are a duplicate,
 * as `sipro validate` says), ascending and without gaps, restricted to
 * `[fromAge, toAge]` when given (a scheme's `[min_age, max_age]`, which must
 * then be covered). The last age is terminal: a `qx` below 1 there is
 * reported as a warning, since the life table takes it as 1.
 */
export function mortalityForSex(
  rows: readonly LocatedMortalityRow[],
  sex: 'F' | 'M',
  file: string,
  range: { fromAge: number; toAge: number } | undefined,
): { rates: SexMortality[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byAge = new Map<number, SexMortality>();
  for (const { line, row } of rows) {
    if (row.sex !== sex && row.sex !== '*') continue;
    if (range !== undefined && (row.age < range.fromAge || row.age > range.toAge)) continue;
    const earlier = byAge.get(row.age);
    if (earlier !== undefined) {
      diagnostics.push({ severity: 'error', file, line, message: `sex ${sex} age ${row.age} is already given on line ${earlier.line}: give each sex and age once (a * row counts for both sexes)` });
      continue;
    }
    byAge.set(row.age, { age: row.age, qx: row.qx, improvement: row.improvement, line });
  }
  if (byAge.size === 0) {
    const where = range === undefined ? '' : ` between ages ${range.fromAge} and ${range.toAge}`;
    diagnostics.push({ severity: 'error', file, message: `has no rows for sex ${sex}${where}: expected rows with sex ${sex} or *` });
    return { rates: [], diagnostics };
  }
  if (diagnostics.length > 0) return { rates: [], diagnostics };
  const ages = [...byAge.keys()].sort((a, b) => a - b);
  const fromAge = range?.fromAge ?? ages[0]!;
  const toAge = range?.toAge ?? ages[ages.length - 1]!;
  const missing: number[] = [];
  for (let age = fromAge; age <= toAge; age += 1) if (!byAge.has(age)) missing.push(age);
  if (missing.length > 0) {
    diagnostics.push({ severity: 'error', file, message: `sex ${sex} has no qx for ${describeAges(missing)}: a life table needs every age from ${fromAge} to ${toAge}` });
    return { rates: [], diagnostics };
  }
  const rates = ages.map((age) => byAge.get(age)!);
  const last = rates[rates.length - 1]!;
  if (last.qx < 1) {
    diagnostics.push({ severity: 'warning', file, line: last.line, message: `qx "${last.qx}" at the last age ${last.age} (sex ${sex}) is taken as 1: the last age of a life table is terminal` });
  }
  return { rates, diagnostics };
}

/** What `sipro life-table DIR` needs from a scheme folder's `scheme.yaml`. */
export interface SchemeMortalitySettings {
  schemeFile: string;
  baseYear: number;
  minAge: number;
  maxAge: number;
  /** The mortality file as the scheme names it (relative to the folder). */
  mortalityFile: string;
}

const schemeFileNames = ['scheme.yaml', 'scheme.yml', 'scheme.json'];

// Only the fields life-table uses, with their schema and defaults from
// src/schema/scheme.ts; other keys are left to `sipro validate`.
const settingsSchema = z.object({
  projection: z.object({
    base_year: projectionSchema.shape.base_year,
    min_age: projectionSchema.shape.min_age,
    max_age: projectionSchema.shape.max_age,
  }),
  files: z.object({ mortality: filesSchema.shape.mortality }).prefault({}),
});

/** Find the scheme file of `dir` (displayed as `dirLabel`) and read its projection ages, base year and mortality file. */
export async function readSchemeMortalitySettings(dir: string, dirLabel: string): Promise<{ settings?: SchemeMortalitySettings; diagnostics: Diagnostic[] }> {
  for (const name of schemeFileNames) {
    const path = join(dir, name);
    if ((await inputKind(path)).kind === 'missing') continue;
    const file = join(dirLabel, name);
    const read = await readNamedText(path, MAX_FILE_BYTES.scheme, 'a scheme file');
    if (!read.ok) return { diagnostics: [{ severity: 'error', file, message: read.problem }] };
    const text = read.text;
    let document: unknown;
    try {
      document = parseYaml(text);
    } catch (error) {
      return { diagnostics: [{ severity: 'error', file, message: `is not valid YAML: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    const parsed = settingsSchema.safeParse(document);
    if (!parsed.success) {
      return {
        diagnostics: parsed.error.issues.map((issue) => ({ severity: 'error' as const, file, path: issue.path.join('.'), message: `${issue.path.join('.')}: ${issue.message}` })),
      };
    }
    const { projection, files } = parsed.data;
    if (projection.min_age >= projection.max_age) {
      return { diagnostics: [{ severity: 'error', file, path: 'projection.max_age', message: `projection.max_age "${projection.max_age}" must be greater than min_age (${projection.min_age})` }] };
    }
    return {
      settings: { schemeFile: file, baseYear: projection.base_year, minAge: projection.min_age, maxAge: projection.max_age, mortalityFile: files.mortality },
      diagnostics: [],
    };
  }
  return { diagnostics: [{ severity: 'error', file: dirLabel, message: `has no ${schemeFileNames.join(', ')}: a scheme folder needs one (methodology §2)` }] };
}

/** Read and parse a mortality CSV; a missing or unreadable file is a diagnostic. */
export async function readMortalityCsv(path: string, fileLabel: string): Promise<{ rows: LocatedMortalityRow[]; diagnostics: Diagnostic[] }> {
  const read = await readNamedText(path, MAX_FILE_BYTES.table, 'a mortality file');
  if (!read.ok) return { rows: [], diagnostics: [{ severity: 'error', file: fileLabel, message: read.problem }] };
  return parseMortalityCsv(read.text, fileLabel);
}

/** Whether `path` (relative to `cwd`) is a folder, a file, or nothing. */
export async function pathKind(cwd: string, path: string): Promise<'folder' | 'file' | 'missing'> {
  try {
    const info = await stat(resolve(cwd, path));
    return info.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}
