/**
 * Finding and opening the files of a scheme folder (methodology §2): the one
 * scheme file a target names, and each CSV that `files:` names, relative to
 * it. Every refusal is one diagnostic that says why and where the name came
 * from: a missing file, a folder, a device or pipe, a link loop, a file
 * outside the scheme folder, a file too large, or one that is not UTF-8 text.
 */
import { basename, join } from 'node:path';
import type { TableName } from '../../schema/tables.js';
import type { Diagnostic } from '../diagnostics.js';
import type { CsvSettings } from '../readTable.js';
import { binaryProblem, completeLength, firstInvalidByte, invalidUtf8Problem } from './encoding.js';
import { inputKind, kindProblem, leavesFolder, openRegularFile, outsideFolder, readOpened } from './inputFile.js';
import { MAX_FILE_BYTES } from './limits.js';
import { readTableFile, type TableFile } from './tableFile.js';

const SCHEME_NAMES = ['scheme.yaml', 'scheme.yml', 'scheme.json'];

export interface ReadOptions {
  /** Read CSVs that `files:` places outside the scheme folder (`--allow-outside`). */
  allowOutside?: boolean;
}

const error = (file: string, message: string, line?: number): Diagnostic =>
  ({ severity: 'error', file, ...(line === undefined ? {} : { line }), message });

/** The scheme file a target names: the file itself, or the one scheme file inside a folder. */
export async function findSchemeFile(path: string, target: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  const { kind, code } = await inputKind(path);
  if (kind === 'file') return path;
  if (kind === 'missing') {
    diagnostics.push(error(target, 'no such folder or file: expected a scheme folder or its scheme.yaml'));
    return undefined;
  }
  if (kind !== 'folder') {
    diagnostics.push(error(target, `${kindProblem(kind, code)}: expected a scheme folder or its scheme.yaml`));
    return undefined;
  }
  const present: string[] = [];
  for (const name of SCHEME_NAMES) if ((await inputKind(join(path, name))).kind !== 'missing') present.push(name);
  if (present.length === 1) return join(path, present[0]!);
  const message = present.length === 0
    ? `holds no ${SCHEME_NAMES.join(', ')}: a scheme folder needs one (sipro init creates a demo)`
    : `holds ${present.join(' and ')}: keep only one, so that it is clear which one is read`;
  diagnostics.push(error(target, message));
  return undefined;
}

/** The text of the scheme file, or undefined after saying why it cannot be read. */
export async function readSchemeBytes(path: string, diagnostics: Diagnostic[]): Promise<Buffer | undefined> {
  const name = basename(path);
  const { kind, code } = await inputKind(path);
  if (kind !== 'file') {
    diagnostics.push(error(name, kind === 'missing' ? 'does not exist' : kindProblem(kind, code)));
    return undefined;
  }
  const opened = await openRegularFile(path, MAX_FILE_BYTES.scheme, 'a scheme file');
  if (!opened.ok) {
    diagnostics.push(error(name, opened.problem));
    return undefined;
  }
  const read = await readOpened(opened.handle, opened.size, MAX_FILE_BYTES.scheme, 'a scheme file');
  if (!read.ok) {
    diagnostics.push(error(name, read.problem));
    return undefined;
  }
  const problem = textProblem(read.bytes);
  if (problem !== undefined) {
    diagnostics.push(error(name, problem.message, problem.line));
    return undefined;
  }
  return read.bytes;
}

/** Why bytes that should be UTF-8 text are not, with the line of the first bad byte. */
function textProblem(bytes: Buffer): { message: string; line?: number } | undefined {
  const binary = binaryProblem(bytes.subarray(0, 4096));
  if (binary !== undefined) return { message: binary };
  let at = firstInvalidByte(bytes);
  const complete = completeLength(bytes);
  if (at < 0 && complete < bytes.length) at = complete; // a character cut by the end of the file
  if (at < 0) return undefined;
  let line = 1;
  for (let index = bytes.indexOf(10); index >= 0 && index < at; index = bytes.indexOf(10, index + 1)) line += 1;
  return { message: invalidUtf8Problem(bytes[at]!), line };
}

export interface TableInput {
  role: TableName;
  /** Absolute path. */
  path: string;
  /** As the user wrote it (or the default name). */
  name: string;
  /** Named in `files:`, rather than a default name. */
  named: boolean;
  schemeName: string;
  folder: string;
}

/**
 * Reads one CSV of the scheme: `'absent'` for a rates file that the scheme
 * does not name and that does not exist (§2: then every rate is 0), or the
 * rows and findings of the file (no rows when it could not be read).
 */
export async function readSchemeTable(input: TableInput, settings: CsvSettings, options: ReadOptions): Promise<TableFile<unknown> | 'absent'> {
  const { role, path, name, named, schemeName, folder } = input;
  const refused = (message: string): TableFile<unknown> =>
    ({ rows: undefined, complete: false, diagnostics: [error(name, message)], moreErrors: 0, sha256: undefined, rowsRead: 0 });
  const origin = named
    ? `named by files.${role} in ${schemeName}`
    : `the default name of the ${role} file; set files.${role} in ${schemeName} to use another`;
  const allowance = 'a scheme reads the files of its own folder; pass --allow-outside to read it anyway';
  // Checked on the name first, so that nothing outside the folder is even looked at.
  if (!options.allowOutside && leavesFolder(path, folder)) return refused(`leaves the scheme folder (${origin}): ${allowance}`);
  const { kind, code } = await inputKind(path);
  if (kind === 'missing' && role === 'rates' && !named) return 'absent';
  if (kind === 'missing') return refused(`does not exist (${origin})`);
  if (kind === 'folder') return refused(`is a folder, not a CSV file (${origin})`);
  if (kind !== 'file') return refused(`${kindProblem(kind, code)} (${origin})`);
  if (!options.allowOutside) {
    const outside = await outsideFolder(path, folder);
    if (outside !== undefined) return refused(`is a link that leads outside the scheme folder, to ${outside} (${origin}): ${allowance}`);
  }
  const limit = role === 'population' ? MAX_FILE_BYTES.population : MAX_FILE_BYTES.table;
  const opened = await openRegularFile(path, limit, `a ${role} file`);
  if (!opened.ok) return refused(`${opened.problem} (${origin})`);
  return readTableFile(opened.handle, opened.size, role, name, settings);
}
