/** loadScheme: a folder or a scheme file into SchemeData, with all problems of all files. */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parse as parseYaml } from 'yaml';
import { loadScheme } from '../../src/io/loadScheme.js';
import { fixture, minimalWith } from '../cli/helpers.js';
import { placed } from '../support/diagnostics.js';

const scratch: string[] = [];
async function copyOfMinimal(): Promise<string> {
  const folder = await minimalWith();
  scratch.push(folder);
  return folder;
}
afterEach(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('loadScheme', () => {
  it('loads fixtures/minimal: every row, line numbers gone, defaults filled in', async () => {
    const { data, diagnostics } = await loadScheme(fixture('minimal'));
    expect(diagnostics).toEqual([]);
    expect(data?.scheme.name).toBe('Minimal test scheme');
    expect(data?.population).toHaveLength(6);
    expect(data?.income).toHaveLength(5);
    expect(data?.mortality).toHaveLength(96);
    expect(data?.rates).toHaveLength(7);
    expect(data?.income[3]).toMatchObject({ group: 'drivers', sex: 'F', age_from: 15, season_1: 1, season_12: 1 });
    expect(data?.population[2]).toEqual({ group: 'traders', sex: 'F', age: 65, status: 'retired', count: 15, credits: 0, earnings: 0, balance: 0, own_balance: 0, foreign_credits: 0, pension_monthly: 80 });
  });

  it('records every input with its absolute path, its name and the SHA-256 of its bytes', async () => {
    const { inputs } = await loadScheme(fixture('minimal'));
    expect(inputs.map((input) => [input.role, input.name])).toEqual([
      ['scheme', 'scheme.yaml'], ['population', 'population.csv'], ['income', 'income.csv'], ['mortality', 'mortality.csv'], ['rates', 'rates.csv'],
    ]);
    for (const input of inputs) {
      expect(input.path).toBe(fixture('minimal', input.name));
      expect(input.sha256).toBe(createHash('sha256').update(await readFile(input.path)).digest('hex'));
    }
  });

  it('accepts a direct path to scheme.yaml', async () => {
    const { data } = await loadScheme(fixture('minimal', 'scheme.yaml'));
    expect(data?.scheme.groups).toHaveProperty('drivers');
  });

  it('reads scheme.json like scheme.yaml', async () => {
    const folder = await copyOfMinimal();
    const document: unknown = parseYaml(await readFile(join(folder, 'scheme.yaml'), 'utf8'));
    await writeFile(join(folder, 'scheme.json'), JSON.stringify(document, null, 2));
    await rm(join(folder, 'scheme.yaml'));
    const { data, diagnostics, inputs } = await loadScheme(folder);
    expect(diagnostics).toEqual([]);
    expect(data?.scheme.name).toBe('Minimal test scheme');
    expect(inputs[0]?.name).toBe('scheme.json');
  });

  it('treats an absent rates.csv as every rate 0 when the scheme does not name it', async () => {
    const folder = await copyOfMinimal();
    await rm(join(folder, 'rates.csv'));
    // without rates, entrants have no entrant_share: give the group none
    const document = parseYaml(await readFile(join(folder, 'scheme.yaml'), 'utf8')) as { groups: { traders: { entrants: { count: number } } } };
    document.groups.traders.entrants.count = 0;
    await writeFile(join(folder, 'scheme.yaml'), stringify(document));
    const { data, diagnostics, inputs } = await loadScheme(folder);
    expect(diagnostics).toEqual([]);
    expect(data?.rates).toEqual([]);
    expect(inputs.map((input) => input.role)).not.toContain('rates');
  });

  it('reads CSVs under the names files: gives, relative to the scheme file', async () => {
    const folder = await copyOfMinimal();
    await rename(join(folder, 'income.csv'), join(folder, 'earnings.csv'));
    const text = await readFile(join(folder, 'scheme.yaml'), 'utf8');
    await writeFile(join(folder, 'scheme.yaml'), text.replace('currency: XOF\n', 'currency: XOF\nfiles: {income: earnings.csv}\n'));
    const { data, inputs } = await loadScheme(folder);
    expect(data?.income).toHaveLength(5);
    expect(inputs.find((input) => input.role === 'income')?.name).toBe('earnings.csv');
  });

  it('names a missing required file and says where the name came from', async () => {
    const folder = await copyOfMinimal();
    await rm(join(folder, 'income.csv'));
    const { data, diagnostics } = await loadScheme(folder);
    expect(data).toBeUndefined();
    expect(placed(diagnostics)).toEqual(['income.csv: does not exist (the default name of the income file; set files.income in scheme.yaml to use another)']);
  });

  it('reports a folder that does not exist, one without a scheme file, and one with two', async () => {
    expect(placed((await loadScheme('no/such/folder')).diagnostics)).toEqual(['no/such/folder: no such folder or file: expected a scheme folder or its scheme.yaml']);
    const folder = await copyOfMinimal();
    await writeFile(join(folder, 'scheme.json'), '{}');
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([`${folder}: holds scheme.yaml and scheme.json: keep only one, so that it is clear which one is read`]);
    await rm(join(folder, 'scheme.yaml'));
    await rm(join(folder, 'scheme.json'));
    expect((await loadScheme(folder)).diagnostics[0]?.message).toMatch(/^holds no scheme.yaml, scheme.yml, scheme.json/);
  });

  it('collects the errors of every file in one run, and still checks the CSVs when scheme.yaml is invalid', async () => {
    const folder = await copyOfMinimal();
    const edit = async (name: string, from: string, to: string) => {
      const text = await readFile(join(folder, name), 'utf8');
      expect(text).toContain(from);
      await writeFile(join(folder, name), text.replace(from, to));
    };
    await edit('scheme.yaml', 'rate: 0.1', 'rate: 1.1');
    await edit('population.csv', 'traders,F,30,active,120', 'traders,F,30,active,-3');
    await edit('income.csv', 'drivers,F,15,59', 'drivers,F,15,54');
    await edit('mortality.csv', '*,60,0.014639,', '*,60,-0.1,');
    await edit('rates.csv', '*,*,50,', 'artisans,*,50,');
    const { data, diagnostics } = await loadScheme(folder);
    expect(data).toBeUndefined();
    expect(placed(diagnostics)).toEqual([
      'scheme.yaml:12: contributions.rate "1.1" must be a number <= 1',
      'population.csv:2: count "-3" must be a number >= 0',
      'mortality.csv:48: qx "-0.1" must be a probability in [0, 1]',
      'income.csv: group "drivers" sex F ages 55-59 are not covered by any row',
      'rates.csv:5: group "artisans" is not defined in the scheme (groups: traders, drivers, or * for every group)',
    ]);
  });

  it('gives data with warnings (they do not fail a load)', async () => {
    const folder = await copyOfMinimal();
    const text = await readFile(join(folder, 'scheme.yaml'), 'utf8');
    await writeFile(join(folder, 'scheme.yaml'), text.replace('rate: 0.1', 'rate: 0.6'));
    const { data, diagnostics } = await loadScheme(folder);
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(data?.scheme.contributions.rate).toBe(0.6);
  });

  it('applies --set overrides before validation (the hook for a later issue)', async () => {
    const valid = await loadScheme(fixture('minimal'), { overrides: [{ path: 'benefits.old_age.retirement_age.M', value: 61 }] });
    expect(valid.data?.scheme.benefits.old_age.retirement_age).toEqual({ F: 60, M: 61 });
    const invalid = await loadScheme(fixture('minimal'), { overrides: [{ path: 'benefits.old_age.retirement_age.M', value: 200 }] });
    expect(placed(invalid.diagnostics)).toEqual(['--set: benefits.old_age.retirement_age.M "200" must lie in (min_age 15, max_age 110]']);
  });
});
