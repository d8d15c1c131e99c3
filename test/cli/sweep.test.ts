/**
 * `sipro sweep`: one row per scenario in scenario order, each equal to
 * `sipro project --set … --json` run alone; a failed scenario reported in
 * its row without stopping the others; worker threads giving the same bytes
 * as the main thread.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/cli/commands/sweep.js';
import type { ScenarioResult } from '../../src/cli/sweep/runScenario.js';
import { fixture, runSipro, scratchFolder } from './helpers.js';
import { asCell, csvRows, spawnSipro } from './sweepSupport.js';

const MINIMAL = fixture('minimal');
const GRID = ['--grid', 'contributions.rate=0.08:0.12:0.04', '--grid', 'groups.traders.compliance=0.6,1.5,1'];

interface Indicators {
  gap: number | null;
  effective_rate: number | null;
  actuarial_balance: number | null;
  depletion_year: number | null;
  first_deficit_year: number | null;
}

async function sweep(args: readonly string[], run = runSipro) {
  const out = join(await scratchFolder(), 'sweep');
  const result = await run(['sweep', MINIMAL, '--out', out, ...args]);
  return { ...result, out };
}

describe('sipro sweep --grid', () => {
  it('writes one row per scenario, in order, each equal to project --set run alone; a failed scenario does not stop the others', async () => {
    const { code, stderr, out } = await sweep([...GRID, '--jobs', '1']);
    expect(code).toBe(3); // two scenarios have an invalid compliance
    const rows = await csvRows(out);
    expect(Object.keys(rows[0]!)).toEqual([
      'scenario', 'contributions.rate', 'groups.traders.compliance', 'gap', 'effective_rate', 'actuarial_balance',
      'depletion_year', 'first_deficit_year', 'assertions_passed', 'assertions_failed', 'failed_assertions', 'error',
    ]);
    // The cartesian product, first --grid slowest.
    expect(rows.map((row) => [row['scenario'], row['contributions.rate'], row['groups.traders.compliance']])).toEqual([
      ['s001', '0.08', '0.6'], ['s002', '0.08', '1.5'], ['s003', '0.08', '1'],
      ['s004', '0.12', '0.6'], ['s005', '0.12', '1.5'], ['s006', '0.12', '1'],
    ]);
    for (const row of rows) {
      const alone = await runSipro(['project', MINIMAL, '--out', join(out, '..', `alone-${row['scenario']}`), '--quiet', '--json',
        '--set', `contributions.rate=${row['contributions.rate']}`, '--set', `groups.traders.compliance=${row['groups.traders.compliance']}`]);
      if (row['groups.traders.compliance'] === '1.5') {
        expect(alone.code).toBe(3);
        // A text cell starting with "-" gets a leading "'" (CSV injection, writeCsv.ts).
        expect(row['error']).toBe('\'--set: groups.traders.compliance "1.5" must be a number <= 1');
        expect(row['gap']).toBe('');
        expect(stderr).toContain(`error: scenario ${row['scenario']}: --set: groups.traders.compliance "1.5" must be a number <= 1\n`);
        continue;
      }
      expect(alone.code).toBe(0);
      const json = JSON.parse(alone.stdout) as Indicators;
      expect(row).toMatchObject({
        gap: asCell(json.gap),
        effective_rate: asCell(json.effective_rate),
        actuarial_balance: asCell(json.actuarial_balance),
        depletion_year: asCell(json.depletion_year),
        first_deficit_year: asCell(json.first_deficit_year),
        assertions_passed: '0',
        assertions_failed: '0',
        error: '',
      });
    }
  });

  it('prints the rows with --json and records the sweep in sweep.json', async () => {
    const { code, stdout, out } = await sweep(['--grid', 'contributions.rate=0.08,0.1', '--jobs', '1', '--json', '--quiet']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { output: string; scenarios: number; shard: null; errors: number; assertions_failed: number; rows: Record<string, unknown>[] };
    expect(json).toMatchObject({ output: out, scenarios: 2, shard: null, errors: 0, assertions_failed: 0 });
    expect(json.rows.map((row) => row['contributions.rate'])).toEqual([0.08, 0.1]);
    expect(typeof json.rows[0]!['gap']).toBe('number');
    const record = JSON.parse(await readFile(join(out, 'sweep.json'), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ format: 'sipro-sweep', scenarios: 2, scenario_names: ['s001', 's002'], shard: null, source: { scenarios_file: null, grid: ['contributions.rate=0.08,0.1'] } });
  });

  it('--set applies to every scenario; a grid value overrides it', async () => {
    const withSet = await sweep(['--grid', 'contributions.rate=0.08', '--set', 'groups.traders.compliance=0.6', '--jobs', '1']);
    const asGrid = await sweep(['--grid', 'contributions.rate=0.08', '--grid', 'groups.traders.compliance=0.6', '--jobs', '1']);
    expect((await csvRows(withSet.out))[0]!['gap']).toBe((await csvRows(asGrid.out))[0]!['gap']);
  });

  it('checks --assert in every scenario: exit 0 by default, 4 with --fail-on-assert', async () => {
    const args = ['--grid', 'contributions.rate=0.02,0.2', '--assert', 'effective_rate >= 0.1', '--assert', 'gap > 0', '--jobs', '1', '--quiet'];
    const explore = await sweep(args);
    expect(explore.code).toBe(0);
    const rows = await csvRows(explore.out);
    const failedIn = rows.filter((row) => row['assertions_failed'] !== '0').map((row) => row['scenario']);
    expect(failedIn.length).toBeGreaterThan(0);
    for (const row of rows) {
      const holds = Number(row['effective_rate']) >= 0.1;
      expect(row['assertions_failed']).toBe(holds ? '0' : '1');
      expect(row['assertions_passed']).toBe(holds ? '2' : '1');
      expect(row['failed_assertions']).toBe(holds ? '' : 'effective_rate >= 0.1');
    }
    const gate = await sweep([...args, '--fail-on-assert']);
    expect(gate.code).toBe(4);
  });

  it('--keep-outputs writes each scenario\'s outputs, the same as project --set; entrants.csv only with --entrants', async () => {
    const { code, out } = await sweep(['--grid', 'contributions.rate=0.08,0.1', '--keep-outputs', '--jobs', '1', '--quiet']);
    expect(code).toBe(0);
    expect(await readdir(join(out, 'scenarios'))).toEqual(['s001', 's002']);
    expect((await readdir(join(out, 'scenarios', 's001'))).sort()).toEqual(['by_group.csv', 'projection.csv', 'scaled_premium.csv', 'subsidy.csv', 'summary.json']);
    const alone = join(out, '..', 'alone');
    expect((await runSipro(['project', MINIMAL, '--out', alone, '--quiet', '--set', 'contributions.rate=0.08'])).code).toBe(0);
    for (const file of ['projection.csv', 'by_group.csv', 'subsidy.csv']) {
      expect(await readFile(join(out, 'scenarios', 's001', file), 'utf8')).toBe(await readFile(join(alone, file), 'utf8'));
    }
    const summary = JSON.parse(await readFile(join(out, 'scenarios', 's001', 'summary.json'), 'utf8')) as { run: { overrides: unknown } };
    expect(summary.run.overrides).toEqual([{ path: 'contributions.rate', value: 0.08 }]);
    const withEntrants = await sweep(['--grid', 'contributions.rate=0.08', '--keep-outputs', '--entrants', '--jobs', '1', '--quiet']);
    expect(await readFile(join(withEntrants.out, 'scenarios', 's001', 'entrants.csv'), 'utf8')).toBe(await readFile(join(alone, 'entrants.csv'), 'utf8'));
  });

  it('draws a progress bar on stderr only on a terminal', async () => {
    const piped = await sweep(['--grid', 'contributions.rate=0.08,0.1', '--jobs', '1']);
    expect(piped.stderr).not.toContain('\r');
    const out = join(await scratchFolder(), 'sweep');
    const tty = await runSipro(['sweep', MINIMAL, '--out', out, '--grid', 'contributions.rate=0.08,0.1', '--jobs', '1'], { tty: true, env: { NO_COLOR: '1' } });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('] 2/2 scenarios');
  });
});

describe('sipro sweep --scenarios FILE', () => {
  it('runs the rows in file order; an empty cell keeps the scheme\'s value; values are YAML', async () => {
    const folder = await scratchFolder();
    await writeFile(join(folder, 'scenarios.csv'), [
      '# low and high rates',
      'scenario,contributions.rate,contributions.ceiling,subsidy.entry_ages',
      'high,0.14,,',
      'low,0.06,null,"[20,30]"',
      'base,,,',
      '',
    ].join('\n'));
    const out = join(folder, 'out');
    const { code, stderr } = await runSipro(['sweep', MINIMAL, '--scenarios', 'scenarios.csv', '--out', out, '--jobs', '1', '--quiet'], { cwd: folder });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = await csvRows(out);
    expect(rows.map((row) => [row['scenario'], row['contributions.rate'], row['contributions.ceiling'], row['subsidy.entry_ages']]))
      .toEqual([['high', '0.14', '', ''], ['low', '0.06', 'null', '[20,30]'], ['base', '', '', '']]);
    const base = JSON.parse((await runSipro(['project', MINIMAL, '--out', join(folder, 'base'), '--json', '--quiet'])).stdout) as Indicators;
    expect(rows[2]!['gap']).toBe(String(base.gap));
    const low = JSON.parse((await runSipro(['project', MINIMAL, '--out', join(folder, 'low'), '--json', '--quiet',
      '--set', 'contributions.rate=0.06', '--set', 'contributions.ceiling=null', '--set', 'subsidy.entry_ages=[20,30]'])).stdout) as Indicators;
    expect(rows[1]!['effective_rate']).toBe(String(low.effective_rate));
    const record = JSON.parse(await readFile(join(out, 'sweep.json'), 'utf8')) as { source: { scenarios_file: { file: string; sha256: string } } };
    expect(record.source.scenarios_file.file).toBe('scenarios.csv');
    expect(record.source.scenarios_file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports every problem of the file with its line (exit 3, nothing written)', async () => {
    const folder = await scratchFolder();
    await writeFile(join(folder, 'bad.csv'), 'scenario,contributions.rate,groups..x\na,0.1,1\na,[0.1,2\n"b c",0.1,1\n');
    const out = join(folder, 'out');
    const { code, stderr } = await runSipro(['sweep', MINIMAL, '--scenarios', 'bad.csv', '--out', out], { cwd: folder });
    expect(code).toBe(3);
    expect(stderr).toContain('bad.csv:1: column path "groups..x" must be field names joined by dots, e.g. contributions.rate');
    expect(stderr).toContain('bad.csv:3: scenario "a" appears twice (first on line 2): names must be unique');
    expect(stderr).toContain('bad.csv:3: contributions.rate value "[0.1" is not a YAML value');
    expect(stderr).toContain('bad.csv:4: scenario name "b c" must be letters, digits, _ . + or - (it names a folder with --keep-outputs)');
    await expect(readdir(out)).rejects.toThrow();
  });
});

describe('sipro sweep usage', () => {
  it.each([
    [[], 'name the scenarios: --scenarios FILE (a CSV) or one --grid path=values per field to vary'],
    [['--grid', 'contributions.rate=0.1', '--scenarios', 'x.csv'], 'give either --scenarios FILE or --grid options, not both'],
    [['--grid', 'contributions.rate'], '--grid "contributions.rate": expected path=v1,v2,… or path=from:to:step, e.g. contributions.rate=0.08:0.14:0.02'],
    [['--grid', 'contributions.rate=0.1', '--grid', 'contributions.rate=0.2'], '--grid names contributions.rate twice: give all its values in one --grid'],
    [['--grid', 'contributions.rate=0.1', '--jobs', '0'], '--jobs "0": expected a whole number >= 1'],
    [['--grid', 'contributions.rate=0.1', '--shard', '3/2'], '--shard "3/2": expected I/N with 1 <= I <= N, e.g. --shard 2/8 for the second of eight shards'],
    [['--grid', 'contributions.rate=0.1', '--entrants'], '--entrants only matters with --keep-outputs (entrants.csv is written to each scenario\'s folder)'],
    [['--grid', 'contributions.rate=0.1', '--assert', 'gap <== 1'], '--assert "gap <== 1": unexpected "=" at column 7: expected a number'],
  ])('%j is a usage error', async (args, message) => {
    const { code, stderr } = await sweep(args);
    expect(code).toBe(2);
    expect(stderr).toBe(`sipro: ${message}\n(run with --help for usage)\n`);
  });

  it('an invalid base scheme is invalid input (exit 3) before any scenario runs', async () => {
    const { code, stderr } = await sweep(['--grid', 'contributions.rate=0.1', '--set', 'projection.horizon=0']);
    expect(code).toBe(3);
    expect(stderr).toContain('--set: projection.horizon "0" must be a number >= 1');
  });
});

describe('sipro sweep on worker threads (spawned: needs npm run build)', () => {
  it('--jobs 2 writes the same sweep.csv as --jobs 1 in the main thread, byte for byte', async () => {
    const grid = ['--grid', 'contributions.rate=0.06:0.14:0.02', '--grid', 'groups.traders.compliance=0.6,1.5', '--assert', 'gap > 0.035'];
    const inProcess = await sweep([...grid, '--jobs', '1', '--quiet']);
    const workers = await sweep([...grid, '--jobs', '2', '--quiet'], spawnSipro);
    expect(workers.code).toBe(3);
    expect(workers.stderr).toContain('error: scenario s002: --set: groups.traders.compliance "1.5" must be a number <= 1');
    const one = await readFile(join(inProcess.out, 'sweep.csv'), 'utf8');
    const two = await readFile(join(workers.out, 'sweep.csv'), 'utf8');
    expect(two).toBe(one);
    expect(one.split('\n').length).toBe(12); // header, 10 rows, final newline
  });
});

describe('the exit code of a sweep', () => {
  const ok: ScenarioResult = { indicators: null, assertions: [{ assertion: 'gap > 0', passed: true, failures: [] }], error: null, internal: false };
  const failedGate: ScenarioResult = { ...ok, assertions: [{ assertion: 'gap > 1', passed: false, failures: [{ value: 0.1 }] }] };
  const invalid: ScenarioResult = { indicators: null, assertions: [], error: '--set: x must be a number', internal: false };
  const bug: ScenarioResult = { indicators: null, assertions: [], error: 'internal error: boom', internal: true };
  it.each([
    ['every scenario projected', [ok, ok], false, 0],
    ['a failed assertion, exploring', [ok, failedGate], false, 0],
    ['a failed assertion with --fail-on-assert', [ok, failedGate], true, 4],
    ['a scenario that could not be projected', [failedGate, invalid], true, 3],
    ['a bug in sipro', [invalid, bug], true, 1],
  ])('%s', (_, results, failOnAssert, code) => {
    expect(exitCodeOf(results, failOnAssert)).toBe(code);
  });
});

describe('sipro sweep --json', () => {
  it('writes override values with their types: numbers, booleans, null, maps; no key where a scenario leaves the field', async () => {
    const folder = await scratchFolder();
    await writeFile(join(folder, 'scenarios.csv'), [
      'scenario,contributions.rate,contributions.ceiling,assumptions.wage_growth,groups.traders.compliance',
      'plain,0.12,null,"{2025: 0.03, 2030: 0.02}",',
      'typed,,3000,0.04,true',
      '',
    ].join('\n'));
    const out = join(folder, 'out');
    const { code, stdout } = await runSipro(['sweep', MINIMAL, '--scenarios', 'scenarios.csv', '--out', out, '--jobs', '1', '--quiet', '--json'], { cwd: folder });
    // "typed" sets compliance to true: that scenario cannot be projected (exit 3), and its row says so.
    expect(code).toBe(3);
    const rows = (JSON.parse(stdout) as { rows: Record<string, unknown>[] }).rows;
    expect(rows[0]).toMatchObject({ scenario: 'plain', 'contributions.rate': 0.12, 'contributions.ceiling': null, 'assumptions.wage_growth': { 2025: 0.03, 2030: 0.02 }, error: null });
    expect(rows[0]).not.toHaveProperty('groups.traders.compliance');
    expect(rows[1]).toMatchObject({ scenario: 'typed', 'contributions.ceiling': 3000, 'assumptions.wage_growth': 0.04, 'groups.traders.compliance': true });
    expect(rows[1]).not.toHaveProperty('contributions.rate');
    expect(rows[1]!['error']).toMatch(/groups\.traders\.compliance/);
    // sweep.csv keeps the text as written
    const csv = await readFile(join(out, 'sweep.csv'), 'utf8');
    expect(csv.split('\n')[1]).toMatch(/^plain,0\.12,null,"\{2025: 0\.03, 2030: 0\.02\}",,/);
  });
});
