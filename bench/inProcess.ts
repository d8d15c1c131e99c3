/**
 * One release's warm in-process measures, in a process of its own (spawned
 * by bench/run.ts, which alternates the releases process by process):
 * `core`, the stress scheme's projection and entrants.csv; `sweep`, a demo
 * sweep's scenarios. Run alone so that neither release pays for the
 * other's garbage collection or cache: with both loaded in one process,
 * today's sweep scenario measured 18–19 ms against 15.4 ms alone, because
 * 0.1.0's garbage was collected on its time. The sweep has a process of its
 * own, as a sweep's worker does: after the stress scheme's runs in the same
 * process, 4 processes in 10 ran every sweep scenario 15 % slower.
 *
 * Usage: node dist/bench/inProcess.js CHECKOUT old|new core|sweep STRESS_DIR DEMO_DIR ROUNDS
 * Prints one line of JSON: CPU milliseconds `{ project: [...], entrants: [...], sweep: [...] }`.
 */
import { join } from 'node:path';

const [checkout, side, mode, stressFolder, demoFolder, roundsText] = process.argv.slice(2) as [string, 'old' | 'new', 'core' | 'sweep', string, string, string];
const rounds = Number(roundsText);

/** CPU milliseconds of `f`, in this process. */
async function cpuTime(f: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the two releases' modules are loaded by path and differ in shape */
const load = async (path: string): Promise<any> => import(join(checkout, 'dist', 'src', path));
const measures = { project: [] as number[], entrants: [] as number[], sweep: [] as number[] };
if (mode === 'core') {
  const { loadScheme } = await load('io/loadScheme.js');
  const { projectEntrants } = await load('core/entrants.js');
  const core = await load('core/project.js');
  const { data } = await loadScheme(stressFolder);
  const { buildModel } = side === 'new' ? await load('core/model.js') : { buildModel: undefined };
  const projectStress = () => (side === 'new' ? core.projectScheme(data) : core.project(data));
  const entrantsStress = () => (side === 'new' ? projectEntrants(buildModel(data)) : projectEntrants(data));
  // One round to warm up, then `rounds` timed.
  for (let round = 0; round <= rounds; round += 1) {
    const project = await cpuTime(projectStress);
    const entrants = await cpuTime(entrantsStress);
    if (round > 0) { measures.project.push(project); measures.entrants.push(entrants); }
  }
} else {
  const { scenarioRunner } = await load('cli/sweep/runScenario.js');
  const runner = scenarioRunner({ target: demoFolder, baseOverrides: [], assertions: [], entrants: false, keepDir: undefined, argv: [] });
  const scenario = (index: number) => ({ name: `s${index}`, overrides: [{ path: 'contributions.rate', value: 0.08 + (index % 50) * 0.001, text: '' }] });
  // A sweep's scenarios after warm-up: the first 40 warm the JIT, the next 60 are timed one by one.
  for (let index = 0; index < 100; index += 1) {
    const spent = await cpuTime(async () => {
      const result = await runner.run(scenario(index));
      if (result.error !== null) throw new Error(`${side} sweep scenario failed: ${result.error}`);
    });
    if (index >= 40) measures.sweep.push(spent);
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */
process.stdout.write(`${JSON.stringify(measures)}\n`);
