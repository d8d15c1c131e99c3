/**
 * Overrides and scenarios from the command line and from files: `--set
 * path=value`, `--grid path=v1,v2` or `path=from:to:step`, and a scenarios
 * CSV (a `scenario` column plus one column per override path). Values are
 * YAML scalars or flow collections (`0.12`, `null`, `[1, 2]`, `{2025: 0.03}`),
 * so they mean on the command line what they would mean in scheme.yaml.
 */
import { parseDocument } from 'yaml';
import { scaleTables, TABLE_SCALE_PATHS, tidy, type TableScalePath, type TableScales } from '../core/sensitivity.js';
import { errorsIn, type Diagnostic } from './diagnostics.js';
import type { LoadResult, SchemeSource } from './loadScheme.js';
import { OVERRIDE_FILE, type Override } from './overrides.js';
import { readCsv } from './readCsv.js';

/** An override as the user wrote it: `text` is the value's text, for sweep.csv. */
export interface WrittenOverride extends Override {
  text: string;
}

/** One scenario of a sweep: a name and its overrides (on top of the sweep's `--set`). */
export interface Scenario {
  name: string;
  overrides: WrittenOverride[];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Scenario names become folder names (`--keep-outputs`) and CSV cells: letters, digits and `_ . + -`. */
export const SCENARIO_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;

/**
 * A value as YAML reads it: a number, `null`, `true`, text, `[1, 2]`, `{2025: 0.03}`.
 * @example parseOverrideValue('[1,2]') // {ok: true, value: [1, 2]}
 */
export function parseOverrideValue(text: string): Parsed<unknown> {
  if (text.trim() === '') return { ok: false, message: 'has no value: write one after "=" (null for null)' };
  const document = parseDocument(text, { prettyErrors: false });
  const problem = document.errors[0];
  if (problem !== undefined) return { ok: false, message: `value "${text}" is not a YAML value: ${problem.message.split('\n')[0]}` };
  return { ok: true, value: document.toJS() as unknown };
}

/** Why `path` cannot name an override, or undefined: dotted field names, or one of the table scales. */
export function overridePathProblem(path: string): string | undefined {
  if (path.startsWith('@')) {
    return path in TABLE_SCALE_PATHS ? undefined : `"${path}" is not a table scale: expected ${Object.keys(TABLE_SCALE_PATHS).join(' or ')}`;
  }
  if (path === '' || path.split('.').some((segment) => segment.trim() === '')) {
    return `path "${path}" must be field names joined by dots, e.g. contributions.rate`;
  }
  return undefined;
}

/**
 * `--set path=value`: split at the first `=`.
 * @example parseSetOption('groups.traders.compliance=0.6') // {ok: true, value: {path: 'groups.traders.compliance', value: 0.6, text: '0.6'}}
 */
export function parseSetOption(option: string): Parsed<WrittenOverride> {
  const equals = option.indexOf('=');
  if (equals < 0) return { ok: false, message: 'expected path=value, e.g. contributions.rate=0.12' };
  const path = option.slice(0, equals).trim();
  const text = option.slice(equals + 1).trim();
  const pathProblem = overridePathProblem(path);
  if (pathProblem !== undefined) return { ok: false, message: pathProblem };
  const value = parseOverrideValue(text);
  if (!value.ok) return value;
  return { ok: true, value: { path, value: value.value, text } };
}

/** A `--grid` axis: one path and its values in order. */
export interface GridAxis {
  path: string;
  values: { value: unknown; text: string }[];
}

/** More scenarios than this is a typo in a range (a step too small), not a study. */
export const MAX_SCENARIOS = 1_000_000;
const RANGE = /^\s*([^:,]+):([^:,]+):([^:,]+)\s*$/;

/**
 * `--grid path=v1,v2,v3` or `--grid path=from:to:step` (both ends included
 * when the steps reach them; values rounded to 12 significant digits).
 * Commas inside brackets, braces or quotes do not split values.
 * @example parseGridOption('contributions.rate=0.1:0.12:0.01') // values 0.1, 0.11, 0.12
 */
export function parseGridOption(option: string): Parsed<GridAxis> {
  const equals = option.indexOf('=');
  if (equals < 0) return { ok: false, message: 'expected path=v1,v2,… or path=from:to:step, e.g. contributions.rate=0.08:0.14:0.02' };
  const path = option.slice(0, equals).trim();
  const pathProblem = overridePathProblem(path);
  if (pathProblem !== undefined) return { ok: false, message: pathProblem };
  const right = option.slice(equals + 1);
  const range = RANGE.exec(right);
  if (range) {
    const [from, to, step] = range.slice(1).map((part) => Number(part!.trim())) as [number, number, number];
    if (![from, to, step].every(Number.isFinite)) return { ok: false, message: `range "${right}" must be three numbers from:to:step` };
    if (step === 0 || (to - from) * step < 0) {
      return { ok: false, message: `range "${right}": the step must be ${to >= from ? 'positive' : 'negative'} to go from ${from} to ${to}` };
    }
    // The slack keeps an end reached by float steps (0.05 + 99 × 0.001 vs 0.149).
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_SCENARIOS) return { ok: false, message: `range "${right}" has ${count} values: at most ${MAX_SCENARIOS}` };
    const values = Array.from({ length: count }, (_, index) => {
      const value = tidy(from + index * step);
      return { value, text: String(value) };
    });
    return { ok: true, value: { path, values } };
  }
  const values: GridAxis['values'] = [];
  for (const text of splitTopLevel(right)) {
    const value = parseOverrideValue(text.trim());
    if (!value.ok) return value;
    values.push({ value: value.value, text: text.trim() });
  }
  return { ok: true, value: { path, values } };
}

