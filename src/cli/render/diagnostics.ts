/**
 * Diagnostics on stderr: grouped by file (in the order the files were read),
 * errors then warnings, each by line; then a count. Colour only when
 * colourEnabled says so — chalk itself ignores NO_COLOR.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { errorCount, warningsIn, type Diagnostic } from '../../io/diagnostics.js';
import { colourEnabled, type CliIo } from '../io.js';

export interface RenderOptions {
  /** What was checked, as the user typed it: ends the count line (`… in fixtures/x`). */
  target?: string;
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo, options: RenderOptions = {}): void {
  if (diagnostics.length === 0) return;
  const chalk = new Chalk({ level: colourEnabled(io, 'stderr') ? 1 : 0 });
  const blocks = groupByFile(diagnostics).map((group) => group.map((diagnostic) => `${formatLine(diagnostic, chalk)}\n`).join(''));
  io.stderr.write(`${blocks.join('\n')}\n${countLine(diagnostics, options.target)}\n`);
}

/** `2 errors, 1 warning in fixtures/x` */
export function countLine(diagnostics: readonly Diagnostic[], target?: string): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const counts = `${plural(errorCount(diagnostics), 'error')}, ${plural(warningsIn(diagnostics).length, 'warning')}`;
  return target === undefined ? counts : `${counts} in ${target}`;
}

/** Files in order of first mention; inside each, errors then warnings, by line (file-wide findings last). */
export function groupByFile(diagnostics: readonly Diagnostic[]): Diagnostic[][] {
  const files = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) files.set(diagnostic.file, [...(files.get(diagnostic.file) ?? []), diagnostic]);
  const rank = (diagnostic: Diagnostic) => [diagnostic.severity === 'error' ? 0 : 1, diagnostic.line ?? Number.POSITIVE_INFINITY] as const;
  return [...files.values()].map((group) => [...group].sort((a, b) => {
    const [severityA, lineA] = rank(a);
    const [severityB, lineB] = rank(b);
    return severityA - severityB || lineA - lineB;
  }));
}

/** The plain text is formatDiagnostic's, so coloured and plain output read the same. */
function formatLine(diagnostic: Diagnostic, chalk: ChalkInstance): string {
  const place = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  if (diagnostic.severity === 'warning') return `${chalk.bold(`${place}:`)} ${chalk.yellow('warning:')} ${diagnostic.message}`;
  return `${chalk.bold.red(`${place}:`)} ${diagnostic.message}`;
}
