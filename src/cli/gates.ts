/**
 * The options `project`, `sweep` and `sensitivity` share: `--set path=value`
 * overrides and `--assert` gates, parsed into data (a malformed one is a
 * usage error, exit 2), and the report of failed assertions on stderr.
 */
import { Chalk } from 'chalk';
import {
  checkAssertions, compare, isStochasticAssertion, parseAssertion, rangeProblem, type Assertion, type AssertionFailure, type AssertionInput, type AssertionReport,
} from '../core/assertions.js';
import { parseComparisonAssertion } from '../core/assertions.js';
import type { Scheme } from '../schema/scheme.js';
import { assertionSyntaxProblem } from '../io/checks/schemeRules.js';
import { parseSetOption, type WrittenOverride } from '../io/scenarios.js';
import { UsageError } from './errors.js';

/** Commander's accumulator for a repeatable option. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `--set` options in the order given; a malformed one is a usage error naming it. */
export function overridesFromOptions(options: readonly string[]): WrittenOverride[] {
  return options.map((option) => {
    const parsed = parseSetOption(option);
    if (!parsed.ok) throw new UsageError(`--set "${option}": ${parsed.message}`);
    return parsed.value;
  });
}

/**
 * `--assert` options parsed; a malformed one is a usage error naming the column: `--assert "gap <== 1": unexpected "=" at column 7: …`.
 * The §10 names (`reserve_ratio_p5`, `depletion_probability`) need scenarios: only `sipro simulate` passes `stochastic`.
 */
export function assertionsFromOptions(options: readonly string[], stochastic = false): Assertion[] {
  return options.map((option) => {
    const parsed = parseAssertion(option);
    if (!parsed.ok) throw new UsageError(`--assert "${option}": ${assertionSyntaxProblem(option) ?? parsed.error.message}`);
    if (!stochastic && isStochasticAssertion(parsed.assertion)) {
      throw new UsageError(`--assert "${option}": ${/^\s*([A-Za-z0-9_.]+)/.exec(option)?.[1] ?? 'this name'} is a result of many scenarios: check it with sipro simulate`);
    }
    return parsed.assertion;
  });
}

/**
 * The scheme's own `assertions:` (valid: the schema checked them), then the
 * command line's. Those about scenarios (§10) are `sipro simulate`'s: other
 * commands leave them out (`stochastic` false).
 */
export function allAssertions(scheme: Scheme, fromOptions: readonly Assertion[], stochastic = false): Assertion[] {
  const own = scheme.assertions.map((text) => {
    const parsed = parseAssertion(text);
    if (!parsed.ok) throw new Error(`scheme assertion "${text}" passed validation but does not parse: ${parsed.error.message}`);
    return parsed.assertion;
  });
  return [...own.filter((assertion) => stochastic || !isStochasticAssertion(assertion)), ...fromOptions];
}

/** The first `--assert` whose year range lies outside the projection, as a message, or undefined. */
export function optionRangeProblem(assertions: readonly Assertion[], scheme: Scheme): string | undefined {
  const first = scheme.projection.base_year;
  const last = first + scheme.projection.horizon - 1;
  for (const assertion of assertions) {
    const problem = rangeProblem(assertion, first, last);
    if (problem !== undefined) return `--assert "${assertion.text}": ${problem}`;
  }
  return undefined;
}

/** Checks the scheme's and the command line's assertions against one projection. */
export function checkAll(scheme: Scheme, fromOptions: readonly Assertion[], result: AssertionInput): AssertionReport[] {
  return checkAssertions(allAssertions(scheme, fromOptions), result);
}

const showValue = (value: number | null) => (value === null ? 'null' : String(value));

/**
 * The failure of a column assertion that misses its threshold by most: the
 * largest value for `<` and `<=`, the smallest for `>` and `>=`, the farthest
 * for `==`; a null only when every failing value is null.
 */
export function worstFailure(assertion: Assertion, failures: readonly AssertionFailure[]): AssertionFailure {
  const numeric = failures.filter((failure) => failure.value !== null);
  if (numeric.length === 0) return failures[0]!;
  const badness = (value: number): number => {
    switch (assertion.operator) {
      case '<': case '<=': return value;
      case '>': case '>=': return -value;
      case '==': return Math.abs(value - assertion.threshold);
      case '!=': return 0;
    }
  };
  return numeric.reduce((worst, failure) => (badness(failure.value!) > badness(worst.value!) ? failure : worst));
}

/**
 * A failing value as a reader wants it: six significant digits, unless
 * rounding would make it pass (2.0000001 against `<= 2`), then all of them.
 */
function readableValue(assertion: Assertion, value: number | null): string {
  if (value === null) return 'null';
  const rounded = Number(value.toPrecision(6));
  return compare(rounded, assertion.operator, assertion.threshold, false) ? String(value) : String(rounded);
}

/**
 * Failed assertions for stderr: an indicator with its value; a column with
 * the number of years that failed, the first of them and the worst (every
 * year is in summary.json and --json); then a count line. Nothing when there
 * are no assertions.
 */
export function renderAssertionReports(reports: readonly AssertionReport[], options: { colour: boolean; quiet: boolean }): string {
  if (reports.length === 0) return '';
  const chalk = new Chalk({ level: options.colour ? 1 : 0 });
  const lines: string[] = [];
  const failed = reports.filter((report) => !report.passed);
  for (const report of failed) {
    // The text starts with its subject (the grammar's first token), after compare's `delta`.
    const subject = /^(?:delta\s+)?[A-Za-z_][A-Za-z0-9_.]*/.exec(report.assertion)?.[0] ?? report.assertion;
    const yearly = report.failures.some((failure) => failure.year !== undefined);
    if (!yearly) {
      const failure = report.failures[0]!;
      const never = failure.value === null && /^(depletion_year|first_deficit_year)$/.test(subject) ? ', none within the horizon: compared as +infinity' : '';
      lines.push(`${chalk.red('assertion failed:')} ${report.assertion} (${subject} is ${showValue(failure.value)}${never})`);
      continue;
    }
    const parsed = parseComparisonAssertion(report.assertion);
    if (!parsed.ok) throw new Error(`assertion "${report.assertion}" was checked but does not parse: ${parsed.error.message}`);
    const count = report.failures.length;
    const first = report.failures[0]!;
    const worst = worstFailure(parsed.assertion, report.failures);
    const at = (failure: AssertionFailure) => `${failure.year}: ${subject} = ${readableValue(parsed.assertion, failure.value)}`;
    const where = count === 1 ? `fails in ${at(first)}`
      : `fails in ${count} years; ${worst === first ? `first and worst ${at(first)}` : `first ${at(first)}; worst ${at(worst)}`}`;
    lines.push(`${chalk.red('assertion failed:')} ${report.assertion} (${where})`);
  }
  if (failed.length > 0 || !options.quiet) {
    const passed = reports.length - failed.length;
    lines.push(`${reports.length} assertion${reports.length === 1 ? '' : 's'}: ${passed} passed, ${failed.length} failed`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