/** Splits at commas outside brackets, braces and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === '\'') {
      quote = char;
    } else if (char === '[' || char === '{') {
      depth += 1;
    } else if (char === ']' || char === '}') {
      depth -= 1;
    } else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The cartesian product of the axes in the order given: the first axis
 * varies slowest. Scenarios are named `s001`, `s002`, … (1-based, at least
 * three digits, as many as the count needs), so names sort in scenario order.
 * @example gridScenarios([{path: 'a', values: [1, 2]}, {path: 'b', values: [3, 4]}]).map((s) => s.name) // ['s001', 's002', 's003', 's004']: a=1 b=3, a=1 b=4, a=2 b=3, a=2 b=4
 */
export function gridScenarios(axes: readonly GridAxis[]): Parsed<Scenario[]> {
  const count = axes.reduce((product, axis) => product * axis.values.length, 1);
  if (count > MAX_SCENARIOS) return { ok: false, message: `the grid has ${count} scenarios: at most ${MAX_SCENARIOS}` };
  const width = Math.max(3, String(count).length);
  const scenarios: Scenario[] = [];
  for (let index = 0; index < count; index += 1) {
    let rest = index;
    const overrides: WrittenOverride[] = [];
    for (let axisIndex = axes.length - 1; axisIndex >= 0; axisIndex -= 1) {
      const axis = axes[axisIndex]!;
      const choice = axis.values[rest % axis.values.length]!;
      rest = Math.floor(rest / axis.values.length);
      overrides.unshift({ path: axis.path, value: choice.value, text: choice.text });
    }
    scenarios.push({ name: `s${String(index + 1).padStart(width, '0')}`, overrides });
  }
  return { ok: true, value: scenarios };
}

/** The scenarios of a scenarios CSV and its override columns, in file order. */
export interface ScenarioFile {
  paths: string[];
  /** The line of the header row, where the paths are named (undefined when the file has none). */
  headerLine?: number;
  scenarios: Scenario[];
  diagnostics: Diagnostic[];
}

/**
 * A scenarios CSV: a `scenario` column (unique names) and one column per
 * override path. An empty cell leaves that field as the scheme has it (write
 * `null` to set null). Every problem is reported with its line.
 * @example readScenarioFile('scenario,contributions.rate\nlow,0.08\n', 'scenarios.csv').scenarios[0] // {name: 'low', overrides: [{path: 'contributions.rate', value: 0.08, text: '0.08'}]}
 */
