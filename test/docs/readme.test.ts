/**
 * The README's console examples are real: each `$ npx sipro …` line is run
 * with the built CLI (through `sh`, so `; echo "exit $?"` works), and what
 * the README shows under it must be what the command prints — stdout and
 * stderr in the order written, colour off, as on a CI log. A README
 * example that falls behind the code fails here rather than misleading a
 * reader.
 *
 * What is normalised: the run's own folder reads `/home/you/sipro`, elapsed
 * times and thread counts read `<time>` and `<threads>`, and the progress
 * lines printed every few seconds (which depend on the machine's speed) are
 * dropped. The commands of one block share a working folder, in order, so
 * a block can be a small session (project, then report the folder).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../e2e/spawn.js';
import { blockFolder, consoleBlocks, normalise, notPrinted, runShell, type Setups, timing, withBuiltCli } from './consoleExamples.js';

/**
 * Examples whose block shows part of the output, by the start of their
 * command: their lines must appear in the output in order, others may lie
 * between them.
 */
const EXCERPTS: Record<string, string> = {
  'npx sipro subsidy fixtures/demo': 'the README says "(excerpt)": two of six entrant rows, one of four matching shares',
  'npx sipro project fixtures/demo --out results/demo --xlsx': 'the block is about the report; the projection summary is shown above',
};

/** Folders an example's text says it starts from, made before its block runs. */
const SETUPS: Setups = {
  // "A copy of fixtures/minimal with two faults (a retirement age of 200 and a negative head count)".
  'my-scheme': async (block) => {
    const folder = join(block, 'my-scheme');
    await cp(join(REPO, 'fixtures', 'minimal'), folder, { recursive: true });
    const scheme = join(folder, 'scheme.yaml');
    await writeFile(scheme, (await readFile(scheme, 'utf8')).replace('retirement_age: {F: 60, M: 62}', 'retirement_age: {F: 60, M: 200}'));
    const population = join(folder, 'population.csv');
    await writeFile(population, (await readFile(population, 'utf8')).replace('traders,M,45,inactive,40,', 'traders,M,45,inactive,-4,'));
  },
};

const readme = await readFile(join(REPO, 'README.md'), 'utf8');
const blocks = consoleBlocks(readme);

describe('README console examples', () => {
  let scratch: string;
  beforeAll(async () => { scratch = await mkdtemp(join(tmpdir(), 'sipro-readme-')); });
  afterAll(async () => { await rm(scratch, { recursive: true, force: true }); });

  it('has the examples this test is meant to check', () => {
    const commands = blocks.flat().map((example) => example.command.split(' ').slice(0, 3).join(' '));
    for (const expected of ['npx sipro project', 'npx sipro validate', 'npx sipro subsidy', 'npx sipro solve', 'npx sipro compare', 'npx sipro simulate', 'npx sipro sweep', 'npx sipro report']) {
      expect(commands).toContain(expected);
    }
  });

  it.each(blocks.map((examples, index) => [examples.map((example) => example.command.split(/;|  #/)[0]).join(' && '), index] as const))(
    '%s',
    { timeout: 180_000 },
    async (_title, index) => {
      const folder = await blockFolder(scratch, index, blocks[index]!, SETUPS);
      for (const example of blocks[index]!) {
        const printed = normalise(await runShell(withBuiltCli(example.command), folder), folder, '/home/you/sipro');
        while (printed.at(-1) === '') printed.pop();
        const shown = example.shown.map(timing);
        const excerpt = Object.keys(EXCERPTS).find((start) => example.command.startsWith(start));
        if (excerpt === undefined) {
          expect(printed, example.command).toEqual(shown);
        } else {
          expect(notPrinted(shown, printed), `${example.command}: README lines not printed, in this order`).toEqual([]);
        }
      }
    },
  );
});

