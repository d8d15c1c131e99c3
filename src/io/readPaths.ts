/**
 * An input paths.csv (methodology §10 "Draws"): realised paths to replay,
 * from `sipro simulate --write-paths` or an economic scenario generator.
 * Columns `scenario, year` are required; `investment_return, wage_growth,
 * inflation, mortality_factor, entrants_factor, income_factor.<group>` may
 * be left out (the deterministic value, or a factor of 1, is then used).
 * Each scenario named must give exactly the projection's years, with no
 * empty cell; rates must be > −1 and factors > 0, used as given.
 */
import type { ScenarioPaths } from '../core/stochastic/paths.js';
import type { Scenario } from '../core/scenario.js';
import type { Diagnostic } from './diagnostics.js';
import { csvRecords, DEFAULT_CSV, type RecordSink } from './readCsv.js';
import { closestName } from './suggest.js';

/** Listing more than this many problems of one file helps nobody: the rest are counted. */
const MAX_LISTED = 100;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface ReplayedPaths {
  /** Scenario numbers named in the file, ascending. */
  scenarios: number[];
  /** Their paths, in the same order. */
  paths: ScenarioPaths[];
  diagnostics: Diagnostic[];
}

type Column = { kind: 'rate'; path: 'investmentReturn' | 'wageGrowth' | 'inflation' } | { kind: 'factor'; path: 'mortalityFactor' | 'entrantsFactor' } | { kind: 'income'; group: number };

function valueColumns(groups: readonly string[]): Map<string, Column> {
  return new Map<string, Column>([
    ['investment_return', { kind: 'rate', path: 'investmentReturn' }],
    ['wage_growth', { kind: 'rate', path: 'wageGrowth' }],
    ['inflation', { kind: 'rate', path: 'inflation' }],
    ['mortality_factor', { kind: 'factor', path: 'mortalityFactor' }],
    ['entrants_factor', { kind: 'factor', path: 'entrantsFactor' }],
    ...groups.map((group, index): [string, Column] => [`income_factor.${group}`, { kind: 'income', group: index }]),
  ]);
}

/**
 * Reads paths.csv text against a projection of `base.years` years from `baseYear`.
 * @param base the deterministic scenario: what a left-out column takes
 */
