/**
 * `sipro project` on both cores when the scheme is big enough to pay for a
 * second thread (the stress scheme's 20 groups and 100 years, not the demo's
 * 3 groups and 75): half the groups and half the entrant lanes go to a worker
 * thread (bin/partWorker.mjs), the rest stay here, and the parts are put
 * together in the scheme's order. The numbers are those of one thread, to
 * the last bit (part.ts).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { entrantLanes, projectEntrants } from '../../core/entrants.js';
import { FLOW_WIDTH, mergeGroupFlows } from '../../core/flows.js';
import type { ProjectionModel } from '../../core/model.js';
import { assembleProjection, project } from '../../core/project.js';
import { deterministicScenario } from '../../core/scenario.js';
import type { EntrantRow, ProjectionResult, SchemeData } from '../../core/types.js';
import { packageRoot } from '../packageRoot.js';
import { type PartRequest, type PartResult, projectPart } from './part.js';

/** The worker's script: vitest runs TypeScript sources, which a worker thread cannot load, so always the build's. */
const partWorker = () => join(packageRoot(), 'bin', 'partWorker.mjs');

/**
 * Member cell-years below which one thread is faster: a worker's start
 * (~40 ms of loading on the other core, then the data sent over) costs more
 * than half of a small projection. The demo has ~0.33 M, the stress scheme ~4.8 M.
 */
const SPLIT_ABOVE = 1_500_000;

/** How many threads to use: `jobs` when given (1 turns the worker off), else two when the scheme is big and the machine has two cores. */
export function threadsFor(model: ProjectionModel, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.min(jobs, 2, model.groups.length);
  const { layout } = model;
  const cellYears = layout.groups * 2 * layout.memberAges * layout.bins * model.horizon;
  return availableParallelism() >= 2 && cellYears > SPLIT_ABOVE && model.groups.length >= 2 && existsSync(partWorker()) ? 2 : 1;
}

/** The projection and, when asked, entrants.csv's rows, on `threads` threads (1 or 2). */
export async function projectInParts(
  data: SchemeData, model: ProjectionModel, entrants: boolean, threads: number,
): Promise<{ result: ProjectionResult; entrants: EntrantRow[] | undefined }> {
  const scenario = deterministicScenario(model);
  if (threads <= 1) return { result: project(model, scenario), entrants: entrants ? projectEntrants(model) : undefined };
  const groups = model.groups.map((_, index) => index);
  const lanes = entrants ? entrantLanes(model) : [];
  const half = Math.ceil(groups.length / 2);
  const halfLanes = Math.ceil(lanes.length / 2);
  const here: PartRequest = { data, groups: groups.slice(0, half), lanes: lanes.slice(0, halfLanes) };
  // The worker gets its own groups' members only: less to copy to it, less for it to hold.
  const theirs = new Set(groups.slice(half).map((group) => model.groups[group]!.name));
  const there: PartRequest = {
    data: { ...data, population: data.population.filter((row) => theirs.has(row.group)) }, groups: groups.slice(half), lanes: lanes.slice(halfLanes),
  };
  const away = inWorker(there);
  const local = projectPart(here);
  const remote = await away;
  const years = scenario.years;
  const perYear = (part: PartRequest, result: PartResult) => {
    const width = part.groups.length * 2 * FLOW_WIDTH;
    return Array.from({ length: years }, (_, year) => result.flows.subarray(year * width, (year + 1) * width));
  };
  const flows = mergeGroupFlows(model.groups.length, years, [
    { groups: here.groups, flows: perYear(here, local) },
    { groups: there.groups, flows: perYear(there, remote) },
  ]);
  return { result: assembleProjection(model, scenario, flows), entrants: entrants ? [...local.entrants, ...remote.entrants] : undefined };
}

/** A part projected on a worker thread, which ends when it has answered. */
function inWorker(request: PartRequest): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(partWorker(), { workerData: request });
    let answered = false;
    worker.once('message', (message: { result?: PartResult; error?: string }) => {
      answered = true;
      if (message.result !== undefined) resolve(message.result);
      else reject(new Error(`a projection worker failed: ${message.error ?? 'no reason given'}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`a projection worker stopped (exit code ${code}) before answering`));
    });
  });
}
