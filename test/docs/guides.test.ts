/**
 * The guides' examples are real, as the README's are (readme.test.ts):
 * docs/ci-and-batch.md's console sessions are run with the built CLI and
 * must print what the guide shows — the commands of one block in one shell,
 * in order (so `echo $?` reads the command before it), in a folder the guide
 * calls /tmp/valuation — and the tables docs/cross-subsidies.md quotes from
 * `sipro subsidy fixtures/demo` must be in what it prints.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../e2e/spawn.js';
import { blockFolder, consoleBlocks, normalise, notPrinted, runShell, type Setups, timing, withBuiltCli } from './consoleExamples.js';

const GUIDE = 'docs/ci-and-batch.md';
const guide = await readFile(join(REPO, GUIDE), 'utf8');
const blocks = consoleBlocks(guide);

/** Examples that show the command only (what it prints is shown elsewhere), by the start of the command. */
const COMMAND_ONLY = ['sipro project fixtures/demo --set contributions.rate=0.12'];

/** Folders and files a block's text says it starts from. */
const SETUPS: Setups = {
  // "the demo with two assertions appended"
  demo2: async (folder) => {
    await cp(join(REPO, 'fixtures', 'demo'), join(folder, 'demo2'), { recursive: true });
    const scheme = join(folder, 'demo2', 'scheme.yaml');
    await writeFile(scheme, `${await readFile(scheme, 'utf8')}\nassertions:\n  - gap <= 0.16\n  - gap <== 1\n`);
  },
  // The guide's own Slurm script, run by hand.
  'sweep-shard.sh': async (folder) => {
    const script = /^```bash\n(#!\/bin\/bash\n# sweep-shard\.sh[\s\S]*?)^```/m.exec(guide)?.[1];
    if (script === undefined) throw new Error(`${GUIDE} no longer shows sweep-shard.sh`);
    await writeFile(join(folder, 'sweep-shard.sh'), withBuiltCli(script));
  },
};

const MARK = '__sipro_guide_example__';

describe(`${GUIDE} console examples`, () => {
  let scratch: string;
  beforeAll(async () => { scratch = await mkdtemp(join(tmpdir(), 'sipro-guide-')); });
  afterAll(async () => { await rm(scratch, { recursive: true, force: true }); });

  it('has the sessions this test is meant to check', () => {
    const commands = blocks.flat().map((example) => example.command);
    for (const expected of ['sipro project', 'sipro validate demo2', 'sipro sweep', 'npx --no -- sipro merge', 'sipro sensitivity']) {
      expect(commands.some((command) => command.startsWith(expected)), expected).toBe(true);
    }
  });

  it.each(blocks.map((examples, index) => [examples.map((example) => example.command.split('\n')[0]).join(' && '), index] as const))(
    '%s',
    { timeout: 180_000 },
    async (_title, index) => {
      const examples = blocks[index]!;
      const folder = await blockFolder(scratch, index, examples, SETUPS);
      // The marker keeps each command's exit status for the next command's `$?`.
      const script = examples.map((example) => `${withBuiltCli(example.command)}\nstatus=$?; echo ${MARK}; (exit $status)`).join('\n');
      const outputs = (await runShell(script, folder)).split(`${MARK}\n`);
      examples.forEach((example, position) => {
        const printed = normalise(outputs[position] ?? '', folder, '/tmp/valuation');
        while (printed.at(-1) === '') printed.pop();
        const shown = example.shown.map(timing);
        if (COMMAND_ONLY.some((start) => example.command.startsWith(start))) {
          expect(printed.filter((line) => line.startsWith('sipro:')), example.command).toEqual([]);
        } else {
          expect(printed, example.command).toEqual(shown);
        }
      });
    },
  );
});

describe('docs/cross-subsidies.md quotes sipro subsidy fixtures/demo', () => {
  it('every table it shows is in what the command prints, line for line', async () => {
    const text = await readFile(join(REPO, 'docs', 'cross-subsidies.md'), 'utf8');
    const tables = [...text.matchAll(/^```\n(┌[\s\S]*?)^```/gm)].map(([, table]) => table!.replace(/\n$/, '').split('\n'));
    expect(tables.length).toBe(2);
    const printed = (await runShell(withBuiltCli('sipro subsidy fixtures/demo'), REPO)).split('\n');
    for (const table of tables) expect(notPrinted(table, printed), table[1]).toEqual([]);
  });
});
