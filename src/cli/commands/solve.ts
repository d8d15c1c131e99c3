/**
 * `sipro solve DIR --vary PATH --range LO:HI --until "ASSERTION"` (methodology
 * §13): the value of a `--set` path at which an assertion starts to hold —
 * the contribution rate that balances the scheme, the retirement age that
 * keeps the reserve positive — by bisection, each step one projection of a
 * batch whose files were read once.
 */
import { Command } from '@commander-js/extra-typings';
import { resolve } from 'node:path';
import { isStochasticAssertion, parseAssertion, type Assertion } from '../../core/assertions.js';
import { batchPathProblems } from '../../io/batchChecks.js';
import { errorsIn, warningsIn } from '../../io/diagnostics.js';
import { assertionSyntaxProblem } from '../../io/checks/schemeRules.js';
import { numberKind } from '../../io/overridePaths.js';
import { runRecord } from '../../io/runRecord.js';
import { overridePathProblem } from '../../io/scenarios.js';
import { ExitCode, InvalidInputError, UsageError } from '../errors.js';
import { assertionsFromOptions, checkAll, collect, optionRangeProblem, overridesFromOptions, renderAssertionReports } from '../gates.js';
import { colourEnabled } from '../io.js';
import type { CommandContext } from '../main.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { runSolve, type SolveRequest } from '../decide/solveRun.js';
import { renderSolve, solveJson } from '../decide/solveReport.js';
import { variantProjector } from '../decide/variants.js';

/** `--range LO:HI`: two numbers, LO < HI. */
export function parseRange(text: string): { low: number; high: number } {
  const match = /^\s*([^:]+):([^:]+)\s*$/.exec(text);
  const [low, high] = [Number(match?.[1]?.trim() || Number.NaN), Number(match?.[2]?.trim() || Number.NaN)];
  if (!match || !Number.isFinite(low) || !Number.isFinite(high)) throw new UsageError(`--range "${text}": expected LO:HI, two numbers, e.g. --range 0.05:0.25`);
  if (!(low < high)) throw new UsageError(`--range "${text}": LO must be below HI`);
  return { low, high };
}

/** `--until`: one assertion of §7's grammar; a malformed one, or one about many scenarios (§10), is a usage error. */
function untilAssertion(text: string): Assertion {
  const parsed = parseAssertion(text);
  if (!parsed.ok) throw new UsageError(`--until "${text}": ${assertionSyntaxProblem(text) ?? parsed.error.message}`);
  if (isStochasticAssertion(parsed.assertion)) throw new UsageError(`--until "${text}": ${/^\s*([A-Za-z0-9_.]+)/.exec(text)?.[1] ?? 'this name'} is a result of many scenarios (sipro simulate): solve projects one scenario a step`);
  return parsed.assertion;
}

