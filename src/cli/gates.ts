/**
 * The options `project`, `sweep` and `sensitivity` share: `--set path=value`
 * overrides and `--assert` gates, parsed into data (a malformed one is a
 * usage error, exit 2), and the report of failed assertions on stderr.
 */
import { Chalk } from 'chalk';
import {
  checkAssertions, parseAssertion, rangeProblem, type Assertion, type AssertionInput, type AssertionReport,
} from '../core/assertions.js';
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

/** `--assert` options parsed; a malformed one is a usage error naming the column: `--assert "gap <== 1": unexpected "=" at column 7: …`. */
export function assertionsFromOptions(options: readonly string[]): Assertion[] {
  return options.map((option) => {
    const parsed = parseAssertion(option);
    if (!parsed.ok) throw new UsageError(`--assert "${option}": ${assertionSyntaxProblem(option) ?? parsed.error.message}`);
    return parsed.assertion;
  });
}

/** The scheme's own `assertions:` (valid: the schema checked them), then the command line's. */
export function allAssertions(scheme: Scheme, fromOptions: readonly Assertion[]): Assertion[] {
  const own = scheme.assertions.map((text) => {
    const parsed = parseAssertion(text);
    if (!parsed.ok) throw new Error(`scheme assertion "${text}" passed validation but does not parse: ${parsed.error.message}`);
    return parsed.assertion;
  });
  return [...own, ...fromOptions];
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
 * Failed assertions for stderr, one line per failure with the year and the
 * value that broke it, then a count line; nothing when there are no assertions.
 */
export function renderAssertionReports(reports: readonly AssertionReport[], options: { colour: boolean; quiet: boolean }): string {
  if (reports.length === 0) return '';
  const chalk = new Chalk({ level: options.colour ? 1 : 0 });
  const lines: string[] = [];
  const failed = reports.filter((report) => !report.passed);
  for (const report of failed) {
    // The text starts with its subject (the grammar's first token).
    const subject = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(report.assertion)?.[0] ?? report.assertion;
    const yearly = report.failures.some((failure) => failure.year !== undefined);
    if (!yearly) {
      const failure = report.failures[0]!;
      const never = failure.value === null && /^(depletion_year|first_deficit_year)$/.test(subject) ? ', none within the horizon: compared as +infinity' : '';
      lines.push(`${chalk.red('assertion failed:')} ${report.assertion} (${subject} is ${showValue(failure.value)}${never})`);
      continue;
    }
    const count = report.failures.length;
    lines.push(`${chalk.red('assertion failed:')} ${report.assertion} (in ${count} year${count === 1 ? '' : 's'})`);
    for (const failure of report.failures) lines.push(`  ${failure.year}: ${subject} = ${showValue(failure.value)}`);
  }
  if (failed.length > 0 || !options.quiet) {
    const passed = reports.length - failed.length;
    lines.push(`${reports.length} assertion${reports.length === 1 ? '' : 's'}: ${passed} passed, ${failed.length} failed`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
