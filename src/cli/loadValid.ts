/**
 * The input rule of every command that projects: errors stop the run
 * (exit 3, all of them listed), and under --strict so do warnings. The
 * warnings that remain are returned for the command to print where its
 * output order wants them (or not at all under --quiet).
 */
import { resolve } from 'node:path';
import type { SchemeData } from '../core/types.js';
import { type Diagnostic, errorCount, errorsIn, warningsIn } from '../io/diagnostics.js';
import { type LoadedInput, type ReadOptions, schemeSource } from '../io/loadScheme.js';
import type { Override } from '../io/overrides.js';
import { loadWithOverrides } from '../io/scenarios.js';
import { InvalidInputError } from './errors.js';
import type { CliIo } from './io.js';
import { renderDiagnostics } from './render/diagnostics.js';

export interface ValidScheme {
  data: SchemeData;
  inputs: LoadedInput[];
  warnings: Diagnostic[];
}

/**
 * @param options.json report invalid inputs as JSON on stdout, as `validate --json` does (the command's --json)
 * @param options.read how the files are read (--allow-outside)
 */
export async function loadValid(
  io: CliIo, target: string, overrides: readonly Override[], strict: boolean, options: { json?: boolean; read?: ReadOptions } = {},
): Promise<ValidScheme> {
  const json = options.json ?? false;
  const loaded = await loadWithOverrides(schemeSource(resolve(io.cwd, target), options.read ?? {}), overrides);
  const warnings = warningsIn(loaded.diagnostics);
  if (errorsIn(loaded.diagnostics).length > 0 || loaded.data === undefined) throw new InvalidInputError(loaded.diagnostics, { json });
  if (strict && warnings.length > 0) throw new InvalidInputError(loaded.diagnostics, { json, strict: true });
  return { data: loaded.data, inputs: loaded.inputs, warnings };
}

/** `{valid, errors, warnings, diagnostics}`: what `validate --json` prints, and every command's --json on invalid inputs. */
export function validationJson(diagnostics: readonly Diagnostic[], valid: boolean): string {
  const report = { valid, errors: errorCount(diagnostics), warnings: warningsIn(diagnostics).length, diagnostics };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The line that says why a run with only warnings failed. */
export const strictNote = (warnings: number) =>
  `sipro: --strict makes ${warnings === 1 ? 'the warning' : `the ${warnings} warnings`} above fail the run (exit 3); without --strict ${warnings === 1 ? 'it is' : 'they are'} only listed`;

/** An invalid input as the command asked: JSON on stdout, or diagnostics on stderr (with the --strict note). */
export function reportInvalidInput(error: InvalidInputError, io: CliIo): void {
  if (error.report.json) {
    io.stdout.write(validationJson(error.diagnostics, false));
    return;
  }
  renderDiagnostics(error.diagnostics, io);
  if (error.report.strict) io.stderr.write(`${strictNote(warningsIn(error.diagnostics).length)}\n`);
}
