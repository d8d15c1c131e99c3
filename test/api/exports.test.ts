/**
 * The public API (STYLE.md, tests item 7): what `import … from 'sipro'` gives.
 * Adding an export is a minor release, removing or renaming one a major one;
 * either way this list changes in the same commit, on purpose.
 */
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import type {
  Diagnostic, EntrantRow, Indicators, LifeTableRow, LoadResult, MemberYear, MemberYearInputs, ProjectionResult,
  ProjectionYear, Scheme, SchemeData, SchemeInput, PopulationRow, IncomeRow, MortalityRow, RatesRow, SubsidyRow,
} from '../../src/index.js';
import { VERSION } from '../../src/version.js';
import { minimalWith } from '../cli/helpers.js';

const REPO = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as {
  name: string; version: string; exports: { '.': { types: string; default: string } };
};

/** The runtime exports, sorted. Types are checked by `npm run typecheck` (below). */
const RUNTIME_EXPORTS = [
  'VERSION',
  'annuityDue',
  'buildModel',
  'deterministicScenario',
  'drawPaths',
  'formatDiagnostic',
  'incomeRowSchema',
  'lifeTable',
  'loadScheme',
  'memberYear',
  'mortalityRowSchema',
  'normalCdf',
  'percentileOfSorted',
  'populationRowSchema',
  'project',
  'projectEntrants',
  'projectScheme',
  'ratesRowSchema',
  'scenarioBatch',
  'scenarioOfPaths',
  'schemeSchema',
  'simulationTables',
];

describe('the public API', () => {
  it('src/index.ts exports exactly the pinned runtime names', () => {
    expect(Object.keys(library).sort()).toEqual(RUNTIME_EXPORTS);
  });

  it('the built package resolves by its own name through package.json "exports", with the same names and its types file', () => {
    // From the repo root, `import('sipro')` resolves the package's own name
    // (self-reference) through "exports", as an installed dependency would.
    const script = "import('sipro').then((m) => console.log(JSON.stringify(Object.keys(m).sort())))";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(RUNTIME_EXPORTS);
    expect(manifest.exports['.']).toEqual({ types: './dist/src/index.d.ts', default: './dist/src/index.js' });
  });

  it('the built declaration file names every runtime export', async () => {
    const declarations = await readFile(join(REPO, manifest.exports['.'].types), 'utf8');
    for (const name of RUNTIME_EXPORTS) expect(declarations).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('src/version.ts VERSION is package.json\'s version, and so is the exported one', () => {
    expect(VERSION).toBe(manifest.version);
    expect(library.VERSION).toBe(manifest.version);
  });
});

describe('a library user', () => {
  it('loads fixtures/demo and projects it: 75 years, 2025–2099', async () => {
    const { data, diagnostics } = await library.loadScheme(join(REPO, 'fixtures', 'demo'));
    expect(diagnostics.filter((d) => d.severity === 'error').map(library.formatDiagnostic)).toEqual([]);
    if (!data) throw new Error('fixtures/demo did not load');
    const model = library.buildModel(data);
    const result: ProjectionResult = library.project(model, library.deterministicScenario(model));
    expect(result.projection).toHaveLength(75);
    expect(result.projection[0]?.year).toBe(2025);
    expect(result.projection.at(-1)?.year).toBe(2099);
    expect(Number.isFinite(result.indicators.gap)).toBe(true);
  });

  it('does the same through the built package, with a path relative to its working folder', () => {
    const script = [
      "import { loadScheme, projectScheme } from 'sipro';",
      "const { data } = await loadScheme('fixtures/demo');",
      'const { projection } = projectScheme(data);',
      'console.log(projection.length, projection[0].year, projection.at(-1).year);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('75 2025 2099\n');
  });

  it('gets diagnostics, not an exception, from an invalid folder, and can print them in the house grammar', async () => {
    // fixtures/invalid/population-negative-count is an overlay on fixtures/minimal.
    const folder = await minimalWith(join(REPO, 'fixtures', 'invalid', 'population-negative-count'));
    try {
      const { data, diagnostics } = await library.loadScheme(folder);
      expect(data).toBeUndefined();
      expect(diagnostics.map(library.formatDiagnostic)).toEqual(['population.csv:2: count "-3" must be a number >= 0']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('calls the formulas directly: Φ, the annuity-due factor, a life table', () => {
    expect(library.normalCdf(0)).toBe(0.5);
    expect(library.annuityDue([0, 1], 0, 0, 0)).toBe(1.5); // its JSDoc example
    expect(library.lifeTable([{ age: 60, qx: 0.5 }, { age: 61, qx: 1 }], 0)[0]).toEqual(
      { age: 60, qx: 0.5, lx: 100000, ex_curtate: 0.5, ex_complete: 1, annuity_due: 1.5, insurance: 1 },
    );
    expect(library.populationRowSchema.safeParse({ group: 'g', sex: 'F', age: '30', status: 'active', count: '-3' }).success).toBe(false);
  });
});

/**
 * The public types, checked by `npm run typecheck` (tsconfig.check.json
 * includes test/): removing one of them from src/index.ts fails that build.
 * vitest does not type-check, so this is deliberately not an `it`.
 */
export type PublicTypes = [
  Diagnostic, EntrantRow, Indicators, LifeTableRow, LoadResult, MemberYear, MemberYearInputs, ProjectionResult,
  ProjectionYear, Scheme, SchemeData, SchemeInput, PopulationRow, IncomeRow, MortalityRow, RatesRow, SubsidyRow,
];
