/**
 * `sipro project` as a user runs it: the real `node bin/sipro.js` (the built
 * bundle) with piped streams, in scratch working folders. Checks the output
 * folder against methodology §7–§9 (column lists written out here from the text,
 * not imported from the code), stream separation, colour, exit codes,
 * byte-for-byte determinism and whole-folder replacement.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { allCommands } from '../../src/cli/commands/index.js';
import { loadScheme } from '../../src/io/loadScheme.js';
import { runSipro } from '../cli/helpers.js';
import { fixture, REPO, spawnSipro, type SpawnResult } from './spawn.js';

// ---- The contract, copied from the methodology -------------------------------------

/** §7 projection.csv. */
const PROJECTION_COLUMNS = [
  'year', 'actives', 'inactives', 'emigrants', 'old_age_pensioners', 'disability_pensioners', 'survivor_pensioners',
  'entrants', 'deaths', 'contributions', 'matching', 'care_credit_contributions', 'investment_income', 'old_age_benefits',
  'disability_benefits', 'survivor_benefits', 'refunds', 'maternity_benefits', 'health_benefits', 'funeral_benefits',
  'administration', 'expenditure', 'reserve_start', 'reserve_end', 'insured_earnings', 'density', 'payg_cost_rate',
  'reserve_ratio', 'support_ratio',
];
/** §7 by_group.csv. */
const BY_GROUP_COLUMNS = [
  'year', 'group', 'sex', 'actives', 'inactives', 'emigrants', 'old_age_pensioners', 'disability_pensioners',
  'survivor_pensioners', 'entrants', 'deaths', 'contributions', 'matching', 'care_credit_contributions',
  'old_age_benefits', 'disability_benefits', 'survivor_benefits', 'refunds', 'maternity_benefits', 'health_benefits',
  'funeral_benefits', 'administration', 'expenditure', 'insured_earnings', 'old_age_awards', 'old_age_award_amount',
];
/** §8 subsidy.csv. */
const SUBSIDY_COLUMNS = [
  'group', 'sex', 'pv_contributions', 'pv_matching', 'pv_care_credit_contributions', 'pv_old_age_benefits',
  'pv_disability_benefits', 'pv_survivor_benefits', 'pv_refunds', 'pv_maternity_benefits', 'pv_health_benefits',
  'pv_funeral_benefits', 'pv_benefits', 'pv_administration', 'net_transfer', 'money_worth',
];
/** §8 entrants.csv: group, sex, entry_age, subsidy.csv's pv_contributions … pv_benefits, net_transfer, money_worth. */
const ENTRANT_COLUMNS = [
  'group', 'sex', 'entry_age', 'pv_contributions', 'pv_matching', 'pv_care_credit_contributions', 'pv_old_age_benefits',
  'pv_disability_benefits', 'pv_survivor_benefits', 'pv_refunds', 'pv_maternity_benefits', 'pv_health_benefits',
  'pv_funeral_benefits', 'pv_benefits', 'net_transfer', 'money_worth',
];
/** §7 summary.json headline indicators. */
const INDICATORS = ['gap', 'effective_rate', 'actuarial_balance', 'depletion_year', 'first_deficit_year', 'gender_pension_gap'];
/** §7 summary.json present_values. */
const PRESENT_VALUES = [
  'pv_expenditure', 'pv_insured_earnings', 'pv_contributions', 'pv_matching', 'pv_care_credit_contributions',
  'pv_contributions_and_matching', 'pv_benefits', 'pv_administration', 'reserve_start', 'discount_factor_T',
  'target_final_reserve',
];
/** §7, §8: the output folder, whole. */
const OUTPUT_FILES = ['by_group.csv', 'entrants.csv', 'projection.csv', 'scaled_premium.csv', 'subsidy.csv', 'summary.json'];

// ---- Helpers -----------------------------------------------------------------

const ESC = '\u001b[';
const SPAWN_TIMEOUT = 30_000;
const VERSION = (JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

interface Summary {
  present_values: Record<string, unknown>;
  run: {
    tool: string;
    version: string;
    command_line: string[];
    inputs: { role: string; file: string; sha256: string }[];
    scheme: Record<string, unknown> & { name: string; groups: Record<string, unknown> };
  };
  [indicator: string]: unknown;
}

const scratch: string[] = [];
async function scratchFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'sipro-e2e-'));
  scratch.push(folder);
  return folder;
}
afterAll(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});

