/**
 * The three kinds of ending: an expected exit with a code, an internal bug
 * (exit 1, printed with a "please report" hint), and the unknown (treated as a bug).
 */
import type { Diagnostic } from '../io/diagnostics.js';

export const ExitCode = {
  success: 0,
  internal: 1,
  usage: 2,
  invalidInput: 3,
  assertionFailed: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The command line itself is wrong (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** How an invalid input is reported: as JSON on stdout (a command's --json), and whether --strict made warnings fail it. */
export interface InvalidInputReport {
  json?: boolean;
  strict?: boolean;
}

/** The inputs are invalid (exit 3); the diagnostics say where and why. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
  constructor(readonly diagnostics: readonly Diagnostic[], readonly report: InvalidInputReport = {}) {
    super(`${diagnostics.length} problem(s) in the inputs`);
  }
}

export const REPORT_URL = 'https://github.com/sipro-actuarial/sipro/issues';
