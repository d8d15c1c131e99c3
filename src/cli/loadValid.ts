/**
 * The input rule of every command that projects: errors stop the run
 * (exit 3, all of them listed), and under --strict so do warnings. The
 * warnings that remain are returned for the command to print where its
 * output order wants them (or not at all under --quiet).
 */
import { resolve } from 'node:path';
import type { SchemeData } from '../core/types.js';
import { type Diagnostic, errorsIn, warningsIn } from '../io/diagnostics.js';
import { type LoadedInput, type ReadOptions, schemeSource } from '../io/loadScheme.js';
import type { Override } from '../io/overrides.js';
import { loadWithOverrides } from '../io/scenarios.js';
import { InvalidInputError } from './errors.js';
import type { CliIo } from './io.js';

export interface ValidScheme {
  data: SchemeData;
  inputs: LoadedInput[];
  warnings: Diagnostic[];
}

export async function loadValid(io: CliIo, target: string, overrides: readonly Override[], strict: boolean, read: ReadOptions = {}): Promise<ValidScheme> {
  const loaded = await loadWithOverrides(schemeSource(resolve(io.cwd, target), read), overrides);
  const warnings = warningsIn(loaded.diagnostics);
  if (errorsIn(loaded.diagnostics).length > 0 || loaded.data === undefined) throw new InvalidInputError(loaded.diagnostics);
  if (strict && warnings.length > 0) throw new InvalidInputError(loaded.diagnostics);
  return { data: loaded.data, inputs: loaded.inputs, warnings };
}