const sorted = (names: readonly string[]) => [...names].sort();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const percent = (value: number) => `${(value * 100).toFixed(2)} %`;

/** The rows of a CSV file as string arrays, header first (a real CSV parser: quoting is not our problem here). */
async function csvRows(path: string): Promise<string[][]> {
  return parseCsv(await readFile(path, 'utf8')) as string[][];
}

/** Every file of a folder, name → bytes. */
async function folderBytes(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of sorted(await readdir(folder))) files.set(name, await readFile(join(folder, name)));
  return files;
}

/** What the scheme file says, read here with the yaml package rather than through sipro. */
interface SchemeYaml {
  name: string;
  projection: { base_year: number; horizon: number };
  groups: Record<string, unknown>;
  files?: unknown;
  assumptions: Record<string, unknown>;
}
async function schemeYaml(name: string): Promise<SchemeYaml> {
  return parseYaml(await readFile(fixture(name, 'scheme.yaml'), 'utf8')) as never;
}

/** A scratch copy of a fixture, as `<scratch>/scheme`. */
async function copyOf(name: string): Promise<string> {
  const folder = join(await scratchFolder(), 'scheme');
  await cp(fixture(name), folder, { recursive: true });
  return folder;
}

/** A scratch copy of a fixture whose `file` has `from` replaced by `to` (which must occur). */
async function brokenCopy(name: string, file: string, from: string, to: string): Promise<string> {
  const folder = await copyOf(name);
  const text = await readFile(join(folder, file), 'utf8');
  expect(text).toContain(from);
  await writeFile(join(folder, file), text.replace(from, to));
  return folder;
}

// ---- A full run, for each fixture --------------------------------------------

