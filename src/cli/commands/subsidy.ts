/**
 * `sipro subsidy DIR`: read and validate everything → project() and
 * projectEntrants() → print who pays for whom (methodology §8), or --json.
 * It writes no files: `sipro project` writes subsidy.csv and entrants.csv.
 */
import { Command } from '@commander-js/extra-typings';
import { projectEntrants } from '../../core/entrants.js';
import { buildModel } from '../../core/model.js';
import { project } from '../../core/project.js';
import { deterministicScenario } from '../../core/scenario.js';
import { ExitCode } from '../errors.js';
import { loadValid } from '../loadValid.js';
import { colourEnabled } from '../io.js';
import type { CommandContext } from '../main.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderSubsidy, subsidyReport } from '../render/subsidy.js';

const HELP = `
Prints three things on stdout:
  1. each (group, sex) of the scheme, ranked from net payers to net receivers:
     present values at the base year of its contributions, matching, benefits
     and administration over the horizon, its net transfer and money's worth
     (the rows of subsidy.csv);
  2. the money's worth of one entrant of each group, sex and entry age
     (subsidy.entry_ages), followed until it and its survivors die (entrants.csv);
  3. the share of benefits that government matching finances, scheme-wide
     and by group.
With --json: {subsidy, entrants, matching_share} on stdout. Writes no files.

Exit codes: 0 success, 2 usage error, 3 invalid inputs (or warnings with --strict).

Examples:
  $ sipro subsidy fixtures/demo
  $ sipro subsidy fixtures/demo --json > subsidy.json
`;

export function subsidyCommand(context: CommandContext) {
  const { io } = context;
  return new Command('subsidy')
    .description('show who pays for whom: net transfers by group and sex, money\'s worth by entry age, the share matching finances')
    .argument('<scheme>', 'scheme folder, or its scheme.yaml / scheme.json')
    .option('--json', 'print {subsidy, entrants, matching_share} as JSON on stdout instead of tables', false)
    .option('--strict', 'treat input warnings as errors', false)
    .option('--allow-outside', 'read CSV files that files: places outside the scheme folder', false)
    .addHelpText('after', HELP)
    .action(async (target, options) => {
      const loaded = await loadValid(io, target, [], options.strict, { json: options.json, read: { allowOutside: options.allowOutside } });
      if (loaded.warnings.length > 0) renderDiagnostics(loaded.warnings, io);
      const { scheme } = loaded.data;
      const model = buildModel(loaded.data);
      const report = subsidyReport(project(model, deterministicScenario(model)).subsidy, projectEntrants(model));
      if (options.json) {
        io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        io.stdout.write(renderSubsidy(report, {
          name: scheme.name,
          currency: scheme.currency,
          baseYear: scheme.projection.base_year,
          lastYear: scheme.projection.base_year + scheme.projection.horizon - 1,
          colour: colourEnabled(io, 'stdout'),
        }));
      }
      context.exit(ExitCode.success);
    });
}