export function readPaths(text: string, file: string, groups: readonly string[], baseYear: number, base: Scenario): ReplayedPaths {
  const diagnostics: Diagnostic[] = [];
  let unlisted = 0;
  const error = (line: number | undefined, column: string | undefined, message: string) => {
    if (diagnostics.length >= MAX_LISTED) { unlisted += 1; return; }
    diagnostics.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { path: column }), message });
  };
  const known = valueColumns(groups);
  const expected = ['scenario', 'year', ...known.keys()];
  const years = base.years;
  let scenarioAt = -1;
  let yearAt = -1;
  let given: { index: number; name: string; column: Column }[] = [];
  const byScenario = new Map<number, { paths: ScenarioPaths; seen: Int32Array; firstLine: number }>();
  const fresh = (): ScenarioPaths => ({
    investmentReturn: base.investmentReturn.slice(0, years), wageGrowth: base.wageGrowth.slice(0, years), inflation: base.inflation.slice(0, years),
    mortalityFactor: new Float64Array(years).fill(1), entrantsFactor: new Float64Array(years).fill(1),
    incomeFactor: groups.map(() => new Float64Array(years).fill(1)),
  });
  const number = (line: number, column: string, cell: string): number | undefined => {
    const trimmed = cell.trim();
    if (trimmed === '') { error(line, column, `${column} is empty: every cell of a paths file needs a value`); return undefined; }
    if (!DECIMAL.test(trimmed)) { error(line, column, `${column} "${trimmed}" must be a number`); return undefined; }
    return Number(trimmed);
  };
  const values: (number | undefined)[] = [];
  const sink: RecordSink = {
    problem: (line, message) => error(line, undefined, message),
    header(header) {
      const { names } = header;
      const before = diagnostics.length;
      for (const required of ['scenario', 'year']) {
        if (!names.includes(required)) error(header.line, required, `required column "${required}" is missing from the header (required: scenario, year)`);
      }
      for (const name of names) {
        if (name === '' || expected.includes(name)) continue;
        const meant = closestName(name, expected.filter((column) => !names.includes(column)));
        error(header.line, name, `unknown column "${name}"${meant === undefined ? `: the columns of a paths file are ${expected.join(', ')}` : `; did you mean "${meant}"?`}`);
      }
      scenarioAt = names.indexOf('scenario');
      yearAt = names.indexOf('year');
      given = names.flatMap((name, index) => {
        const column = known.get(name);
        return column === undefined ? [] : [{ index, name, column }];
      });
      return diagnostics.length === before;
    },
    record({ line, cells }) {
      const scenario = number(line, 'scenario', cells[scenarioAt]!);
      const year = number(line, 'year', cells[yearAt]!);
      const scenarioValid = scenario !== undefined && Number.isSafeInteger(scenario) && scenario >= 0;
      const yearValid = year !== undefined && Number.isInteger(year) && year >= baseYear && year < baseYear + years;
      if (scenario !== undefined && !scenarioValid) error(line, 'scenario', `scenario "${cells[scenarioAt]!.trim()}" must be a whole number >= 0`);
      if (year !== undefined && !yearValid) error(line, 'year', `year "${cells[yearAt]!.trim()}" must be a year of the projection, ${baseYear} to ${baseYear + years - 1}`);
      values.length = 0;
      for (const { index, name, column } of given) {
        const value = number(line, name, cells[index]!);
        if (value !== undefined && column.kind === 'rate' && !(value > -1)) { error(line, name, `${name} "${cells[index]!.trim()}" must be a rate > -1`); values.push(undefined); continue; }
        if (value !== undefined && column.kind !== 'rate' && !(value > 0)) { error(line, name, `${name} "${cells[index]!.trim()}" must be a factor > 0`); values.push(undefined); continue; }
        values.push(value);
      }
      if (!scenarioValid || !yearValid) return;
      let entry = byScenario.get(scenario);
      if (entry === undefined) {
        entry = { paths: fresh(), seen: new Int32Array(years), firstLine: line };
        byScenario.set(scenario, entry);
      }
      const yearIndex = year - baseYear;
      if (entry.seen[yearIndex] !== 0) {
        error(line, 'year', `scenario ${scenario} gives year ${year} twice (first on line ${entry.seen[yearIndex]})`);
        return;
      }
      entry.seen[yearIndex] = line;
      given.forEach(({ column }, at) => {
        const value = values[at];
        if (value === undefined) return;
        if (column.kind === 'income') entry.paths.incomeFactor[column.group]![yearIndex] = value;
        else entry.paths[column.path][yearIndex] = value;
      });
    },
  };
  const reader = csvRecords(DEFAULT_CSV, sink);
  reader.push(text.replace(/^\uFEFF/, ''));
  reader.end();
  const scenarios = [...byScenario.keys()].sort((a, b) => a - b);
  for (const scenario of scenarios) {
    const entry = byScenario.get(scenario)!;
    const missing: number[] = [];
    entry.seen.forEach((line, yearIndex) => { if (line === 0) missing.push(baseYear + yearIndex); });
    if (missing.length > 0) {
      const listed = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
      error(entry.firstLine, 'year', `scenario ${scenario} (first on this line) has no row for year${missing.length === 1 ? '' : 's'} ${listed}: each scenario needs every year ${baseYear} to ${baseYear + years - 1}`);
    }
  }
  if (scenarios.length === 0 && diagnostics.length === 0) error(undefined, undefined, 'holds no scenario: expected one row per scenario and year');
  if (unlisted > 0) diagnostics.push({ severity: 'error', file, message: `and ${unlisted} more problems of the same kinds (only the first ${MAX_LISTED} are listed)`, unlisted });
  return { scenarios, paths: scenarios.map((scenario) => byScenario.get(scenario)!.paths), diagnostics };
}