describe.each(['demo', 'minimal'])('sipro project fixtures/%s', (name) => {
  // Two runs with the same arguments (an absolute scheme path and the same
  // relative --out) from two working folders: one with NO_COLOR=1, one only
  // piped. Everything below reads run A; the determinism test compares them.
  const argv = ['project', fixture(name), '--out', 'out'];
  let cwdA: string;
  let cwdB: string;
  let runA: SpawnResult;
  let runB: SpawnResult;
  let summary: Summary;
  let yaml: SchemeYaml;
  const out = () => join(cwdA, 'out');

  beforeAll(async () => {
    [cwdA, cwdB, yaml] = await Promise.all([scratchFolder(), scratchFolder(), schemeYaml(name)]);
    [runA, runB] = await Promise.all([
      spawnSipro(argv, { cwd: cwdA, env: { NO_COLOR: '1' } }),
      spawnSipro(argv, { cwd: cwdB }),
    ]);
    expect(runA.stderr).not.toContain('internal error');
    summary = JSON.parse(await readFile(join(out(), 'summary.json'), 'utf8')) as Summary;
  }, SPAWN_TIMEOUT);

  it('exits 0 and leaves exactly the five output files, and no staging folder beside them', async () => {
    expect(runA.code).toBe(0);
    expect(runB.code).toBe(0);
    expect(sorted(await readdir(out()))).toEqual(OUTPUT_FILES);
    expect(await readdir(cwdA)).toEqual(['out']);
  });

  it('projection.csv has the §7 columns and one row a year, t0 … t0+n−1', async () => {
    const [header, ...rows] = await csvRows(join(out(), 'projection.csv'));
    expect(header).toEqual(PROJECTION_COLUMNS);
    const { base_year: t0, horizon: n } = yaml.projection;
    expect(rows.map((row) => Number(row[0]))).toEqual(Array.from({ length: n }, (_, index) => t0 + index));
    for (const row of rows) expect(row).toHaveLength(PROJECTION_COLUMNS.length);
  });

  it('by_group.csv has the §7 columns and one row per year, group and sex', async () => {
    const [header, ...rows] = await csvRows(join(out(), 'by_group.csv'));
    expect(header).toEqual(BY_GROUP_COLUMNS);
    const { base_year: t0, horizon: n } = yaml.projection;
    const expected = Array.from({ length: n }, (_, index) => Object.keys(yaml.groups).flatMap((group) => ['F', 'M'].map((sex) => `${t0 + index},${group},${sex}`))).flat();
    expect(sorted(rows.map((row) => row.slice(0, 3).join(',')))).toEqual(sorted(expected));
    for (const row of rows) expect(row).toHaveLength(BY_GROUP_COLUMNS.length);
  });

  it('subsidy.csv has the §8 columns and one row per group and sex; entrants.csv the §8 columns', async () => {
    const [subsidyHeader, ...subsidyRows] = await csvRows(join(out(), 'subsidy.csv'));
    expect(subsidyHeader).toEqual(SUBSIDY_COLUMNS);
    const expected = Object.keys(yaml.groups).flatMap((group) => [`${group},F`, `${group},M`]);
    expect(sorted(subsidyRows.map((row) => row.slice(0, 2).join(',')))).toEqual(sorted(expected));
    const [entrantHeader, ...entrantRows] = await csvRows(join(out(), 'entrants.csv'));
    expect(entrantHeader).toEqual(ENTRANT_COLUMNS);
    expect(entrantRows.length).toBeGreaterThan(0);
    for (const row of entrantRows) expect(row).toHaveLength(ENTRANT_COLUMNS.length);
  });

  it('summary.json has the §7 indicators and present values, and a run record', () => {
    // `assertions` (the --assert gates' outcomes) is not in methodology §7 yet: none were asked for here.
    expect(sorted(Object.keys(summary))).toEqual(sorted([...INDICATORS, 'present_values', 'assertions', 'run']));
    expect(summary['assertions']).toEqual([]);
    expect(sorted(Object.keys(summary.present_values))).toEqual(sorted(PRESENT_VALUES));
    for (const value of Object.values(summary.present_values)) expect(Number.isFinite(value)).toBe(true);
    for (const key of ['gap', 'effective_rate', 'actuarial_balance']) expect(Number.isFinite(summary[key])).toBe(true);
    expect(summary.run.tool).toBe('sipro');
    expect(summary.run.version).toBe(VERSION);
    expect(summary.run.command_line).toEqual(['sipro', ...argv]);
  });

  it('the run record holds the SHA-256 of every input file, computed here from the files', async () => {
    const files = ['scheme.yaml', 'population.csv', 'income.csv', 'mortality.csv', 'rates.csv'];
    const expected = await Promise.all(files.map(async (file) => ({ file, sha256: sha256(await readFile(fixture(name, file))) })));
    expect(summary.run.inputs.map(({ file, sha256: hash }) => ({ file, sha256: hash }))).toEqual(expected);
    expect(summary.run.inputs.map((input) => input.role)).toEqual(['scheme', 'population', 'income', 'mortality', 'rates']);
  });

  it('the run record holds the resolved scheme: the one the library loads, defaults filled in', async () => {
    const loaded = await loadScheme(fixture(name));
    expect(summary.run.scheme).toEqual(JSON.parse(JSON.stringify(loaded.data?.scheme)));
    expect(summary.run.scheme.name).toBe(yaml.name);
    // Defaults the file may leave out (methodology §2) are written in full;
    // fixtures/minimal leaves out `files:` and the discount rate.
    if (name === 'minimal') {
      expect(yaml.files).toBeUndefined();
      expect(yaml.assumptions).not.toHaveProperty('discount_rate');
    }
    expect(summary.run.scheme['files']).toEqual({ population: 'population.csv', income: 'income.csv', mortality: 'mortality.csv', rates: 'rates.csv' });
    expect(summary.run.scheme['assumptions']).toMatchObject({ discount_rate: null });
  });

  it('stdout holds the terminal summary (headline and table of years), no warnings; stderr only messages', () => {
    const gap = summary['gap'] as number;
    const { base_year: t0, horizon: n } = yaml.projection;
    expect(runA.stdout).toContain(`GAP (general average premium)  ${percent(gap)}`);
    expect(runA.stdout).toContain(`Effective contribution rate    ${percent(summary['effective_rate'] as number)}`);
    const tableRowYears = runA.stdout.split('\n')
      .map((line) => /^[^0-9A-Za-z]*(\d{4}) /.exec(line)?.[1]).filter((year) => year !== undefined).map(Number);
    expect(tableRowYears[0]).toBe(t0);
    expect(tableRowYears.at(-1)).toBe(t0 + n - 1);
    expect(runA.stdout).not.toMatch(/warning/i);
    // stderr: the depletion and deficit warnings that summary.json implies, then where the files went.
    const warnings = [
      ...(summary['depletion_year'] === null ? [] : [`warning: the reserve is depleted in ${summary['depletion_year']} (reserve_end < 0).`]),
      ...(summary['first_deficit_year'] === null ? [] : [`warning: contribution income (contributions, matching, care-credit contributions) falls short of expenditure from ${summary['first_deficit_year']}.`]),
    ];
    if (name === 'demo') expect(warnings).toHaveLength(2); // the demo scheme depletes: the warnings path is exercised
    expect(runA.stderr).toBe([...warnings, `Wrote projection.csv, by_group.csv, subsidy.csv, entrants.csv, scaled_premium.csv, summary.json to ${out()}`, ''].join('\n'));
  });

  it('writes no escape code anywhere when piped, with or without NO_COLOR', async () => {
    for (const run of [runA, runB]) {
      expect(run.stdout).not.toContain(ESC);
      expect(run.stderr).not.toContain(ESC);
    }
    for (const bytes of (await folderBytes(out())).values()) expect(bytes.toString('utf8')).not.toContain(ESC);
  });

  it('is deterministic: the same inputs give byte-identical files (summary.json included) and terminal output', async () => {
    const [a, b] = await Promise.all([folderBytes(out()), folderBytes(join(cwdB, 'out'))]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)?.equals(bytes), file).toBe(true);
    const summaryText = a.get('summary.json')!.toString('utf8');
    // Neither working folder leaks in (the scheme path, absolute, is the same for both).
    expect(summaryText).not.toContain(cwdA);
    expect(summaryText).not.toContain(cwdB);
    expect(runB.stdout).toBe(runA.stdout);
  });
});

