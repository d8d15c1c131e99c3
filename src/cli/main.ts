/**
 * The command line: parse argv, run one command, return an exit code.
 * bin/sipro.js sets process.exitCode from it; tests call it in-process.
 */
import './zodWithoutEval.js';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { ExitCode, InvalidInputError, REPORT_URL, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { reportInvalidInput } from './loadValid.js';
import { VERSION } from '../version.js';
import { CellMemoryError } from '../core/year/kernel.js';
import { commandsFor } from './commands/index.js';

/** What every command's action gets: the injected world and a way to set the exit code. */
export interface CommandContext {
  io: CliIo;
  /** The full command line, for the run record (§9). */
  argv: readonly string[];
  exit(code: ExitCode): void;
}

export type CommandFactory = (context: CommandContext) => Command<unknown[], Record<string, unknown>, Record<string, unknown>>;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: ExitCode = ExitCode.success;
  const context: CommandContext = { io, argv, exit: (code) => { exitCode = code; } };
  const program = new Command('sipro')
    .description('Actuarial projections of social insurance schemes for self-employed workers.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', [
      '',
      'Examples:',
      '  $ sipro init my-scheme          # start from the demo scheme',
      '  $ sipro validate my-scheme      # list every problem in its files',
      '',
      'Exit codes: 0 success, 1 internal error, 2 usage error, 3 invalid inputs, 4 an assertion failed.',
      '',
    ].join('\n'))
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .exitOverride();
  try {
    // A command's modules load here: a bug in one is an internal error like any other.
    for (const factory of await commandsFor(argv)) {
      program.addCommand(factory(context).exitOverride().showHelpAfterError('(run with --help for usage)').configureOutput({
        writeOut: (text) => void io.stdout.write(text),
        writeErr: (text) => void io.stderr.write(text),
      }));
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/**
 * File-system refusals (a full disk, a read-only or forbidden folder) come
 * from the user's machine, not from a bug: they are reported as such.
 */
const ENVIRONMENT_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'EMFILE', 'ENAMETOOLONG']);
function isEnvironmentError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  const candidate = error as NodeJS.ErrnoException;
  return error instanceof Error && typeof candidate.code === 'string' && ENVIRONMENT_ERRORS.has(candidate.code) && typeof candidate.path === 'string';
}

function reportFailure(error: unknown, io: CliIo): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help/version text).
    return error.exitCode === 0 ? ExitCode.success : ExitCode.usage;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`sipro: ${error.message}\n(run with --help for usage)\n`);
    return ExitCode.usage;
  }
  if (error instanceof InvalidInputError) {
    reportInvalidInput(error, io);
    return ExitCode.invalidInput;
  }
  if (error instanceof CellMemoryError) {
    io.stderr.write(`sipro: invalid input: ${error.message}\n`);
    return ExitCode.invalidInput;
  }
  if (isEnvironmentError(error)) {
    io.stderr.write(`sipro: cannot use ${error.path}: ${error.message}\n`);
    return ExitCode.usage;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(
    `sipro: internal error: this is a bug in sipro ${VERSION}, not in your inputs.\n` +
    `Please report it at ${REPORT_URL} with the command line and this message:\n${detail}\n`,
  );
  return ExitCode.internal;
}

/** The real process's streams and environment. */
export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}
