/**
 * `sipro compare A B`: a reform against today's rules. A and B are project
 * output folders or schemes (B may be A with `--set` overrides); both must
 * cover the same years. Prints the headline indicators side by side with
 * B − A, writes compare.csv (the main flows and the reserve year by year)
 * and compare.json, and checks `--assert "delta gap <= 0.01"` gates for a
 * review of a parameter change in CI.
 */
import { Command } from '@commander-js/extra-typings';
import { join, resolve } from 'node:path';
import { evaluateAssertion, isStochasticAssertion, parseComparisonAssertion, rangeProblem, type Assertion } from '../../core/assertions.js';
import { differenceOf } from '../../core/comparison.js';
import { batchPathProblems } from '../../io/batchChecks.js';
import { comparabilityProblem, compareSourceKind, readProjectOutput, type ComparedSide } from '../../io/compareInputs.js';
import { compareFiles, sideRecord, type CompareRecord } from '../../io/compareFiles.js';
import { errorsIn, warningsIn } from '../../io/diagnostics.js';
import { assertionSyntaxProblem } from '../../io/checks/schemeRules.js';
import { replaceFolder } from '../../io/outputFolder.js';
import type { Override } from '../../io/overrides.js';
import { runRecord } from '../../io/runRecord.js';
import { ExitCode, InvalidInputError, UsageError } from '../errors.js';
import { collect, overridesFromOptions, renderAssertionReports } from '../gates.js';
import { colourEnabled } from '../io.js';
import type { CommandContext } from '../main.js';
import { checkOutputFolder, defaultOutputFolder, schemeInputs } from '../outputTarget.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { indicatorComparison, jsonNumber, premiumComparison, renderCompare } from '../decide/compareReport.js';
import { variantProjector, type VariantProjector } from '../decide/variants.js';

/** A gate of compare: about B − A (`delta …`) or about B. */
interface Gate {
  delta: boolean;
  assertion: Assertion;
}

function gatesFrom(options: readonly string[]): Gate[] {
  return options.map((option) => {
    const parsed = parseComparisonAssertion(option);
    if (!parsed.ok) {
      const rest = option.replace(/^\s*delta(?=\s)/, (prefix) => ' '.repeat(prefix.length));
      throw new UsageError(`--assert "${option}": ${assertionSyntaxProblem(rest) ?? parsed.error.message}`);
    }
    if (isStochasticAssertion(parsed.assertion)) {
      throw new UsageError(`--assert "${option}": ${/^\s*(?:delta\s+)?([A-Za-z0-9_.]+)/.exec(option)?.[1] ?? 'this name'} is a result of many scenarios (sipro simulate): compare sets two projections side by side`);
    }
    return { delta: parsed.delta, assertion: parsed.assertion };
  });
}

/** A scheme to project: its batch, its validated base, the files it read. */
interface SchemeSide {
  label: string;
  projector: VariantProjector;
  base: Awaited<ReturnType<VariantProjector['base']>>;
}

