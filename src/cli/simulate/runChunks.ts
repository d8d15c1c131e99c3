/**
 * Runs a simulation's scenarios in chunks: in the main thread for one job;
 * for N jobs, in the main thread and N − 1 worker threads
 * (dist/bundle/simulateWorker.cjs), each taking the next chunk when it is
 * free. Outcomes land at their scenario's position whatever finished first,
 * so the result does not depend on the number of jobs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { outcomeLayout } from '../../core/stochastic/outcome.js';
import type { ScenarioPaths } from '../../core/stochastic/paths.js';
import type { SchemeData } from '../../core/types.js';
import { packageRoot } from '../packageRoot.js';
import { type Chunk, type ChunkResult, chunkRunner } from './batchWork.js';
import type { SimulateWorkerData } from './simulateWorker.js';

/** Scenarios per message: large enough that messages cost nothing, small enough that progress moves and workers finish together. */
export const SCENARIOS_PER_CHUNK = 20;

export const simulateWorkerBundle = () => join(packageRoot(), 'dist', 'bundle', 'simulateWorker.cjs');

export interface SimulationRun {
  /** One outcome row per scenario, in the order given. */
  outcomes: Float64Array;
  width: number;
  /** paths.csv lines per scenario, in the order given, when asked. */
  pathsText: string[] | null;
}

/**
 * @param scenarios the scenario numbers to run, in output order
 * @param paths their paths when replayed, or null to draw them
 * @param onProgress called with the count of scenarios done so far
 */
export async function runSimulation(
  data: SchemeData, scenarios: readonly number[], paths: readonly ScenarioPaths[] | null, writePaths: boolean, jobs: number,
  onProgress: (done: number) => void,
): Promise<SimulationRun> {
  const chunks: Chunk[] = [];
  for (let first = 0; first < scenarios.length; first += SCENARIOS_PER_CHUNK) {
    chunks.push({ first, scenarios: scenarios.slice(first, first + SCENARIOS_PER_CHUNK), paths: paths === null ? null : paths.slice(first, first + SCENARIOS_PER_CHUNK) });
  }
  const threads = Math.min(jobs, chunks.length);
  const results = await runChunks(data, chunks, writePaths, Math.max(0, threads - 1), onProgress);
  results.sort((a, b) => a.first - b.first);
  const { width } = outcomeLayout(data.scheme.projection.horizon);
  const outcomes = new Float64Array(scenarios.length * width);
  for (const result of results) outcomes.set(result.outcomes, result.first * width);
  return { outcomes, width, pathsText: writePaths ? results.flatMap((result) => result.pathsText!) : null };
}

/** How many chunks a worker holds at once: the next one waits in its port, so it never idles while the main thread runs a chunk of its own. */
const CHUNKS_IN_FLIGHT = 2;

/**
 * The chunks on the main thread and `workers` worker threads. The main
 * thread runs its chunks between the workers' messages: at N jobs it would
 * otherwise idle beside N workers, one of which it spares starting (a
 * bundle to load, a model to build, code to warm up; bench/RESULTS.md).
 */
async function runChunks(
  data: SchemeData, chunks: readonly Chunk[], writePaths: boolean, workers: number, onProgress: (done: number) => void,
): Promise<ChunkResult[]> {
  const bundle = simulateWorkerBundle();
  if (workers > 0 && !existsSync(bundle)) throw new Error(`the simulate worker ${bundle} is missing: run npm run build (or use --jobs 1)`);
  const results: ChunkResult[] = [];
  const threads: Worker[] = [];
  let next = 0;
  let done = 0;
  const finished = (result: ChunkResult, count: number) => {
    results.push(result);
    done += count;
    onProgress(done);
  };
  try {
    let failed: unknown;
    let workersDone: Promise<void> = Promise.resolve();
    if (workers > 0) {
      workersDone = new Promise<void>((resolve, reject) => {
        const fail = (error: unknown) => { failed ??= error; reject(error); };
        let running = 0;
        const feed = (worker: Worker) => {
          if (next >= chunks.length) return;
          worker.postMessage(chunks[next++]);
          running += 1;
        };
        for (let count = 0; count < workers; count += 1) {
          const worker = new Worker(bundle, { workerData: { data, writePaths } satisfies SimulateWorkerData });
          threads.push(worker);
          worker.on('message', (result: ChunkResult) => {
            running -= 1;
            finished(result, chunks.find((chunk) => chunk.first === result.first)!.scenarios.length);
            feed(worker);
            if (running === 0 && next >= chunks.length) resolve();
          });
          worker.on('error', fail);
          worker.on('exit', (code) => {
            if (results.length < chunks.length) fail(new Error(`a simulate worker stopped (exit code ${code}) with ${chunks.length - results.length} chunks left`));
          });
          for (let held = 0; held < CHUNKS_IN_FLIGHT; held += 1) feed(worker);
        }
        if (running === 0) resolve();
      });
      // Observed here so that a worker's failure while the main thread runs is not an unhandled rejection.
      workersDone.catch(() => undefined);
    }
    const runner = next < chunks.length ? chunkRunner(data, writePaths) : null;
    while (runner !== null && next < chunks.length && failed === undefined) {
      const chunk = chunks[next++]!;
      finished(runner.run(chunk), chunk.scenarios.length);
      // Let the workers' messages, the progress timer and signals run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await workersDone;
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return results;
}