export function readScenarioFile(text: string, file: string): ScenarioFile {
  const csv = readCsv(text, file);
  const diagnostics: Diagnostic[] = [...csv.diagnostics];
  const error = (line: number | undefined, message: string) =>
    diagnostics.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), message });
  if (csv.header === undefined) return { paths: [], scenarios: [], diagnostics };
  const names = csv.header.names;
  const nameColumn = names.indexOf('scenario');
  if (nameColumn < 0) error(csv.header.line, 'the header has no "scenario" column: name each scenario in a column called scenario');
  const paths = names.filter((_, index) => index !== nameColumn);
  for (const path of paths) {
    const problem = overridePathProblem(path);
    if (problem !== undefined) error(csv.header.line, `column ${problem}`);
  }
  if (paths.length === 0) error(csv.header.line, 'the header names no override path: add a column per field to vary, e.g. contributions.rate');
  const scenarios: Scenario[] = [];
  const seen = new Map<string, number>();
  for (const record of csv.records) {
    const name = nameColumn < 0 ? '' : record.cells[nameColumn]!.trim();
    if (!SCENARIO_NAME.test(name)) {
      error(record.line, `scenario name "${name}" must be letters, digits, _ . + or - (it names a folder with --keep-outputs)`);
    } else if (seen.has(name)) {
      error(record.line, `scenario "${name}" appears twice (first on line ${seen.get(name)}): names must be unique`);
    } else {
      seen.set(name, record.line);
    }
    const overrides: WrittenOverride[] = [];
    names.forEach((path, index) => {
      if (index === nameColumn) return;
      const text = record.cells[index]!.trim();
      if (text === '') return;
      const value = parseOverrideValue(text);
      if (value.ok) overrides.push({ path, value: value.value, text });
      else error(record.line, `${path} ${value.message}`);
    });
    scenarios.push({ name, overrides });
  }
  if (csv.records.length === 0 && csv.header !== undefined) error(undefined, 'lists no scenarios: add one row per scenario under the header');
  return { paths, headerLine: csv.header.line, scenarios, diagnostics };
}

/**
 * Separates table scales (`@mortality.qx=1.1`) from scheme overrides; a
 * scale must be a number >= 0. The last value of a repeated path wins, as
 * for overrides.
 */
export function splitTableScales(overrides: readonly Override[]): { overrides: Override[]; scales: TableScales; diagnostics: Diagnostic[] } {
  const scales: TableScales = {};
  const diagnostics: Diagnostic[] = [];
  const schemeOverrides: Override[] = [];
  for (const override of overrides) {
    if (!override.path.startsWith('@')) {
      schemeOverrides.push(override);
      continue;
    }
    const column = TABLE_SCALE_PATHS[override.path as TableScalePath] as keyof TableScales | undefined;
    const problem = column === undefined
      ? overridePathProblem(override.path)
      : (typeof override.value !== 'number' || !Number.isFinite(override.value) || override.value < 0)
        ? `${override.path} "${String(override.value)}" must be a number >= 0 (a factor on every ${column})`
        : undefined;
    if (problem !== undefined || column === undefined) {
      diagnostics.push({ severity: 'error', file: OVERRIDE_FILE, path: override.path, message: problem ?? 'unknown table scale' });
      continue;
    }
    scales[column] = override.value as number;
  }
  return { overrides: schemeOverrides, scales, diagnostics };
}

/**
 * A scheme under overrides: scheme fields through loadScheme's validation,
 * table scales applied to the validated rows. Every problem of both kinds is
 * reported together; `data` is defined iff there is no error.
 * @example await loadWithOverrides(schemeSource('fixtures/demo'), [{path: '@mortality.qx', value: 1.1}])
 */
export async function loadWithOverrides(source: SchemeSource, overrides: readonly Override[]): Promise<LoadResult> {
  const split = splitTableScales(overrides);
  const loaded = await source.load(split.overrides);
  const diagnostics = [...split.diagnostics, ...loaded.diagnostics];
  const data = errorsIn(diagnostics).length > 0 || loaded.data === undefined ? undefined : scaleTables(loaded.data, split.scales);
  return { data, diagnostics, inputs: loaded.inputs };
}
