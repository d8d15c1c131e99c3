/**
 * `sipro merge OUT SHARD...`: joins the output folders of `sipro sweep
 * --shard I/N` runs into the sweep.csv one run of the whole sweep writes,
 * byte for byte, after checking that the shards belong together (same
 * inputs, scenarios, columns and assertions; every shard 1…N exactly once).
 */
import { Command } from '@commander-js/extra-typings';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../io/diagnostics.js';
import { pathExists, stageFolder } from '../../io/outputFolder.js';
import { releaseOutputFolder } from '../../io/outputLock.js';
import { neutraliseCell } from '../../io/writeCsv.js';
import { checkOutputFolder } from '../outputTarget.js';
import { ExitCode, InvalidInputError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { cellsToCsv, csvSha256, inShard, parseSweepCsv, type SweepRecord } from '../sweep/sweepTable.js';
import { replaceFolder } from '../../io/outputFolder.js';
import { renderAssertionReports } from '../gates.js';
import { colourEnabled } from '../io.js';
import { mergeSimulateShards } from '../simulate/mergeShards.js';
import { isSimulateShard } from '../simulate/shard.js';

interface ShardFolder {
  /** As the user gave it. */
  name: string;
  path: string;
  record: SweepRecord;
  header: string[];
  rows: string[][];
}

/** The parts of sweep.json that must agree across shards of one sweep. */
const sameSweep = (record: SweepRecord) => JSON.stringify([
  record.scenarios, record.scenario_names, record.source, record.columns, record.assertions, record.keep_outputs,
  record.shard?.count, record.run.inputs, record.run.overrides, record.run.version,
]);

async function readShard(name: string, path: string, diagnostics: Diagnostic[]): Promise<ShardFolder | undefined> {
  const file = (base: string) => join(name, base);
  const problem = (base: string, message: string) => { diagnostics.push({ severity: 'error', file: file(base), message }); return undefined; };
  let record: SweepRecord;
  let csv: string;
  try {
    record = JSON.parse(await readFile(join(path, 'sweep.json'), 'utf8')) as SweepRecord;
    csv = await readFile(join(path, 'sweep.csv'), 'utf8');
  } catch (error) {
    const reason = error instanceof SyntaxError ? `is not JSON (${error.message})` : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    return problem(error instanceof SyntaxError ? 'sweep.json' : '', `${reason}: expected the output folder of sipro sweep --shard I/N`);
  }
  if (record.format !== 'sipro-sweep') return problem('sweep.json', 'is not a sipro sweep record (format is not "sipro-sweep")');
  if (record.shard === null || record.shard === undefined) return problem('sweep.json', 'is a whole sweep, not a shard: it was run without --shard');
  let cells: string[][];
  try {
    cells = parseSweepCsv(csv);
  } catch (error) {
    return problem('sweep.csv', `cannot be read as CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...rows] = cells;
  // Cells as written: text a spreadsheet would run is neutralised (writeCsv.ts).
  if (header === undefined || JSON.stringify(header) !== JSON.stringify(record.columns.map(neutraliseCell))) {
    return problem('sweep.csv', 'has other columns than its sweep.json lists: was it edited?');
  }
  const expected = record.scenario_names.filter((_, index) => inShard(index, record.shard)).map(neutraliseCell);
  const names = rows.map((row) => row[0]);
  if (JSON.stringify(names) !== JSON.stringify(expected)) {
    return problem('sweep.csv', `holds scenarios ${names.length === 0 ? '(none)' : names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''} where shard ${record.shard.index}/${record.shard.count} runs ${expected.length === 0 ? '(none)' : expected.slice(0, 5).join(', ')}${expected.length > 5 ? ', …' : ''}: was it edited?`);
  }
  if (typeof record.csv_sha256 !== 'string') {
    return problem('sweep.json', 'records no checksum of sweep.csv (csv_sha256): it was written by an older sipro; run the shard again');
  }
  if (csvSha256(csv) !== record.csv_sha256) {
    return problem('sweep.csv', 'was edited after sipro sweep wrote it (its SHA-256 differs from the csv_sha256 in sweep.json): run the shard again');
  }
  return { name, path, record, header, rows };
}

/** The merged sweep.csv text from shards that passed the checks, in scenario order. */
export function mergeShards(shards: readonly ShardFolder[]): string {
  const first = shards[0]!;
  const count = first.record.shard!.count;
  const byIndex = new Map(shards.map((shard) => [shard.record.shard!.index, shard]));
  const rows: string[][] = [];
  for (let index = 0; index < first.record.scenarios; index += 1) {
    const shard = byIndex.get((index % count) + 1)!;
    rows.push(shard.rows[Math.floor(index / count)]!);
  }
  return cellsToCsv(first.header, rows);
}

export function mergeCommand(context: CommandContext) {
  const { io } = context;
  return new Command('merge')
    .description('join the output folders of sipro sweep --shard (or sipro simulate --shard) runs into what one run writes')
    .argument('<out>', 'output folder of the merged sweep')
    .argument('<shards...>', 'the shard output folders (each shard 1…N once, in any order)')
    .option('-f, --force', 'replace the output folder if it exists', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .addHelpText('after', [
      '',
      'The merged sweep.csv is byte for byte the one a single run of the whole sweep writes;',
      'scenarios/ folders (--keep-outputs) are copied. Shards of sipro simulate merge into',
      'the scenarios.csv, percentiles.csv, ruin.csv, summary.json (and paths.csv) of one run;',
      'its assertions are checked then. Exit codes: 0 merged, 3 the shards are missing,',
      'edited or from different runs, 4 a simulate assertion failed, 2 usage error.',
      '',
      'Example:',
      '  $ sipro merge results/sweep shards/1 shards/2 shards/3',
      '',
    ].join('\n'))
    .action(async (out, shardNames, options) => {
      const outDir = resolve(io.cwd, out);
      await checkOutputFolder(outDir, { force: options.force, cwd: io.cwd, inputs: shardNames.map((name) => resolve(io.cwd, name)), option: 'OUT' });
      if (await isSimulateShard(resolve(io.cwd, shardNames[0]!))) {
        let merged;
        try {
          const result = await mergeSimulateShards(shardNames.map((name) => ({ name, path: resolve(io.cwd, name) })), out);
          if (result.merged === undefined) throw new InvalidInputError(result.diagnostics);
          merged = result.merged;
        } catch (error) {
          releaseOutputFolder(outDir);
          throw error;
        }
        await replaceFolder(outDir, merged.files);
        if (!options.quiet) io.stderr.write(`Merged ${shardNames.length} simulate shards (${merged.scenarios} scenarios) into ${outDir}: ${[...merged.files.keys()].join(', ')}\n`);
        io.stderr.write(renderAssertionReports(merged.assertions, { colour: colourEnabled(io, 'stderr'), quiet: options.quiet }));
        context.exit(merged.assertions.every((report) => report.passed) ? ExitCode.success : ExitCode.assertionFailed);
        return;
      }
      let shards: ShardFolder[];
      try {
        const diagnostics: Diagnostic[] = [];
        const read = await Promise.all(shardNames.map((name) => readShard(name, resolve(io.cwd, name), diagnostics)));
        if (diagnostics.length > 0) throw new InvalidInputError(diagnostics);
        shards = read.filter((shard): shard is ShardFolder => shard !== undefined);
        diagnostics.push(...setProblems(shards, out));
        if (diagnostics.length > 0) throw new InvalidInputError(diagnostics);
      } catch (error) {
        // No staged folder to commit or discard: the lock checkOutputFolder took is released here.
        releaseOutputFolder(outDir);
        throw error;
      }
      await writeMerged(outDir, shards, shardNames);
      if (!options.quiet) io.stderr.write(`Merged ${shards.length} shards (${shards[0]!.record.scenarios} scenarios) into ${join(outDir, 'sweep.csv')}\n`);
      context.exit(ExitCode.success);
    });
}

/** Shards from another sweep than the first, given twice, or missing. */
function setProblems(shards: readonly ShardFolder[], out: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = shards[0]!;
  for (const shard of shards.slice(1)) {
    if (sameSweep(shard.record) !== sameSweep(first.record)) {
      diagnostics.push({ severity: 'error', file: join(shard.name, 'sweep.json'), message: `is from another sweep than ${join(first.name, 'sweep.json')} (its inputs, scenarios, options or shard count differ)` });
    }
  }
  const count = first.record.shard!.count;
  const seen = new Map<number, string>();
  for (const shard of shards) {
    const index = shard.record.shard!.index;
    const earlier = seen.get(index);
    if (earlier !== undefined) diagnostics.push({ severity: 'error', file: join(shard.name, 'sweep.json'), message: `is shard ${index}/${count}, like ${earlier}: give each shard once` });
    seen.set(index, shard.name);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0 && diagnostics.length === 0) {
    diagnostics.push({ severity: 'error', file: out, message: `cannot be merged: shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${count} ${missing.length === 1 ? 'is' : 'are'} missing` });
  }
  return diagnostics;
}

/** sweep.csv, sweep.json (with the merged file's checksum) and kept scenario folders, staged and committed whole. */
async function writeMerged(outDir: string, shards: readonly ShardFolder[], shardNames: readonly string[]): Promise<void> {
  const first = shards[0]!;
  const csv = mergeShards(shards);
  const record: SweepRecord = { ...first.record, shard: null, csv_sha256: csvSha256(csv), merged_from: [...shardNames] };
  const staged = await stageFolder(outDir);
  try {
    await writeFile(join(staged.path, 'sweep.csv'), csv);
    await writeFile(join(staged.path, 'sweep.json'), `${JSON.stringify(record, null, 2)}\n`);
    if (first.record.keep_outputs) {
      for (const shard of shards) {
        if (await pathExists(join(shard.path, 'scenarios'))) await cp(join(shard.path, 'scenarios'), join(staged.path, 'scenarios'), { recursive: true });
      }
    }
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
