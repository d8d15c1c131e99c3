// A worker thread of `sipro project` on a big scheme: it projects the part of
// the scheme it is given (src/cli/parallel/part.ts, bundled alone with the
// core as dist/bundle/part.cjs) and sends its flows back without a copy.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

try {
  const { projectPart } = createRequire(import.meta.url)('../dist/bundle/part.cjs');
  const result = projectPart(workerData);
  parentPort.postMessage({ result }, [result.flows.buffer]);
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
