/**
 * The world as the CLI sees it, injected so that tests run main() in-process
 * with captured streams.
 */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Whether stdout is a terminal: tables and progress only then. */
  stdoutIsTty: boolean;
  /** Whether stderr is a terminal: colour on stderr only then. */
  stderrIsTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Colour is off when the stream is not a TTY or when NO_COLOR is set (https://no-color.org). */
export function colourEnabled(io: CliIo, stream: 'stdout' | 'stderr'): boolean {
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return stream === 'stdout' ? io.stdoutIsTty : io.stderrIsTty;
}
