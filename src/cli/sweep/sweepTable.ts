/**
 * sweep.csv and sweep.json: one row per scenario, in scenario order, and the
 * record that lets `sipro merge` put shards back together. A shard's
 * sweep.csv has the same columns as the whole sweep's and only its rows; the
 * merge parses them back to the very cells written and writes them again
 * with the same writer, so the merged file is byte for byte the one a single
 * run writes.
 */
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import type { Indicators } from '../../core/types.js';
import type { RunRecord } from '../../io/runRecord.js';
import type { Scenario } from '../../io/scenarios.js';
import { toCsv, type CsvValue } from '../../io/writeCsv.js';
import type { ScenarioResult } from './runScenario.js';

/** The indicator columns of sweep.csv, from summary.json (§7). */
export const INDICATOR_COLUMNS = ['gap', 'effective_rate', 'actuarial_balance', 'depletion_year', 'first_deficit_year'] as const satisfies readonly (keyof Indicators)[];
/** After the indicators: the assertions' outcome and the scenario's error, if any. */
export const OUTCOME_COLUMNS = ['assertions_passed', 'assertions_failed', 'failed_assertions', 'error'] as const;

/** `scenario`, one column per override path (in the order first named), the indicators, the outcome. */
export function sweepColumns(paths: readonly string[]): string[] {
  return ['scenario', ...paths, ...INDICATOR_COLUMNS, ...OUTCOME_COLUMNS];
}

/** Which scenarios a shard runs: `index % count == shard - 1` (index 0-based in scenario order, shard 1-based). */
export interface Shard {
  index: number;
  count: number;
}

export const inShard = (scenarioIndex: number, shard: Shard | null) => shard === null || scenarioIndex % shard.count === shard.index - 1;

/** One row of sweep.csv as values (null is an empty cell). */
export function sweepRow(scenario: Scenario, paths: readonly string[], result: ScenarioResult): Record<string, CsvValue> {
  const row: Record<string, CsvValue> = { scenario: scenario.name };
  for (const path of paths) row[path] = scenario.overrides.find((override) => override.path === path)?.text ?? null;
  for (const column of INDICATOR_COLUMNS) row[column] = result.indicators?.[column] ?? null;
  const failed = result.assertions.filter((report) => !report.passed);
  row['assertions_passed'] = result.error === null ? result.assertions.length - failed.length : null;
  row['assertions_failed'] = result.error === null ? failed.length : null;
  row['failed_assertions'] = failed.length === 0 ? null : failed.map((report) => report.assertion).join('; ');
  // One line per cell: a multi-line message would still be valid CSV, but not greppable.
  row['error'] = result.error === null ? null : result.error.replace(/\s*\n\s*/g, ' ');
  return row;
}

/** The checksum sweep.json records of its sweep.csv (hex SHA-256 of the text as written). */
export const csvSha256 = (csv: string) => createHash('sha256').update(csv).digest('hex');

export const sweepCsv = (rows: readonly Record<string, CsvValue>[], columns: readonly string[]) => toCsv(rows, columns);

/** sweep.json: what ran, on what, and which share of the scenarios this folder holds. */
export interface SweepRecord {
  format: 'sipro-sweep';
  /** Scenarios in the whole sweep (not just this shard). */
  scenarios: number;
  /** Scenario names in order, so that merged shards can be checked against each other. */
  scenario_names: string[];
  /** Where the scenarios came from: a scenarios CSV (with its SHA-256), or the --grid options. */
  source: { scenarios_file: { file: string; sha256: string } | null; grid: string[] };
  shard: Shard | null;
  columns: string[];
  /** The `--assert` gates (each scenario also checks its scheme's `assertions:`). */
  assertions: string[];
  /** Whether scenarios/<name>/ holds each scenario's outputs. */
  keep_outputs: boolean;
  /** SHA-256 of sweep.csv as written, so that `sipro merge` can tell an edited shard. */
  csv_sha256: string;
  /** The base run record: inputs and their SHA-256, the sweep's `--set` overrides, the base scheme. */
  run: RunRecord;
  /** For a merged sweep: the shard folders, as given to `sipro merge`. */
  merged_from?: string[];
}

/** Parses a sweep.csv back into its cells as strings (empty cell → ''), header first. */
export function parseSweepCsv(text: string): string[][] {
  return parse(text, { relax_column_count: false }) as string[][];
}

/** Rows of cells (as strings) back to CSV text, through the same writer as `sweepCsv`. */
export function cellsToCsv(header: readonly string[], rows: readonly string[][]): string {
  const objects = rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
  return toCsv(objects, header);
}
