/**
 * An output folder of sipro, read for a report: its kind is told by the
 * files present (project §7–§8, simulate §10, sweep, sensitivity), and every
 * file the report uses is read by column name. A missing optional file or
 * column is no error: the report leaves out what it cannot draw.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { readOutputTable, type OutputTable } from './outputTable.js';
import {
  readJsonFile, sensitivityRecordSchema, summarySchema, sweepRecordSchema,
  type SensitivityRecordFile, type Summary, type SweepRecordFile,
} from './summaryFile.js';

export type FolderKind = 'project' | 'simulate' | 'sweep' | 'sensitivity';

interface FolderShape {
  kind: FolderKind;
  required: readonly string[];
  optional: readonly string[];
}

/**
 * The kinds in the order they are tried: simulate before project, since both
 * write summary.json. paths.csv (§10) is left out: it replays scenarios and
 * holds nothing a report draws.
 */
export const FOLDER_SHAPES: readonly FolderShape[] = [
  { kind: 'simulate', required: ['scenarios.csv', 'percentiles.csv', 'ruin.csv', 'summary.json'], optional: [] },
  { kind: 'project', required: ['projection.csv', 'summary.json'], optional: ['by_group.csv', 'subsidy.csv', 'entrants.csv', 'scaled_premium.csv'] },
  { kind: 'sweep', required: ['sweep.csv', 'sweep.json'], optional: [] },
  { kind: 'sensitivity', required: ['sensitivity.csv'], optional: ['sensitivity.json'] },
];

export interface OutputFolder {
  kind: FolderKind;
  path: string;
  /** Every CSV read, by file name, in the order of FOLDER_SHAPES. */
  tables: ReadonlyMap<string, OutputTable>;
  /** summary.json of a project or simulate folder. */
  summary: Summary | undefined;
  sweepRecord: SweepRecordFile | undefined;
  sensitivityRecord: SensitivityRecordFile | undefined;
  /** The files read, for the run record of the report (not the run's inputs). */
  files: readonly string[];
}

/** What a folder holds when it is none of the kinds: for the message. */
export function describeExpectedFolders(): string {
  return FOLDER_SHAPES.map((shape) => `${shape.kind} (${shape.required.join(', ')})`).join('; ');
}

/** The kind of a folder holding `names`, or undefined. */
export function folderKind(names: ReadonlySet<string>): FolderShape | undefined {
  return FOLDER_SHAPES.find((shape) => shape.required.every((file) => names.has(file)));
}

export type ReadFolderResult =
  | { ok: true; folder: OutputFolder }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Reads the output folder `path`. Fails with diagnostics when it is no kind
 * of output folder, or when a file is malformed (every problem listed).
 * The caller has checked that `path` is a folder.
 */
export async function readOutputFolder(path: string, label: string): Promise<ReadFolderResult> {
  const names = new Set(await readdir(path));
  const shape = folderKind(names);
  if (shape === undefined) {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', file: label, message: `is not a sipro output folder: expected the files of ${describeExpectedFolders()}` }],
    };
  }
  const present = [...shape.required, ...shape.optional].filter((file) => names.has(file));
  const texts = new Map(await Promise.all(present.map(async (file) => [file, await readFile(join(path, file), 'utf8')] as const)));
  const diagnostics: Diagnostic[] = [];
  const tables = new Map<string, OutputTable>();
  for (const [file, text] of texts) {
    if (!file.endsWith('.csv')) continue;
    const read = readOutputTable(text, file);
    diagnostics.push(...read.diagnostics);
    if (read.table !== undefined) tables.set(file, read.table);
  }
  const json = <T>(file: string, schema: Parameters<typeof readJsonFile<T>>[2]): T | undefined => {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    const read = readJsonFile(text, file, schema);
    diagnostics.push(...read.diagnostics);
    return read.value;
  };
  const summary = json('summary.json', summarySchema);
  const sweepRecord = json('sweep.json', sweepRecordSchema);
  const sensitivityRecord = json('sensitivity.json', sensitivityRecordSchema);
  diagnostics.push(...missingColumns(shape.kind, tables));
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, folder: { kind: shape.kind, path, tables, summary, sweepRecord, sensitivityRecord, files: present } };
}

/** The few columns without which a file means nothing (the rest are drawn when present). */
const KEY_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  'projection.csv': ['year'],
  'by_group.csv': ['year', 'group', 'sex'],
  'subsidy.csv': ['group', 'sex'],
  'entrants.csv': ['group', 'sex', 'entry_age'],
  'scaled_premium.csv': ['period_start', 'period_end'],
  'scenarios.csv': ['scenario'],
  'percentiles.csv': ['year', 'variable'],
  'ruin.csv': ['year'],
  'sweep.csv': ['scenario'],
  'sensitivity.csv': ['scenario', 'parameter'],
};

function missingColumns(kind: FolderKind, tables: ReadonlyMap<string, OutputTable>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [file, table] of tables) {
    for (const column of KEY_COLUMNS[file] ?? []) {
      if (!table.columns.includes(column)) {
        diagnostics.push({ severity: 'error', file, line: 1, path: column, message: `has no "${column}" column, which every ${kind} ${file} holds: is it a sipro output file?` });
      }
    }
  }
  return diagnostics;
}