// ---- Output modes ------------------------------------------------------------

describe('sipro project output modes', () => {
  it('--json prints only JSON on stdout: the indicators, the output folder and the run record', async () => {
    const cwd = await scratchFolder();
    const run = await spawnSipro(['project', fixture('minimal'), '--out', 'out', '--json'], { cwd });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    const summary = JSON.parse(await readFile(join(cwd, 'out', 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(sorted(Object.keys(printed))).toEqual(sorted([...INDICATORS, 'present_values', 'assertions', 'output', 'run']));
    expect({ ...printed, output: undefined }).toEqual({ ...summary, output: undefined });
    expect(printed['output']).toBe(join(cwd, 'out'));
    expect(run.stderr).not.toContain('GAP');
    expect(run.stderr).toBe(`Wrote projection.csv, by_group.csv, subsidy.csv, entrants.csv, scaled_premium.csv, summary.json to ${join(cwd, 'out')}\n`);
  }, SPAWN_TIMEOUT);

  it('--quiet prints nothing, not even the demo\'s depletion warnings, and still writes the folder', async () => {
    const cwd = await scratchFolder();
    const run = await spawnSipro(['project', fixture('demo'), '--out', 'out', '--quiet'], { cwd });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(sorted(await readdir(join(cwd, 'out')))).toEqual(OUTPUT_FILES);
  }, SPAWN_TIMEOUT);

  it('FORCE_COLOR=1 colours both streams even when piped; NO_COLOR=1 wins over it', async () => {
    const [cwdForced, cwdBoth] = await Promise.all([scratchFolder(), scratchFolder()]);
    const [forced, both] = await Promise.all([
      spawnSipro(['project', fixture('demo'), '--out', 'out'], { cwd: cwdForced, env: { FORCE_COLOR: '1' } }),
      spawnSipro(['project', fixture('demo'), '--out', 'out'], { cwd: cwdBoth, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }),
    ]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(ESC);
    expect(forced.stderr).toContain(`${ESC}31mwarning: the reserve is depleted`);
    expect(both.code).toBe(0);
    expect(both.stdout + both.stderr).not.toContain(ESC);
    // Colour is for the terminal only: the files are the same bytes either way.
    const [filesForced, filesBoth] = await Promise.all([folderBytes(join(cwdForced, 'out')), folderBytes(join(cwdBoth, 'out'))]);
    for (const [file, bytes] of filesForced) expect(filesBoth.get(file)?.equals(bytes), file).toBe(true);
  }, SPAWN_TIMEOUT);

  it('on a terminal, colour is on unless NO_COLOR is set (in-process, with TTY streams)', async () => {
    const cwd = await scratchFolder();
    const [coloured, plain] = await Promise.all([
      runSipro(['project', fixture('minimal'), '--out', 'coloured'], { cwd, tty: true, env: {} }),
      runSipro(['project', fixture('minimal'), '--out', 'plain'], { cwd, tty: true, env: { NO_COLOR: '1' } }),
    ]);
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain(ESC);
    expect(plain.code).toBe(0);
    expect(plain.stdout + plain.stderr).not.toContain(ESC);
  });
});

// ---- Never half a folder -------------------------------------------------------

describe('sipro project output folder', () => {
  it('refuses an existing --out without --force: exit 2, the folder untouched', async () => {
    const cwd = await scratchFolder();
    await mkdir(join(cwd, 'out'));
    await writeFile(join(cwd, 'out', 'keep.txt'), 'results of last week\n');
    const run = await spawnSipro(['project', fixture('minimal'), '--out', 'out'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`the output folder ${join(cwd, 'out')} exists: pass --force`);
    expect(await readdir(join(cwd, 'out'))).toEqual(['keep.txt']);
    expect(await readFile(join(cwd, 'out', 'keep.txt'), 'utf8')).toBe('results of last week\n');
    expect(await readdir(cwd)).toEqual(['out']);
  }, SPAWN_TIMEOUT);

  it('with --force replaces the folder whole: a stray file from before is gone, nothing is left beside it', async () => {
    const cwd = await scratchFolder();
    await mkdir(join(cwd, 'out'));
    await writeFile(join(cwd, 'out', 'stray.txt'), 'from an older run\n');
    await writeFile(join(cwd, 'out', 'projection.csv'), 'stale\n');
    const run = await spawnSipro(['project', fixture('minimal'), '--out', 'out', '--force', '--quiet'], { cwd });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(sorted(await readdir(join(cwd, 'out')))).toEqual(OUTPUT_FILES);
    expect(await readFile(join(cwd, 'out', 'projection.csv'), 'utf8')).toMatch(/^year,actives,/);
    expect(await readdir(cwd)).toEqual(['out']);
  }, SPAWN_TIMEOUT);

  it('invalid input: exit 3, file:line on stderr, stdout empty, nothing created or replaced (even with --force)', async () => {
    // Line 5 of population.csv is `drivers,M,25,active,200,…`: letter O for zero in the count.
    const scheme = await brokenCopy('minimal', 'population.csv', 'drivers,M,25,active,200,', 'drivers,M,25,active,2OO,');
    const cwd = await scratchFolder();
    await mkdir(join(cwd, 'kept'));
    await writeFile(join(cwd, 'kept', 'keep.txt'), 'results of last week\n');
    const [fresh, forced] = await Promise.all([
      spawnSipro(['project', scheme, '--out', 'new/out'], { cwd }),
      spawnSipro(['project', scheme, '--out', 'kept', '--force'], { cwd }),
    ]);
    for (const run of [fresh, forced]) {
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^population\.csv:5: count "2OO" /m);
      expect(run.stderr).not.toContain('Wrote');
    }
    expect(existsSync(join(cwd, 'new'))).toBe(false);
    expect(await readdir(join(cwd, 'kept'))).toEqual(['keep.txt']);
    expect(await readdir(cwd)).toEqual(['kept']);
  }, SPAWN_TIMEOUT);

  // An unusable --out is the user's environment, not a bug: a plain message
  // naming the path (exit 2), never "internal error … please report".
  it('an --out under a regular file is a usage error naming the path, not an internal error', async () => {
    const cwd = await scratchFolder();
    await writeFile(join(cwd, 'notes.txt'), 'a file, not a folder\n');
    const run = await spawnSipro(['project', fixture('minimal'), '--out', 'notes.txt/out'], { cwd });
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toContain(join(cwd, 'notes.txt'));
    expect(run.code).toBe(2);
  }, SPAWN_TIMEOUT);

  // --force replaces whatever --out names, so it must refuse a folder that
  // holds the inputs or the working directory, and a regular file.
  it('--force refuses to replace the scheme\'s own folder: exit 2, the inputs untouched', async () => {
    const scheme = await copyOf('minimal');
    const before = await folderBytes(scheme);
    const run = await spawnSipro(['project', 'scheme', '--out', 'scheme', '--force', '--quiet'], { cwd: join(scheme, '..') });
    expect(await folderBytes(scheme)).toEqual(before);
    expect(run.code).toBe(2);
  }, SPAWN_TIMEOUT);

  it('--force refuses to turn a regular file into a folder: exit 2, the file untouched', async () => {
    const cwd = await scratchFolder();
    await writeFile(join(cwd, 'keep.txt'), 'keep\n');
    const run = await spawnSipro(['project', fixture('minimal'), '--out', 'keep.txt', '--force', '--quiet'], { cwd });
    expect(await readFile(join(cwd, 'keep.txt'), 'utf8')).toBe('keep\n');
    expect(run.stderr).toContain('is a file, not a folder');
    expect(run.code).toBe(2);
  }, SPAWN_TIMEOUT);

  it('--force refuses to replace the working folder: exit 2, its files untouched', async () => {
    const cwd = await scratchFolder();
    await writeFile(join(cwd, 'thesis.txt'), 'two years of work\n');
    const run = await spawnSipro(['project', fixture('minimal'), '--out', '.', '--force', '--quiet'], { cwd });
    expect(await readdir(cwd)).toEqual(['thesis.txt']);
    expect(run.code).toBe(2);
  }, SPAWN_TIMEOUT);
});

// ---- Exit codes and the command line itself ----------------------------------

describe('sipro command line', () => {
  it.each([
    ['an unknown option', ['project', fixture('minimal'), '--bogus']],
    ['a missing argument', ['project']],
    ['a missing option value', ['project', fixture('minimal'), '--out']],
    ['an unknown command', ['frobnicate']],
  ])('%s is a usage error: exit 2, a message on stderr, nothing on stdout or disk', async (_, argv) => {
    const cwd = await scratchFolder();
    const run = await spawnSipro(argv, { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: /m);
    expect(await readdir(cwd)).toEqual([]);
  }, SPAWN_TIMEOUT);

  it('--version prints package.json\'s version', async () => {
    const run = await spawnSipro(['--version'], { cwd: REPO });
    expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help lists every command, and only those', async () => {
    const run = await spawnSipro(['--help'], { cwd: REPO });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const section = run.stdout.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
    const listed = section.split('\n').map((line) => /^ {2}(\S+)/.exec(line)?.[1]).filter((command) => command !== undefined);
    const context = { io: { stdout: { write: () => true }, stderr: { write: () => true }, stdoutIsTty: false, stderrIsTty: false, env: {}, cwd: REPO }, argv: [], exit: () => {} };
    const registered = await Promise.all(allCommands.map(async (entry) => (await entry.load())(context).name()));
    // Each entry's name is its command's: `sipro NAME` loads that entry alone.
    expect(registered).toEqual(allCommands.map((entry) => entry.name));
    expect(registered).toEqual(expect.arrayContaining(['init', 'validate', 'project', 'life-table', 'schema']));
    expect(sorted(listed)).toEqual(sorted([...registered, 'help']));
  });

  it('an unexpected exception is an internal error: exit 1 and a "please report" message (in-process)', async () => {
    // No honest spawned path reaches exit 1 (that would be a bug), so the
    // injected stdout throws, as a broken stream or a bug in rendering would.
    let stderr = '';
    const io: CliIo = {
      stdout: { write: () => { throw new Error('injected stdout failure'); } },
      stderr: { write: (text: string) => { stderr += text; } },
      stdoutIsTty: false,
      stderrIsTty: false,
      env: {},
      cwd: REPO,
    };
    const code = await main(['validate', fixture('minimal'), '--json'], io);
    expect(code).toBe(1);
    expect(stderr).toContain(`sipro: internal error: this is a bug in sipro ${VERSION}, not in your inputs.`);
    expect(stderr).toMatch(/Please report it at https:\/\/\S+ with the command line/);
    expect(stderr).toContain('injected stdout failure');
  });
});
