/**
 * `sipro project` on two threads gives the bytes of one thread: a part of a
 * scheme (some groups, some entrant lanes) projected apart and put together
 * is the whole scheme's projection, to the last bit (src/cli/parallel).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, withGroups } from '../../src/core/model.js';
import { FLOW_WIDTH, mergeGroupFlows } from '../../src/core/flows.js';
import { project, projectFlows } from '../../src/core/project.js';
import { deterministicScenario } from '../../src/core/scenario.js';
import { entrantLanes, projectEntrants } from '../../src/core/entrants.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import { fixture, runSipro, scratchFolder } from './helpers.js';

describe('a scheme projected in parts', () => {
  it('puts its groups back together into the whole projection, bit for bit, whatever the split', async () => {
    const { data } = await loadScheme(fixture('demo'));
    const model = buildModel(data!);
    const scenario = deterministicScenario(model);
    const whole = project(model, scenario);
    for (const split of [[[0], [1, 2]], [[2, 0], [1]], [[1], [0], [2]]]) {
      const parts = split.map((groups) => ({ groups, flows: projectFlows(withGroups(model, groups), scenario).map((year) => year.slice()) }));
      const merged = mergeGroupFlows(model.groups.length, scenario.years, parts);
      expect(merged.map((year) => [...year])).toEqual(projectFlows(model, scenario).map((year) => [...year]));
      expect(merged[0]!.length).toBe(model.groups.length * 2 * FLOW_WIDTH);
    }
    expect(whole.projection.length).toBe(scenario.years);
  });

  it('gives entrants.csv\'s rows lane by lane: any split of the lanes, concatenated, is the whole', async () => {
    const { data } = await loadScheme(fixture('minimal'));
    const model = buildModel(data!);
    const lanes = entrantLanes(model);
    const whole = projectEntrants(model);
    expect([...projectEntrants(model, lanes.slice(0, 3)), ...projectEntrants(model, lanes.slice(3))]).toEqual(whole);
  });

  it('writes the same files with --jobs 2 (a worker thread) as with --jobs 1', async () => {
    const out = await scratchFolder();
    const one = await runSipro(['project', fixture('demo'), '--out', join(out, 'one'), '--quiet', '--jobs', '1']);
    const two = await runSipro(['project', fixture('demo'), '--out', join(out, 'two'), '--quiet', '--jobs', '2']);
    expect([one.code, two.code, one.stderr, two.stderr]).toEqual([0, 0, '', '']);
    for (const file of ['projection.csv', 'by_group.csv', 'subsidy.csv', 'entrants.csv']) {
      expect(await readFile(join(out, 'two', file), 'utf8')).toBe(await readFile(join(out, 'one', file), 'utf8'));
    }
  }, 60_000);
});
