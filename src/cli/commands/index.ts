/**
 * Every sipro command, in the order `sipro --help` lists them, each loaded
 * when a run needs it: `sipro project` evaluates the modules of project and
 * not those of simulate, sweep, report… (~2 ms of every start,
 * bench/RESULTS.md). The bundle keeps a module reached only by import()
 * unevaluated until the call.
 */
import type { CommandFactory } from '../main.js';

export interface CommandEntry {
  /** The command's name, as its factory's Command has it (test/e2e/project.test.ts holds the two together). */
  name: string;
  load(): Promise<CommandFactory>;
}

export const allCommands: readonly CommandEntry[] = [
  { name: 'init', load: async () => (await import('./init.js')).initCommand },
  { name: 'validate', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'project', load: async () => (await import('./project.js')).projectCommand },
  { name: 'subsidy', load: async () => (await import('./subsidy.js')).subsidyCommand },
  { name: 'sweep', load: async () => (await import('./sweep.js')).sweepCommand },
  { name: 'simulate', load: async () => (await import('./simulate.js')).simulateCommand },
  { name: 'merge', load: async () => (await import('./merge.js')).mergeCommand },
  { name: 'sensitivity', load: async () => (await import('./sensitivity.js')).sensitivityCommand },
  { name: 'solve', load: async () => (await import('./solve.js')).solveCommand },
  { name: 'compare', load: async () => (await import('./compare.js')).compareCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'life-table', load: async () => (await import('./lifeTable.js')).lifeTableCommand },
  { name: 'schema', load: async () => (await import('./schema.js')).schemaCommand },
];

/**
 * The commands a command line needs: the one it names, or all of them when
 * it names none (--help, --version, a mistyped name, whose suggestion
 * compares it with every name).
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandFactory[]> {
  const named = allCommands.filter((entry) => entry.name === argv[0]);
  return Promise.all((named.length > 0 ? named : allCommands).map((entry) => entry.load()));
}