export function solveCommand(context: CommandContext) {
  const { io } = context;
  return new Command('solve')
    .description('find the value of a --set path at which an assertion starts to hold (bisection, methodology §13)')
    .argument('<scheme>', 'scheme folder, or its scheme.yaml / scheme.json')
    .requiredOption('--vary <path>', 'the field to vary, as in --set, e.g. contributions.rate')
    .requiredOption('--range <lo:hi>', 'the values to search between, e.g. 0.05:0.25 (LO < HI)')
    .requiredOption('--until <assertion>', 'the assertion that must hold at one end of the range only, e.g. "actuarial_balance >= 0"')
    .option('--tol <tolerance>', 'stop when the bracket is this narrow (default 1e-6 × (HI − LO); whole-number paths stop at neighbours)')
    .option('--set <path=value>', 'override a field of scheme.yaml in every projection (repeatable)', collect, [])
    .option('--assert <assertion>', 'a gate checked at the value found, as in project (repeatable): exit 4 if one fails', collect, [])
    .option('--allow-outside', 'read CSV files that files: places outside the scheme folder', false)
    .option('--json', 'print the outcome as JSON on stdout, every step included', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .addHelpText('after', [
      '',
      'With a the end where the assertion fails and b the end where it holds, while',
      '|b − a| > tol: m = (a + b)/2 replaces b if the assertion holds at m, else a;',
      'the result is b, where the assertion holds. For a whole-number path (ages, years)',
      'm = a + trunc((b − a)/2) and the loop stops at neighbours. Every value is one',
      'projection; the count includes the two ends (22 with the default tolerance).',
      '',
      'Exit codes: 0 found (and every --assert holds there), 4 the assertion holds at',
      'both ends or fails at both (both are reported), or an --assert fails at the value',
      'found; 3 invalid inputs (a value of the range the scheme does not accept), 2 usage.',
      '',
      'Examples:',
      '  $ sipro solve fixtures/demo --vary contributions.rate --range 0.05:0.3 --until "actuarial_balance >= 0"',
      '  $ sipro solve fixtures/demo --vary benefits.old_age.retirement_age --range 55:65 --until "depletion_year > 2099"',
      '  $ sipro solve fixtures/demo --vary contributions.rate --range 0.05:0.3 --until "reserve_end >= 0 to 2080" --tol 1e-4',
      '',
    ].join('\n'))
    .action(async (target, options) => {
      const baseOverrides = overridesFromOptions(options.set);
      const gates = assertionsFromOptions(options.assert);
      const until = untilAssertion(options.until);
      const path = options.vary.trim();
      const syntax = overridePathProblem(path);
      if (syntax !== undefined) throw new UsageError(`--vary "${options.vary}": ${syntax}`);
      const { low, high } = parseRange(options.range);
      const tolerance = options.tol === undefined ? 1e-6 * (high - low) : Number(options.tol);
      if (options.tol !== undefined && !(Number.isFinite(tolerance) && tolerance > 0)) throw new UsageError(`--tol "${options.tol}": expected a number > 0`);

      const projector = variantProjector(resolve(io.cwd, target), baseOverrides, { allowOutside: options.allowOutside });
      const base = await projector.base();
      if (errorsIn(base.diagnostics).length > 0 || base.data === undefined) throw new InvalidInputError(base.diagnostics, { json: options.json });
      const scheme = base.data.scheme;
      // The varied path is checked before any projection: a typo stops here with a "did you mean".
      const pathProblems = batchPathProblems(scheme, [{ file: '--vary', paths: [path] }]);
      if (pathProblems.length > 0) throw new InvalidInputError(pathProblems, { json: options.json });
      const kind = numberKind(path);
      if (kind === undefined) throw new UsageError(`--vary ${path}: the field holds no number; solve varies a number (a rate, an amount, an age, a count of years)`);
      const integer = kind === 'integer';
      if (integer && !(Number.isInteger(low) && Number.isInteger(high))) throw new UsageError(`--range "${options.range}": ${path} is a whole number, so the range's ends must be whole numbers`);
      if (integer && options.tol !== undefined) throw new UsageError(`--tol: ${path} is a whole number, so the bisection stops at neighbouring values; leave --tol out`);
      const rangeProblem = optionRangeProblem([until, ...gates], scheme);
      if (rangeProblem !== undefined) throw new UsageError(rangeProblem.replace(`--assert "${until.text}"`, `--until "${until.text}"`));
      if (!options.quiet && !options.json) renderDiagnostics(warningsIn(base.diagnostics), io);

      const request: SolveRequest = { path, low, high, tolerance, integer, until };
      const outcome = await runSolve(projector, request);
      if (outcome.kind === 'invalid') {
        const which = outcome.value === low ? 'the low end of --range' : outcome.value === high ? 'the high end of --range' : 'a value inside --range';
        const lead = { severity: 'error' as const, file: '--vary', path, message: `${path} = ${outcome.value} (${which}) cannot be projected:` };
        throw new InvalidInputError([lead, ...outcome.diagnostics], { json: options.json });
      }
      const record = runRecord(context.argv, base.inputs, scheme, baseOverrides);
      const assertions = outcome.kind === 'solved' ? checkAll(outcome.holding.run.data.scheme, gates, outcome.holding.run.result) : [];
      if (options.json) {
        io.stdout.write(`${JSON.stringify(solveJson(request, outcome, assertions, record), null, 2)}\n`);
      } else if (!options.quiet) {
        io.stdout.write(renderSolve(scheme.name, request, outcome, colourEnabled(io, 'stdout')));
      }
      if (outcome.kind === 'solved' && !options.quiet && !options.json) {
        io.stderr.write(`To project it: sipro project ${target} --set ${path}=${outcome.holding.value}\n`);
      }
      if (!options.json) io.stderr.write(renderAssertionReports(assertions, { colour: colourEnabled(io, 'stderr'), quiet: options.quiet }));
      const passed = outcome.kind === 'solved' && assertions.every((report) => report.passed);
      context.exit(passed ? ExitCode.success : ExitCode.assertionFailed);
    });
}
