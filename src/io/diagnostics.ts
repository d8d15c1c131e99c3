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
}

/** `population.csv:42: count "-3" must be a number >= 0` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  const severity = diagnostic.severity === 'warning' ? 'warning: ' : '';
  return `${place}: ${severity}${diagnostic.message}`;
}

export const errorsIn = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
export const warningsIn = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'warning');
