/**
 * What `sipro solve` prints: the value found, the bracket and the count of
 * projections, and the indicators at both ends of the final bracket (or at
 * both ends of the range when they do not bracket the switch) — as a table
 * on stdout, or as JSON.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { AssertionOutcome, AssertionReport } from '../../core/assertions.js';
import type { RunRecord } from '../../io/runRecord.js';
import { HEADLINES, shown } from './format.js';
import type { SolveOutcome, SolveRequest, ValueRun } from './solveRun.js';
import { printable } from '../../io/read/shown.js';

type Finished = Exclude<SolveOutcome, { kind: 'invalid' }>;

/** The value of `--until`'s subject at a run, when it is one number; or how its column fared. */
function untilCell(request: SolveRequest, run: ValueRun): string {
  const { subject } = request.until;
  if (subject.kind === 'column') return columnCell(run.until);
  const indicators = run.run.result.indicators;
  const value = subject.kind === 'indicator' ? indicators[subject.name] : subject.kind === 'present_value' ? indicators.present_values[subject.name] : undefined;
  return value === null || value === undefined ? '—' : String(Number(value.toPrecision(6)));
}

function columnCell(outcome: AssertionOutcome): string {
  if (outcome.passed) return 'holds every year';
  const years = outcome.failures.map((failure) => failure.year);
  return `fails in ${years.length} year${years.length === 1 ? '' : 's'}, first ${years[0]}`;
}

/** The table of indicators at two runs, side by side. */
function sideBySide(request: SolveRequest, columns: readonly { title: string; run: ValueRun }[], colour: boolean): string {
  const table = new Table({
    head: ['', ...columns.map((column) => column.title)],
    colAligns: ['left', ...columns.map(() => 'right' as const)],
    style: colour ? { head: ['cyan'] } : { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const headlineKeys: readonly string[] = HEADLINES.map((headline) => headline.key);
  if (!headlineKeys.includes(request.until.subject.name)) {
    table.push([`${request.until.subject.name} (--until)`, ...columns.map((column) => untilCell(request, column.run))]);
  }
  for (const headline of HEADLINES) {
    table.push([headline.label, ...columns.map((column) => shown(headline.kind, column.run.run.result.indicators[headline.key]))]);
  }
  return table.toString();
}

const showValue = (value: number) => String(value);

/** The terminal report of a finished solve. */
export function renderSolve(name: string, request: SolveRequest, outcome: Finished, colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const { path, until, low, high } = request;
  const count = `${outcome.steps.length} projection${outcome.steps.length === 1 ? '' : 's'}`;
  if (outcome.kind === 'unbracketed') {
    const where = outcome.holds ? 'holds at both ends' : 'fails at both ends';
    return [
      `${chalk.bold(printable(name))}: "${until.text}" ${chalk.red(where)} of ${path} ${low}:${high} (${count})`,
      sideBySide(request, [{ title: `${path} = ${showValue(low)}`, run: outcome.low }, { title: `${path} = ${showValue(high)}`, run: outcome.high }], colour),
      '  solve needs an assertion that holds at one end of the range only: widen the range, or check the assertion and its direction.',
      '',
    ].join('\n');
  }
  const { holding, failing } = outcome;
  const precision = request.integer ? 'neighbouring whole numbers' : `tolerance ${Number(request.tolerance.toPrecision(6))}`;
  return [
    `${chalk.bold(printable(name))}: ${path} = ${chalk.bold(showValue(holding.value))} makes "${until.text}" hold`,
    `  It fails at ${showValue(failing.value)} (${precision}); ${count}, the two ends of ${low}:${high} included.`,
    sideBySide(request, [{ title: `fails at ${showValue(failing.value)}`, run: failing }, { title: `holds at ${showValue(holding.value)}`, run: holding }], colour),
    '',
  ].join('\n');
}

/** The ends of a run as JSON: the value, whether `--until` held, its failures and the indicators. */
const runJson = (run: ValueRun) => ({ value: run.value, holds: run.until.passed, failures: run.until.failures, indicators: run.run.result.indicators });

/** `solve --json`: the request, the outcome, every step, the gates at the result and the run record. */
export function solveJson(request: SolveRequest, outcome: Finished, assertions: readonly AssertionReport[], record: RunRecord): Record<string, unknown> {
  const common = {
    path: request.path,
    range: { low: request.low, high: request.high },
    until: request.until.text,
    integer: request.integer,
    tolerance: request.integer ? null : request.tolerance,
    projections: outcome.steps.length,
  };
  if (outcome.kind === 'unbracketed') {
    return {
      solved: false, reason: outcome.holds ? 'holds at both ends' : 'fails at both ends', ...common,
      value: null, failing_value: null, indicators: null, ends: { low: runJson(outcome.low), high: runJson(outcome.high) },
      assertions: [], steps: outcome.steps, run: record,
    };
  }
  return {
    solved: true, ...common, value: outcome.holding.value, failing_value: outcome.failing.value,
    indicators: outcome.holding.run.result.indicators, bracket: { failing: runJson(outcome.failing), holding: runJson(outcome.holding) },
    assertions, steps: outcome.steps, run: record,
  };
}
