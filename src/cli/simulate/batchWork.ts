/**
 * One chunk of a simulation's scenarios, start to finish: drawn (by number)
 * or replayed (paths given) → projected → outcome rows, and paths.csv lines
 * when asked. The same code runs in the main thread (`--jobs 1`) and in each
 * worker thread, so both give the same bytes.
 */
import { buildModel } from '../../core/model.js';
import { scenarioBatch, type ScenarioBatch } from '../../core/stochastic/batch.js';
import type { ScenarioPaths } from '../../core/stochastic/paths.js';
import type { SchemeData } from '../../core/types.js';
import { pathsLines } from '../../io/simulateFiles.js';

/** A share of the scenarios: their numbers, and their paths when replayed (else drawn). */
export interface Chunk {
  /** Position of the chunk's first scenario in the run's list. */
  first: number;
  scenarios: number[];
  paths: ScenarioPaths[] | null;
}

export interface ChunkResult {
  first: number;
  /** `scenarios.length × width` numbers: one outcome row per scenario. */
  outcomes: Float64Array;
  /** paths.csv lines per scenario, when asked. */
  pathsText: string[] | null;
}

export interface ChunkRunner {
  width: number;
  run(chunk: Chunk): ChunkResult;
}

export function chunkRunner(data: SchemeData, writePaths: boolean): ChunkRunner {
  const batch: ScenarioBatch = scenarioBatch(buildModel(data));
  const { width } = batch.layout;
  return {
    width,
    run(chunk) {
      const outcomes = new Float64Array(chunk.scenarios.length * width);
      const pathsText: string[] | null = writePaths ? [] : null;
      chunk.scenarios.forEach((scenario, index) => {
        const paths = chunk.paths === null ? batch.pathsOf(scenario) : chunk.paths[index]!;
        batch.run(paths, outcomes.subarray(index * width, (index + 1) * width));
        pathsText?.push(pathsLines(scenario, batch.model.baseYear, paths));
      });
      return { first: chunk.first, outcomes, pathsText };
    },
  };
}
