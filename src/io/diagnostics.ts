/**
 * Problems as data: validation returns diagnostics, collected across all files
 * and rendered by the shell (grouped by file, on stderr or in --json).
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** The file the problem is in, as the user named it (relative to the scheme folder). */
  file: string;
  /** 1-based line number: the CSV line or the YAML line of the field. */
  line?: number;
  /** Field path, for YAML (e.g. `benefits.old_age.retirement_age`) or a CSV column. */
  path?: string;
  /** Place-free text: `count "-3" must be a number >= 0`. */
  message: string;
  /** For the line that stands for the errors of a file not listed one by one: how many it stands for. */
  unlisted?: number;
}

/** `population.csv:42: count "-3" must be a number >= 0` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  const severity = diagnostic.severity === 'warning' ? 'warning: ' : '';
  return `${place}: ${severity}${diagnostic.message}`;
}

export const errorsIn = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');

/**
 * How many errors the diagnostics report: each listed error once, and a
 * line that stands for unlisted ones (`… and 900 more errors`) as many times
 * as it says.
 * @example errorCount([{severity: 'error', file: 'a.csv', message: 'x'}, {severity: 'error', file: 'a.csv', message: '… and 900 more errors in a.csv', unlisted: 900}]) // 901
 */
export const errorCount = (diagnostics: readonly Diagnostic[]): number =>
  errorsIn(diagnostics).reduce((count, diagnostic) => count + (diagnostic.unlisted ?? 1), 0);
export const warningsIn = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'warning');
