/**
 * `sipro validate DIR|scheme.yaml`: read and check every input file, report
 * every problem (methodology §9), project nothing. stdout stays empty unless
 * --json, so the command can sit in a pipeline or a CI step. With --set, the
 * scheme is checked as `project --set` would read it.
 */
import { Command } from '@commander-js/extra-typings';
import { resolve } from 'node:path';
import { errorsIn, warningsIn } from '../../io/diagnostics.js';
import { schemeSource } from '../../io/loadScheme.js';
import { loadWithOverrides } from '../../io/scenarios.js';
import { printable } from '../../io/read/shown.js';
import { ExitCode } from '../errors.js';
import { collect, overridesFromOptions } from '../gates.js';
import type { CommandContext } from '../main.js';
import { strictNote, validationJson } from '../loadValid.js';
import { renderDiagnostics } from '../render/diagnostics.js';

export function validateCommand(context: CommandContext) {
  const { io } = context;
  return new Command('validate')
    .description('check a scheme folder\'s scheme.yaml and CSV files, and list every problem')
    .argument('<scheme>', 'scheme folder, or its scheme.yaml / scheme.json')
    .option('--json', 'print {valid, errors, warnings, diagnostics} as JSON on stdout', false)
    .option('--strict', 'treat warnings as errors (exit 3)', false)
    .option('--allow-outside', 'read CSV files that files: places outside the scheme folder', false)
    .option('--set <path=value>', 'override a field of scheme.yaml before checking it (repeatable), as project --set does', collect, [])
    .addHelpText('after', [
      '',
      'Exit codes: 0 valid, 3 invalid (or warnings with --strict), 2 usage error.',
      '',
      'Examples:',
      '  $ sipro validate fixtures/demo',
      '  $ sipro validate my-scheme/scheme.yaml --strict --json',
      '  $ sipro validate fixtures/demo --set contributions.rate=0.12 --set "subsidy.entry_ages=[25,35]"',
      '',
    ].join('\n'))
    .action(async (target, options) => {
      const overrides = overridesFromOptions(options.set);
      const loaded = await loadWithOverrides(schemeSource(resolve(io.cwd, target), { allowOutside: options.allowOutside }), overrides);
      const errors = errorsIn(loaded.diagnostics).length;
      const warnings = warningsIn(loaded.diagnostics).length;
      const valid = errors === 0 && !(options.strict && warnings > 0);
      if (options.json) {
        io.stdout.write(validationJson(loaded.diagnostics, valid));
      } else {
        renderDiagnostics(loaded.diagnostics, io, { target });
        if (errors === 0 && !valid) io.stderr.write(`${strictNote(warnings)}\n`);
        if (valid && loaded.data) {
          const { scheme } = loaded.data;
          const groups = Object.keys(scheme.groups).length;
          // Rows as the files hold them (a member register's rows are merged once read).
          const rows = (role: string) => loaded.inputs.find((input) => input.role === role)?.rows ?? 0;
          io.stderr.write(`${target} is valid: "${printable(scheme.name)}", ${groups} group${groups === 1 ? '' : 's'}, ` +
            `${rows('population')} population, ${rows('income')} income, ${rows('mortality')} mortality and ${rows('rates')} rates rows\n`);
        }
      }
      context.exit(valid ? ExitCode.success : ExitCode.invalidInput);
    });
}
