/**
 * A sweep worker thread (bundled to dist/bundle/worker.cjs by build.mjs): it
 * reads the scheme once, then runs each scenario the main thread posts and
 * posts back its result, tagged with the scenario's index.
 */
import '../zodWithoutEval.js';
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../io/scenarios.js';
import { scenarioRunner, type ScenarioResult, type SweepConfig } from './runScenario.js';

/** Main thread → worker: one scenario to run. */
export interface WorkRequest {
  index: number;
  scenario: Scenario;
}

/** Worker → main thread: its result. */
export interface WorkResult {
  index: number;
  result: ScenarioResult;
}

const port = parentPort;
if (port === null) throw new Error('src/cli/sweep/worker.ts runs only as a worker thread');
const runner = scenarioRunner(workerData as SweepConfig);
port.on('message', (request: WorkRequest) => {
  void runner.run(request.scenario).then((result) => port.postMessage({ index: request.index, result } satisfies WorkResult));
});
