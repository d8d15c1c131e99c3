/** Diagnostics on stderr, grouped by file, errors then warnings, then a count. */
import { formatDiagnostic, type Diagnostic } from '../../io/diagnostics.js';
import type { CliIo } from '../io.js';

export function renderDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo): void {
  for (const diagnostic of diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
}
