/**
 * `sipro project DIR`: read and validate everything → project() → write the
 * output folder whole → print the terminal summary (or --json).
 */
import { Command } from '@commander-js/extra-typings';
import { resolve } from 'node:path';
import { buildModel } from '../../core/model.js';
import { replaceFolder } from '../../io/outputFolder.js';
import { checkOutputFolder, defaultOutputFolder, schemeInputs } from '../outputTarget.js';
import { outputFiles } from '../../io/outputFiles.js';
import { runRecord } from '../../io/runRecord.js';
import { projectEntrants } from '../../core/entrants.js';
import { project } from '../../core/project.js';
import { deterministicScenario } from '../../core/scenario.js';
import { ExitCode, UsageError } from '../errors.js';
import { loadValid } from '../loadValid.js';
import { colourEnabled } from '../io.js';
import { assertionsFromOptions, checkAll, collect, optionRangeProblem, overridesFromOptions, renderAssertionReports } from '../gates.js';
import type { CommandContext } from '../main.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { projectionWarnings, renderSummary } from '../render/summary.js';
import { renderReserveChart } from '../render/reserveChart.js';
import { yearsOption } from '../render/years.js';
import { cumulativeIndex } from '../../core/timeline.js';

export function projectCommand(context: CommandContext) {
  const { io } = context;
  return new Command('project')
    .description('project a scheme\'s members, cash flows and reserve, and write the results as CSV and JSON')
    .argument('<scheme>', 'scheme folder, or its scheme.yaml / scheme.json')
    .option('-o, --out <dir>', 'output folder (default: ./sipro-out/<scheme folder name>)')
    .option('-f, --force', 'replace the output folder if it exists', false)
    .option('--json', 'print the summary as JSON on stdout instead of the table', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--strict', 'treat input warnings as errors', false)
    .option('--allow-outside', 'read CSV files that files: places outside the scheme folder', false)
    .option('--no-entrants', 'skip entrants.csv, the lifetime runs of one new entrant per group, sex and entry age (§8)')
    .option('--set <path=value>', 'override a field of scheme.yaml (a YAML value; repeatable), e.g. contributions.rate=0.12', collect, [])
    .option('--assert <assertion>', 'a gate on the results, e.g. "gap <= 0.12" (repeatable): exit 4 if one fails', collect, [])
    .option('--xlsx', 'also write results.xlsx: one sheet per output file, typed and formatted, and a summary', false)
    .option('--years <list>', 'years of the terminal table: 2025,2030,2050 or 2025:2099:5 (FROM:TO:STEP)')
    .option('--real', 'show money in the terminal table in base-year prices (deflated by the inflation assumption)', false)
    .addHelpText('after', [
      '',
      'Exit codes: 0 success, 2 usage error, 3 invalid inputs, 4 an assertion failed',
      '(the output folder is written all the same), 1 internal error.',
      '',
      'Assertions (also a list of strings under assertions: in scheme.yaml):',
      '  INDICATOR OP NUMBER        gap <= 0.12, depletion_year > 2090, pv_benefits < 2e11',
      '  COLUMN OP NUMBER [RANGE]   reserve_ratio >= 2 to 2050, density > 0.5 from 2030 to 2040',
      '  OP is < <= > >= == !=; a column must pass in every year of the range; a null',
      '  depletion_year or first_deficit_year counts as +infinity, any other null fails',
      '  every comparison but !=.',
      '',
      'Overrides: @mortality.qx=1.1 and @rates.lapse=0.5 scale a CSV column (capped at 1).',
      '',
      'Examples:',
      '  $ sipro project fixtures/demo --out results/demo --force',
      '  $ sipro project fixtures/demo --set contributions.rate=0.12 --assert "gap <= 0.16" --json',
      '',
    ].join('\n'))
    .action(async (target, options) => {
      const overrides = overridesFromOptions(options.set);
      const gates = assertionsFromOptions(options.assert);
      const loaded = await loadValid(io, target, overrides, options.strict, { json: options.json, read: { allowOutside: options.allowOutside } });
      const { data, warnings } = loaded;
      const scheme = data.scheme;
      const rangeProblem = optionRangeProblem(gates, scheme);
      if (rangeProblem !== undefined) throw new UsageError(rangeProblem);
      const tableYears = yearsOption(options.years, scheme.projection.base_year, scheme.projection.horizon);
      if (!tableYears.ok) throw new UsageError(tableYears.message);
      if (warnings.length > 0 && !options.quiet) renderDiagnostics(warnings, io);
      const outDir = options.out === undefined ? defaultOutputFolder(io.cwd, loaded.inputs[0]!.path) : resolve(io.cwd, options.out);
      await checkOutputFolder(outDir, { force: options.force, cwd: io.cwd, inputs: schemeInputs(loaded.inputs), option: '--out' });
      const model = buildModel(data);
      const result = project(model, deterministicScenario(model));
      const entrants = options.entrants ? projectEntrants(model) : undefined;
      const assertions = checkAll(scheme, gates, result);
      const record = runRecord(context.argv, loaded.inputs, scheme, overrides);
      const texts = outputFiles(result, entrants, record, assertions);
      // exceljs loads only here, on demand: it stays out of the CLI bundle's start-up.
      const workbook = options.xlsx ? await (await import('../../io/report/workbook.js')).workbookFromFiles(texts) : undefined;
      const files = workbook === undefined ? texts : new Map<string, string | Uint8Array>([...texts, ['results.xlsx', workbook]]);
      await replaceFolder(outDir, files);
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ ...result.indicators, assertions, output: outDir, run: record }, null, 2)}\n`);
      } else if (!options.quiet) {
        const priceIndex = options.real ? cumulativeIndex(deterministicScenario(model).inflation) : undefined;
        io.stdout.write(renderSummary(scheme.name, scheme.currency, result, { colour: colourEnabled(io, 'stdout') }, { years: tableYears.years, priceIndex }));
        if (io.stdoutIsTty) io.stdout.write(renderReserveChart(result.projection, { colour: colourEnabled(io, 'stdout') }));
      }
      if (!options.quiet) {
        for (const warning of projectionWarnings(result, { colour: colourEnabled(io, 'stderr') })) io.stderr.write(`${warning}\n`);
        io.stderr.write(`Wrote ${[...files.keys()].join(', ')} to ${outDir}\n`);
      }
      io.stderr.write(renderAssertionReports(assertions, { colour: colourEnabled(io, 'stderr'), quiet: options.quiet }));
      context.exit(assertions.every((report) => report.passed) ? ExitCode.success : ExitCode.assertionFailed);
    });
}
