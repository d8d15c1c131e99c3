/**
 * `sipro project DIR`: read and validate everything → project() → write the
 * output folder whole → print the terminal summary (or --json).
 */
import { Command } from '@commander-js/extra-typings';
import { resolve } from 'node:path';
import { project, PROJECTION_COLUMNS } from '../../core/project.js';
import type { ProjectionResult } from '../../core/types.js';
import { FLOW_COLUMNS } from '../../core/flows.js';
import { projectEntrants } from '../../core/entrants.js';
import type { EntrantRow } from '../../core/types.js';
import { errorsIn, warningsIn } from '../../io/diagnostics.js';
import { loadScheme } from '../../io/loadScheme.js';
import { pathExists, replaceFolder } from '../../io/outputFolder.js';
import { runRecord, type RunRecord } from '../../io/runRecord.js';
import { toCsv } from '../../io/writeCsv.js';
import { ExitCode, InvalidInputError, UsageError } from '../errors.js';
import { colourEnabled } from '../io.js';
import type { CommandContext } from '../main.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { projectionWarnings, renderSummary } from '../render/summary.js';

const SUBSIDY_COLUMNS = [
  'group', 'sex', 'pv_contributions', 'pv_matching', 'pv_old_age_benefits', 'pv_disability_benefits',
  'pv_survivor_benefits', 'pv_refunds', 'pv_maternity_benefits', 'pv_health_benefits', 'pv_funeral_benefits',
  'pv_benefits', 'pv_administration', 'net_transfer', 'money_worth',
] as const;

const ENTRANT_COLUMNS = [
  'group', 'sex', 'entry_age', 'pv_contributions', 'pv_matching', 'pv_old_age_benefits', 'pv_disability_benefits',
  'pv_survivor_benefits', 'pv_refunds', 'pv_maternity_benefits', 'pv_health_benefits', 'pv_funeral_benefits',
  'pv_benefits', 'net_transfer', 'money_worth',
] as const satisfies readonly (keyof EntrantRow)[];

/** The folder name `./sipro-out/<scheme name>` uses: the name in lower case, words joined by '-'. */
export function defaultOutputName(schemeName: string): string {
  return schemeName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'scheme';
}

/** Every file of the output folder, by name (§7, §8). */
export function outputFiles(result: ProjectionResult, entrants: readonly EntrantRow[], record: RunRecord): Map<string, string> {
  const summary = { ...result.indicators, run: record };
  return new Map([
    ['projection.csv', toCsv(result.projection, PROJECTION_COLUMNS)],
    ['by_group.csv', toCsv(result.byGroup, ['year', 'group', 'sex', ...FLOW_COLUMNS])],
    ['subsidy.csv', toCsv(result.subsidy, SUBSIDY_COLUMNS)],
    ['entrants.csv', toCsv(entrants, ENTRANT_COLUMNS)],
    ['summary.json', `${JSON.stringify(summary, null, 2)}\n`],
  ]);
}

export function projectCommand(context: CommandContext) {
  const { io } = context;
  return new Command('project')
    .description('project a scheme\'s members, cash flows and reserve, and write the results as CSV and JSON')
    .argument('<scheme>', 'scheme folder, or its scheme.yaml / scheme.json')
    .option('-o, --out <dir>', 'output folder (default: ./sipro-out/<scheme name>)')
    .option('-f, --force', 'replace the output folder if it exists', false)
    .option('--json', 'print the summary as JSON on stdout instead of the table', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--strict', 'treat input warnings as errors', false)
    .addHelpText('after', '\nExample:\n  $ sipro project fixtures/demo --out results/demo --force\n')
    .action(async (target, options) => {
      const loaded = await loadScheme(resolve(io.cwd, target));
      const errors = errorsIn(loaded.diagnostics);
      const warnings = warningsIn(loaded.diagnostics);
      if (errors.length > 0 || !loaded.data) throw new InvalidInputError(loaded.diagnostics);
      if (options.strict && warnings.length > 0) throw new InvalidInputError(loaded.diagnostics);
      if (warnings.length > 0 && !options.quiet) renderDiagnostics(warnings, io);
      const scheme = loaded.data.scheme;
      const outDir = resolve(io.cwd, options.out ?? `sipro-out/${defaultOutputName(scheme.name)}`);
      if (!options.force && await pathExists(outDir)) {
        throw new UsageError(`the output folder ${outDir} exists: pass --force to replace it, or choose another --out`);
      }
      const result = project(loaded.data);
      const record = runRecord(context.argv, loaded.inputs, scheme);
      const files = outputFiles(result, projectEntrants(loaded.data), record);
      await replaceFolder(outDir, files);
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ ...result.indicators, output: outDir, run: record }, null, 2)}\n`);
      } else if (!options.quiet) {
        io.stdout.write(renderSummary(scheme.name, scheme.currency, result, { colour: colourEnabled(io, 'stdout') }));
      }
      if (!options.quiet) {
        for (const warning of projectionWarnings(result, { colour: colourEnabled(io, 'stderr') })) io.stderr.write(`${warning}\n`);
        io.stderr.write(`Wrote ${[...files.keys()].join(', ')} to ${outDir}\n`);
      }
      context.exit(ExitCode.success);
    });
}
