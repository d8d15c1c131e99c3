/**
 * The run record of summary.json (§9): enough to reproduce and audit a
 * valuation. It holds no clock time, so the same inputs give the same bytes.
 */
import type { Scheme } from '../schema/scheme.js';
import type { Override } from './overrides.js';
import { VERSION } from '../version.js';

export interface InputFile {
  role: 'scheme' | 'population' | 'income' | 'mortality' | 'rates' | 'paths';
  path: string;
  name: string;
  sha256: string;
}

export interface RunRecord {
  tool: 'sipro';
  version: string;
  command_line: string[];
  inputs: { role: InputFile['role']; file: string; sha256: string }[];
  /**
   * The `--set path=value` overrides (and a sweep scenario's), in the order
   * applied, values as parsed; `scheme` already holds their effect, except
   * table scales (`@mortality.qx`, `@rates.lapse`), which act on CSV rows.
   */
  overrides: Override[];
  scheme: Scheme;
}

export function runRecord(argv: readonly string[], inputs: readonly InputFile[], scheme: Scheme, overrides: readonly Override[] = []): RunRecord {
  return {
    tool: 'sipro',
    version: VERSION,
    command_line: ['sipro', ...argv],
    inputs: inputs.map((input) => ({ role: input.role, file: input.name, sha256: input.sha256 })),
    overrides: overrides.map(({ path, value }) => ({ path, value })),
    scheme,
  };
}
