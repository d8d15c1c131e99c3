/**
 * sipro as a library: load and validate a scheme folder, project it, and the
 * formulas of the methodology a reviewer may want to call on their own. Everything
 * here is public API (pinned by test/api/exports.test.ts): adding is a minor
 * release, removing or renaming a major one.
 *
 * @example
 * import { loadScheme, projectScheme, formatDiagnostic } from 'sipro';
 * const { data, diagnostics } = await loadScheme('my-scheme');
 * if (!data) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
 * console.log(projectScheme(data).indicators.gap);
 */

/** The tool version, as recorded in every run record (§9). */
export { VERSION } from './version.js';

// Reading: a scheme folder into validated data, with every problem as a diagnostic (§2, §9).
export { loadScheme } from './io/loadScheme.js';
export type { InputRole, LoadedInput, LoadOptions, LoadResult } from './io/loadScheme.js';
export type { Override } from './io/overrides.js';
export { formatDiagnostic } from './io/diagnostics.js';
export type { Diagnostic, Severity } from './io/diagnostics.js';

// Schemas: scheme.yaml (§2) and one row of each CSV file.
export { schemeSchema } from './schema/scheme.js';
export type { Assumption, ContributionFields, Scheme, SchemeInput } from './schema/scheme.js';
export type { ContributionRule } from './core/rules.js';
export { incomeRowSchema, mortalityRowSchema, populationRowSchema, ratesRowSchema } from './schema/tables.js';
export type { IncomeRow, MortalityRow, PopulationRow, RatesRow } from './schema/tables.js';

// The pure core: plain data in, plain data out.
export { buildModel } from './core/model.js';
export type { ProjectionModel } from './core/model.js';
export { deterministicScenario } from './core/scenario.js';
export type { Scenario } from './core/scenario.js';
export { project, projectScheme } from './core/project.js';
export { projectEntrants } from './core/entrants.js';
export { memberYear } from './core/contributions.js';
export type { MemberYear, MemberYearInputs } from './core/contributions.js';
export { annuityDue } from './core/awards.js';
export { lifeTable } from './core/lifeTable.js';
export type { LifeTableRow, MortalityRate } from './core/lifeTable.js';
export { normalCdf } from './core/normal.js';
// Stochastic scenarios (§10): draw or give paths, project a batch, summarise the spread.
export { scenarioBatch } from './core/stochastic/batch.js';
export type { ScenarioBatch } from './core/stochastic/batch.js';
export { drawPaths, scenarioOfPaths } from './core/stochastic/paths.js';
export type { ScenarioPaths } from './core/stochastic/paths.js';
export { simulationTables } from './core/stochastic/summary.js';
export type { Outcomes, SimulationTables, StochasticSummary } from './core/stochastic/summary.js';
export { percentileOfSorted } from './core/stochastic/percentiles.js';
export type { Stochastic, Shock } from './schema/scheme.js';
export type { Sex } from './core/rules.js';
export type * from './core/types.js';