export function compareCommand(context: CommandContext) {
  const { io } = context;
  return new Command('compare')
    .description('compare two projections of the same years — a reform against today\'s rules — indicators side by side and year by year')
    .argument('<a>', 'A: a scheme (folder, or its scheme.yaml / scheme.json) or an output folder of sipro project')
    .argument('[b]', 'B: likewise; left out, B is A with the --set overrides')
    .option('--set <path=value>', 'override a field of B\'s scheme (repeatable), e.g. contributions.rate=0.12', collect, [])
    .option('--assert <assertion>', 'a gate: "delta gap <= 0.01" is about B − A, "gap <= 0.16" about B (repeatable): exit 4 if one fails', collect, [])
    .option('--allow-outside', 'read CSV files that files: places outside the scheme folder', false)
    .option('-o, --out <dir>', 'output folder for compare.csv and compare.json (default: ./sipro-out/<A\'s folder name>-compare)')
    .option('-f, --force', 'replace the output folder if it exists', false)
    .option('--json', 'print the comparison as JSON on stdout instead of the tables', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .addHelpText('after', [
      '',
      'A and B must start in the same year and run as many years (projection.base_year,',
      'projection.horizon). Each scheme is read once and projected as sipro project would.',
      '',
      'Gates: "delta NAME OP NUMBER [from YEAR] [to YEAR]" checks B − A of an indicator or,',
      'in every year of the range, of a projection.csv column; without delta, B itself. An',
      'event year that only one side has (a depletion within the horizon) differs by ±infinity.',
      '',
      'compare.csv: year, then for contributions, matching, expenditure, investment_income,',
      'reserve_end, … the value in A, in B and B − A (<column>_a, <column>_b, delta_<column>).',
      '',
      'Exit codes: 0 done, 4 a gate failed (the files are written), 3 invalid inputs or',
      'A and B not comparable, 2 usage error.',
      '',
      'Examples:',
      '  $ sipro compare fixtures/demo --set contributions.rate=0.12 --assert "delta actuarial_balance >= 0"',
      '  $ sipro compare results/today results/reform --assert "delta gap <= 0.01" --assert "delta reserve_end >= 0 to 2060"',
      '',
    ].join('\n'))
    .action(async (aTarget, bTarget, options) => {
      const overrides = overridesFromOptions(options.set);
      const gates = gatesFrom(options.assert);
      if (bTarget === undefined && overrides.length === 0) throw new UsageError('name B, or give --set overrides that make B from A');
      const json = options.json;
      const path = (target: string) => resolve(io.cwd, target);
      const [kindA, kindB] = await Promise.all([compareSourceKind(path(aTarget)), compareSourceKind(path(bTarget ?? aTarget))]);
      const refused = [[aTarget, kindA], [bTarget ?? aTarget, kindB]].flatMap(([label, kind]) => (typeof kind === 'object'
        ? [{ severity: 'error' as const, file: label as string, message: `is a ${kind.other} output folder: compare reads output folders of sipro project, or schemes` }]
        : []));
      if (refused.length > 0) throw new InvalidInputError(refused.slice(0, bTarget === undefined ? 1 : 2), { json });
      if (overrides.length > 0 && kindB === 'output') {
        throw new UsageError(`--set changes a scheme, and ${bTarget ?? aTarget} is an output folder: name a scheme${bTarget === undefined ? ' as A' : ' as B'}`);
      }

      // Each scheme is read and checked once, before anything is projected.
      const schemes = new Map<string, SchemeSide>();
      const schemeOf = async (target: string): Promise<SchemeSide> => {
        const key = path(target);
        let side = schemes.get(key);
        if (side === undefined) {
          const projector = variantProjector(key, [], { allowOutside: options.allowOutside });
          const base = await projector.base();
          if (errorsIn(base.diagnostics).length > 0 || base.data === undefined) throw new InvalidInputError(base.diagnostics, { json });
          side = { label: target, projector, base };
          schemes.set(key, side);
        }
        return side;
      };
      const schemeA = kindA === 'scheme' ? await schemeOf(aTarget) : undefined;
      const schemeB = kindB === 'scheme' ? await schemeOf(bTarget ?? aTarget) : undefined;
      if (schemeB !== undefined && overrides.length > 0) {
        const pathProblems = batchPathProblems(schemeB.base.data!.scheme, [{ file: '--set', paths: overrides.map((override) => override.path) }]);
        if (pathProblems.length > 0) throw new InvalidInputError(pathProblems, { json });
      }
      if (!options.quiet && !json) {
        for (const side of new Set([schemeA, schemeB])) if (side !== undefined) renderDiagnostics(warningsIn(side.base.diagnostics), io);
      }
      const outDir = options.out === undefined
        ? defaultOutputFolder(io.cwd, schemeA?.base.inputs[0]?.path ?? join(path(aTarget), 'summary.json'), '-compare')
        : resolve(io.cwd, options.out);
      const inputs = [schemeA, schemeB].flatMap((side) => (side === undefined ? [] : schemeInputs(side.base.inputs)));
      const folders = [[aTarget, kindA], [bTarget ?? aTarget, kindB]].flatMap(([target, kind]) => (kind === 'output' ? [path(target as string)] : []));
      await checkOutputFolder(outDir, { force: options.force, cwd: io.cwd, inputs: [...inputs, ...folders], option: '--out' });

      // B first: its overrides are the ones that may be invalid, and nothing is projected twice.
      const sideB = await sideFrom(bTarget ?? aTarget, path(bTarget ?? aTarget), schemeB, overrides, context.argv, json);
      const sideA = await sideFrom(aTarget, path(aTarget), schemeA, [], context.argv, json);
      const problem = comparabilityProblem(sideA, sideB);
      if (problem !== undefined) throw new InvalidInputError([problem], { json });
      const years = sideB.projection.map((row) => row.year);
      for (const { assertion } of gates) {
        const outside = rangeProblem(assertion, years[0]!, years[years.length - 1]!);
        if (outside !== undefined) throw new UsageError(`--assert "${assertion.text}": ${outside}`);
      }

      const difference = differenceOf(sideA, sideB);
      const reports = gates.map(({ delta, assertion }) => ({ assertion: assertion.text, ...evaluateAssertion(assertion, delta ? difference : sideB) }));
      const indicators = indicatorComparison(sideA, sideB).map(({ indicator, a, b, delta }) => ({ indicator, a, b, delta: jsonNumber(delta) }));
      const record: CompareRecord = {
        format: 'sipro-compare',
        a: sideRecord(sideA),
        b: sideRecord(sideB),
        indicators,
        scaled_premium: premiumComparison(sideA, sideB),
        assertions: reports,
        command_line: ['sipro', ...context.argv],
      };
      await replaceFolder(outDir, compareFiles(sideA, sideB, record));
      if (json) {
        io.stdout.write(`${JSON.stringify({ output: outDir, ...record }, null, 2)}\n`);
      } else if (!options.quiet) {
        io.stdout.write(renderCompare(sideA, sideB, options.set, colourEnabled(io, 'stdout')));
      }
      if (!options.quiet && !json) io.stderr.write(`Wrote compare.csv, compare.json to ${outDir}\n`);
      if (!json) io.stderr.write(renderAssertionReports(reports, { colour: colourEnabled(io, 'stderr'), quiet: options.quiet }));
      context.exit(reports.every((report) => report.passed) ? ExitCode.success : ExitCode.assertionFailed);
    });
}

/** One side read back (an output folder) or projected (a scheme, with B's overrides). */
async function sideFrom(
  label: string, absolute: string, scheme: SchemeSide | undefined, overrides: readonly Override[], argv: readonly string[], json: boolean,
): Promise<ComparedSide> {
  if (scheme === undefined) {
    const read = await readProjectOutput(absolute, label);
    if (!read.ok) throw new InvalidInputError(read.diagnostics, { json });
    return read.side;
  }
  const projected = await scheme.projector.project(overrides.map(({ path, value }) => ({ path, value })));
  if (!projected.ok) throw new InvalidInputError(projected.diagnostics, { json });
  const { data, inputs, result } = projected.run;
  return {
    label,
    kind: 'scheme',
    name: data.scheme.name,
    currency: data.scheme.currency,
    projection: result.projection,
    indicators: result.indicators,
    columns: Object.keys(result.projection[0] ?? {}),
    scaledPremium: result.scaledPremium,
    run: runRecord(argv, inputs, data.scheme, overrides),
  };
}
