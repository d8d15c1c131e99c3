/**
 * A simulate worker thread (bundled to dist/bundle/simulateWorker.cjs by
 * build.mjs): it builds the model once from the validated scheme data it is
 * given, then runs each chunk the main thread posts and posts back its
 * outcome rows (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SchemeData } from '../../core/types.js';
import { type Chunk, type ChunkResult, chunkRunner } from './batchWork.js';

/** What the main thread gives a worker at its start. */
export interface SimulateWorkerData {
  data: SchemeData;
  writePaths: boolean;
}

const port = parentPort;
if (port === null) throw new Error('src/cli/simulate/simulateWorker.ts runs only as a worker thread');
const { data, writePaths } = workerData as SimulateWorkerData;
const runner = chunkRunner(data, writePaths);
port.on('message', (chunk: Chunk) => {
  const result: ChunkResult = runner.run(chunk);
  port.postMessage(result, [result.outcomes.buffer as ArrayBuffer]);
});
