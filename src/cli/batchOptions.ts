/**
 * The options of commands that run many projections (`sweep`, `sensitivity`
 * and those to come): how many worker threads, and which shard of the batch.
 */
import { UsageError } from './errors.js';
import type { Shard } from './sweep/sweepTable.js';

/** `--jobs N`: a whole number >= 1. */
export function parseJobs(text: string): number {
  const jobs = Number(text);
  if (!/^\d+$/.test(text.trim()) || jobs < 1) throw new UsageError(`--jobs "${text}": expected a whole number >= 1`);
  return jobs;
}

/** `--shard I/N`: 1 <= I <= N. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard "${text}": expected I/N with 1 <= I <= N, e.g. --shard 2/8 for the second of eight shards`);
  }
  return { index, count };
}
