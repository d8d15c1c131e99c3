/**
 * The run record of summary.json (§9): enough to reproduce and audit a
 * valuation. It holds no clock time, so the same inputs give the same bytes.
 */
import type { Scheme } from '../schema/scheme.js';
import { VERSION } from '../version.js';

export interface InputFile {
  role: 'scheme' | 'population' | 'income' | 'mortality' | 'rates';
  path: string;
  name: string;
  sha256: string;
}

export interface RunRecord {
  tool: 'sipro';
  version: string;
  command_line: string[];
  inputs: { role: InputFile['role']; file: string; sha256: string }[];
  scheme: Scheme;
}

export function runRecord(argv: readonly string[], inputs: readonly InputFile[], scheme: Scheme): RunRecord {
  return {
    tool: 'sipro',
    version: VERSION,
    command_line: ['sipro', ...argv],
    inputs: inputs.map((input) => ({ role: input.role, file: input.name, sha256: input.sha256 })),
    scheme,
  };
}
