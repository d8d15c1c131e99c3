/**
 * `sipro merge` for the shards of `sipro simulate --shard I/N`: checks that
 * they belong together (one run, every shard 1…N once), puts their outcome
 * rows (and paths.csv lines) in scenario order and ends like one run does
 * (finish.ts), so the tables are byte for byte those of one run.
 */
import { join } from 'node:path';
import { parseAssertion } from '../../core/assertions.js';
import type { Diagnostic } from '../../io/diagnostics.js';
import type { RunRecord } from '../../io/runRecord.js';
import { type SimulationFiles, simulationFiles } from './finish.js';
import { readSimulateShard, sameSimulation, SHARD_RECORD, type ShardFolder } from './shard.js';

export interface MergedSimulation extends SimulationFiles {
  scenarios: number;
}

/** The merged files, or the problems that stop the merge. */
export async function mergeSimulateShards(
  shards: readonly { name: string; path: string }[], out: string,
): Promise<{ merged: MergedSimulation | undefined; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const read = (await Promise.all(shards.map(({ name, path }) => readSimulateShard(name, path, diagnostics)))).filter((shard): shard is ShardFolder => shard !== undefined);
  if (diagnostics.length > 0) return { merged: undefined, diagnostics };
  const first = read[0]!;
  for (const shard of read.slice(1)) {
    if (sameSimulation(shard.record) !== sameSimulation(first.record)) {
      diagnostics.push({ severity: 'error', file: join(shard.name, SHARD_RECORD), message: `is from another simulation than ${join(first.name, SHARD_RECORD)} (its inputs, options or shard count differ)` });
    }
  }
  const count = first.record.shard.count;
  const seen = new Map<number, string>();
  for (const shard of read) {
    const earlier = seen.get(shard.record.shard.index);
    if (earlier !== undefined) diagnostics.push({ severity: 'error', file: join(shard.name, SHARD_RECORD), message: `is shard ${shard.record.shard.index}/${count}, like ${earlier}: give each shard once` });
    seen.set(shard.record.shard.index, shard.name);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0 && diagnostics.length === 0) {
    diagnostics.push({ severity: 'error', file: out, message: `cannot be merged: shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${count} ${missing.length === 1 ? 'is' : 'are'} missing` });
  }
  if (diagnostics.length > 0) return { merged: undefined, diagnostics };

  const { record } = first;
  const rows = read.flatMap((shard) => shard.record.scenarios.map((scenario, position) => ({ scenario, shard, position })))
    .sort((a, b) => a.scenario - b.scenario);
  if (rows.length !== record.total_scenarios || rows.some((row, index) => index > 0 && rows[index - 1]!.scenario === row.scenario)) {
    return { merged: undefined, diagnostics: [{ severity: 'error', file: out, message: `the shards hold ${rows.length} scenarios where the run has ${record.total_scenarios}, or one twice: were they edited?` }] };
  }
  const outcomes = new Float64Array(rows.length * record.width);
  rows.forEach(({ shard, position }, index) => outcomes.set(shard.outcomes.subarray(position * record.width, (position + 1) * record.width), index * record.width));
  const pathsText = record.write_paths ? rows.map(({ shard, position }) => shard.pathsLines!.slice(position * record.years, (position + 1) * record.years).join('')) : null;
  const assertions = record.assertions.map((text) => {
    const parsed = parseAssertion(text);
    if (!parsed.ok) throw new Error(`shard assertion "${text}" does not parse: ${parsed.error.message}`);
    return parsed.assertion;
  });
  const run: RunRecord & { merged_from: string[] } = { ...record.run, merged_from: read.map((shard) => shard.name) };
  const files = simulationFiles({
    deterministic: record.deterministic, layout: { years: record.years, width: record.width }, baseYear: record.base_year, groups: record.groups,
    percentiles: record.percentiles, seed: record.seed, scenarios: rows.map((row) => row.scenario), outcomes, pathsText, assertions, record: run,
  });
  return { merged: { ...files, scenarios: rows.length }, diagnostics };
}
