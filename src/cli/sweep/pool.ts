/**
 * Runs a sweep's scenarios: in the main thread for one job, else on worker
 * threads (dist/bundle/worker.cjs) fed one scenario at a time, so a slow
 * scenario never holds up the others. Results come back in scenario order
 * whatever finished first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../io/scenarios.js';
import { packageRoot } from '../packageRoot.js';
import { scenarioRunner, type ScenarioResult, type SweepConfig } from './runScenario.js';
import type { WorkRequest, WorkResult } from './worker.js';

/** The bundled worker: vitest runs TypeScript sources, which a worker thread cannot load, so always the build's. */
export const workerBundle = () => join(packageRoot(), 'dist', 'bundle', 'worker.cjs');

/**
 * Every scenario's result, by index. `onResult` is called as each finishes
 * (for the progress bar), in completion order.
 */
export async function runScenarios(
  scenarios: readonly Scenario[], config: SweepConfig, jobs: number, onResult: (index: number, result: ScenarioResult) => void,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array<ScenarioResult>(scenarios.length);
  const workers = Math.min(jobs, scenarios.length);
  if (workers <= 1) {
    const runner = scenarioRunner(config);
    for (const [index, scenario] of scenarios.entries()) {
      results[index] = await runner.run(scenario);
      onResult(index, results[index]);
    }
    return results;
  }
  const bundle = workerBundle();
  if (!existsSync(bundle)) throw new Error(`the sweep worker ${bundle} is missing: run npm run build (or use --jobs 1)`);
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      const feed = (worker: Worker) => {
        if (next >= scenarios.length) return;
        const index = next;
        next += 1;
        worker.postMessage({ index, scenario: scenarios[index]! } satisfies WorkRequest);
      };
      for (let count = 0; count < workers; count += 1) {
        const worker = new Worker(bundle, { workerData: config });
        threads.push(worker);
        worker.on('message', ({ index, result }: WorkResult) => {
          results[index] = result;
          finished += 1;
          onResult(index, result);
          if (finished === scenarios.length) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (finished < scenarios.length) reject(new Error(`a sweep worker stopped (exit code ${code}) with ${scenarios.length - finished} scenarios left`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return results;
}
