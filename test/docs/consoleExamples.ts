/**
 * What the documentation's console examples need to be run: the `$ `
 * commands of each ```console block with the lines shown under each, the
 * normalisation of what depends on the machine, and a shell to run them in.
 * The README's test (readme.test.ts) and the guides' (guides.test.ts) share it.
 */
import { execFile } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN, cleanEnv, REPO } from '../e2e/spawn.js';

export interface Example {
  command: string;
  /** The lines shown under the command, trailing blank lines dropped. */
  shown: string[];
}

/**
 * The `$ ` commands of each ```console block and the lines shown under each.
 * A command line that ends with `\` goes on on the next line.
 */
export function consoleBlocks(markdown: string): Example[][] {
  return [...markdown.matchAll(/^```console\n([\s\S]*?)^```/gm)].map(([, body]) => {
    const examples: Example[] = [];
    let continued = false;
    for (const line of body!.replace(/\n$/, '').split('\n')) {
      const last = examples.at(-1);
      if (continued && last !== undefined) last.command += `\n${line}`;
      else if (line.startsWith('$ ')) examples.push({ command: line.slice(2), shown: [] });
      else last?.shown.push(line);
      continued = (line.startsWith('$ ') || continued) && line.endsWith('\\');
    }
    for (const example of examples) while (example.shown.at(-1) === '') example.shown.pop();
    return examples;
  });
}

/** Elapsed time and thread count, which depend on the machine. */
export const timing = (line: string) => line.replace(/ in \d+(\.\d+)? m?s on \d+ threads?/, ' in <time> on <threads>');

/** The output as the documentation shows it: the run's folder as `home`, times and progress lines normalised. */
export function normalise(text: string, folder: string, home: string): string[] {
  return text
    .replaceAll(folder, home)
    .split('\n')
    .filter((line) => !/^\w+: [\d,]+\/[\d,]+ \w+ done/.test(line))
    .map(timing);
}

/** `sipro`, `npx sipro` and `npx --no -- sipro` at the start of a shell command, as the built CLI. */
export const withBuiltCli = (command: string) =>
  command.replace(/(^|\n|; |&& |\|\| |do |\| )(npx (--no -- )?)?sipro /g, `$1"${process.execPath}" "${BIN}" `);

/** Runs shell text in `cwd` without colour; stdout and stderr together, in order. */
export function runShell(script: string, cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', `(\n${script}\n) 2>&1`], { cwd, env: cleanEnv({ NO_COLOR: '1' }), maxBuffer: 1 << 24 }, (_error, stdout) => resolve(stdout));
  });
}

/** The shown lines must all be printed, in this order, others may lie between them; those not printed are returned. */
export function notPrinted(shown: readonly string[], printed: readonly string[]): string[] {
  const missing = [...shown];
  for (const line of printed) if (line === missing[0]) missing.shift();
  return missing;
}

/** What a block's text says it starts from, by a name its commands mention: made in the block's folder. */
export type Setups = Record<string, (blockFolder: string) => Promise<void>>;

/** Block `index`'s working folder under `scratch`: the repository's fixtures linked in, and the setups its commands name. */
export async function blockFolder(scratch: string, index: number, examples: readonly Example[], setups: Setups): Promise<string> {
  const folder = join(scratch, String(index));
  await mkdir(folder);
  await symlink(join(REPO, 'fixtures'), join(folder, 'fixtures'));
  for (const [name, setup] of Object.entries(setups)) {
    if (examples.some((example) => example.command.includes(name))) await setup(folder);
  }
  return folder;
}
