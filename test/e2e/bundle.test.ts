/**
 * The CLI bundle is ASCII. V8 then holds its 1.4 MB of source one byte a
 * character instead of two, and every run reads and scans it faster (about
 * 6 ms of the demo's `project`, bench/RESULTS.md). esbuild escapes
 * non-ASCII characters in strings, but not in the text of a tagged template
 * (html`…`), whose raw form it must keep: write an HTML entity there
 * (`&times;`, `&minus;`) or interpolate a `\u` escape.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fixture, REPO, spawnNode } from './spawn.js';

describe('the CLI bundle', () => {
  it.each(['main.cjs', 'worker.cjs', 'simulateWorker.cjs'])('%s holds only ASCII characters', async (name) => {
    const source = await readFile(join(REPO, 'dist', 'bundle', name), 'utf8');
    const found = [...source.matchAll(/[^\x00-\x7f]/g)].map((match) => `${JSON.stringify(match[0])} in «${source.slice(Math.max(0, match.index - 40), match.index + 10)}»`);
    expect(found).toEqual([]);
  });

  it('compiles no code from text in a run: zod\'s fast path is off in the CLI (src/cli/zodWithoutEval.ts)', async () => {
    const counter = join(import.meta.dirname, 'countFunctionConstructor.cjs');
    const run = await spawnNode(['--require', counter, BIN, 'validate', fixture('demo')], { cwd: REPO });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Function constructed 0 times$/m);
  });
});
