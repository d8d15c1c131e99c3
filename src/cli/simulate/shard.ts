/**
 * The folder of a `sipro simulate --shard I/N` run: not the tables (a
 * percentile of shards is not a percentile of the run) but every outcome
 * row of its scenarios, exactly (outcomes.f64, little-endian doubles), and
 * a record (simulate-shard.json) of what ran, so that `sipro merge` puts
 * the rows of all shards in scenario order and writes what one run writes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../io/diagnostics.js';
import type { RunRecord } from '../../io/runRecord.js';
import type { Shard } from '../sweep/sweepTable.js';
import type { DeterministicPart } from './finish.js';

export const SHARD_RECORD = 'simulate-shard.json';
export const SHARD_OUTCOMES = 'outcomes.f64';

export interface SimulateShardRecord {
  format: 'sipro-simulate-shard';
  shard: Shard;
  /** Scenarios of the whole run (every shard). */
  total_scenarios: number;
  /** This shard's scenario numbers, ascending: one outcome row each, in this order. */
  scenarios: number[];
  base_year: number;
  years: number;
  /** Numbers per outcome row. */
  width: number;
  groups: string[];
  percentiles: number[];
  seed: number;
  /** Whether paths.csv holds the shard's paths. */
  write_paths: boolean;
  /** Every assertion the run checks (the scheme's and --assert), as written. */
  assertions: string[];
  deterministic: DeterministicPart;
  /** SHA-256 of outcomes.f64 and paths.csv as written, so that an edited shard is refused. */
  outcomes_sha256: string;
  paths_sha256: string | null;
  run: RunRecord;
}

export const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** Outcome rows as bytes: little-endian doubles, NaN for empty. */
export function outcomeBytes(outcomes: Float64Array): Uint8Array {
  const bytes = new Uint8Array(outcomes.length * 8);
  const view = new DataView(bytes.buffer);
  outcomes.forEach((value, index) => view.setFloat64(index * 8, value, true));
  return bytes;
}

function outcomesOfBytes(bytes: Uint8Array): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const outcomes = new Float64Array(bytes.byteLength / 8);
  for (let index = 0; index < outcomes.length; index += 1) outcomes[index] = view.getFloat64(index * 8, true);
  return outcomes;
}

export interface ShardFolder {
  name: string;
  record: SimulateShardRecord;
  outcomes: Float64Array;
  /** paths.csv lines after the header, or null. */
  pathsLines: string[] | null;
}

/** Whether an output folder is a simulate shard (has simulate-shard.json). */
export async function isSimulateShard(path: string): Promise<boolean> {
  try {
    await readFile(join(path, SHARD_RECORD));
    return true;
  } catch {
    return false;
  }
}

/** Reads and checks one shard folder; problems go to `diagnostics`. */
export async function readSimulateShard(name: string, path: string, diagnostics: Diagnostic[]): Promise<ShardFolder | undefined> {
  const problem = (file: string, message: string) => { diagnostics.push({ severity: 'error', file: join(name, file), message }); return undefined; };
  let record: SimulateShardRecord;
  let bytes: Uint8Array;
  try {
    record = JSON.parse(await readFile(join(path, SHARD_RECORD), 'utf8')) as SimulateShardRecord;
    bytes = await readFile(join(path, SHARD_OUTCOMES));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `is not JSON (${error.message})` : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    return problem(error instanceof SyntaxError ? SHARD_RECORD : '', `${reason}: expected the output folder of sipro simulate --shard I/N`);
  }
  if (record.format !== 'sipro-simulate-shard') return problem(SHARD_RECORD, 'is not a sipro simulate shard record (format is not "sipro-simulate-shard")');
  if (sha256(bytes) !== record.outcomes_sha256) return problem(SHARD_OUTCOMES, 'was changed after sipro simulate wrote it (its SHA-256 differs from simulate-shard.json): run the shard again');
  if (bytes.byteLength !== record.scenarios.length * record.width * 8) return problem(SHARD_OUTCOMES, `holds ${bytes.byteLength} bytes where ${record.scenarios.length} scenarios need ${record.scenarios.length * record.width * 8}`);
  let pathsLines: string[] | null = null;
  if (record.write_paths) {
    let text: string;
    try {
      text = await readFile(join(path, 'paths.csv'), 'utf8');
    } catch (error) {
      return problem('paths.csv', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): the shard was run with --write-paths`);
    }
    if (sha256(text) !== record.paths_sha256) return problem('paths.csv', 'was changed after sipro simulate wrote it: run the shard again');
    pathsLines = text.split('\n').slice(1, -1).map((line) => `${line}\n`);
  }
  return { name, record, outcomes: outcomesOfBytes(bytes), pathsLines };
}

/** The parts of a shard record that must agree across the shards of one run. */
export const sameSimulation = (record: SimulateShardRecord) => JSON.stringify([
  record.shard.count, record.total_scenarios, record.base_year, record.years, record.width, record.groups, record.percentiles, record.seed,
  record.write_paths, record.assertions, record.deterministic.indicators, record.run.inputs, record.run.overrides, record.run.version,
]);
