// A worker thread of `sipro project` on a big scheme: it projects the part of
// the scheme it is given (src/cli/parallel/part.ts), with the same bundle and
// code cache as the command line, and sends its flows back without a copy.
import { parentPort, workerData } from 'node:worker_threads';
import { loadBundle } from './loadBundle.mjs';

try {
  const result = loadBundle().exports.projectPart(workerData);
  parentPort.postMessage({ result }, [result.flows.buffer]);
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
