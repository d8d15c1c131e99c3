/**
 * Runs a simulation's scenarios in chunks: in the main thread for one job,
 * else on worker threads (dist/bundle/simulateWorker.cjs) fed one chunk at
 * a time. Outcomes land at their scenario's position whatever finished
 * first, so the result does not depend on the number of jobs.
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
  const results: ChunkResult[] = [];
  const workers = Math.min(jobs, chunks.length);
  if (workers <= 1) {
    const runner = chunkRunner(data, writePaths);
    let done = 0;
    for (const chunk of chunks) {
      results.push(runner.run(chunk));
      done += chunk.scenarios.length;
      onProgress(done);
      // Let the progress timer and signals run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    results.push(...await runOnWorkers(data, chunks, writePaths, workers, onProgress));
  }
  results.sort((a, b) => a.first - b.first);
  const { width } = outcomeLayout(data.scheme.projection.horizon);
  const outcomes = new Float64Array(scenarios.length * width);
  for (const result of results) outcomes.set(result.outcomes, result.first * width);
  return { outcomes, width, pathsText: writePaths ? results.flatMap((result) => result.pathsText!) : null };
}

async function runOnWorkers(
  data: SchemeData, chunks: readonly Chunk[], writePaths: boolean, workers: number, onProgress: (done: number) => void,
): Promise<ChunkResult[]> {
  const bundle = simulateWorkerBundle();
  if (!existsSync(bundle)) throw new Error(`the simulate worker ${bundle} is missing: run npm run build (or use --jobs 1)`);
  const results: ChunkResult[] = [];
  const threads: Worker[] = [];
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      const feed = (worker: Worker) => {
        if (next < chunks.length) worker.postMessage(chunks[next++]);
      };
      for (let count = 0; count < workers; count += 1) {
        const worker = new Worker(bundle, { workerData: { data, writePaths } satisfies SimulateWorkerData });
        threads.push(worker);
        worker.on('message', (result: ChunkResult) => {
          results.push(result);
          done += chunks.find((chunk) => chunk.first === result.first)!.scenarios.length;
          onProgress(done);
          if (results.length === chunks.length) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (results.length < chunks.length) reject(new Error(`a simulate worker stopped (exit code ${code}) with ${chunks.length - results.length} chunks left`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return results;
}
