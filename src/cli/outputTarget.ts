/**
 * Where a run may write. A finished run replaces its output folder whole
 * (§9), so --force must never point that replacement at the user's inputs or
 * at a folder they are working in.
 */
import { lstat, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createParentFolders, OutputPathError, recoverOutputFolder } from '../io/outputFolder.js';
import { lockOutputFolder, releaseOutputFolder, type LockHolder, type LockOutcome } from '../io/outputLock.js';
import { UsageError } from './errors.js';

export interface OutputTargetRules {
  force: boolean;
  /** The working folder: neither it nor any folder above it may be replaced. */
  cwd: string;
  /** Input files and folders the run reads: the output may not be or contain one. */
  inputs: readonly string[];
  /** How the user named the folder, for messages: `--out` or `OUT`. */
  option: string;
}

/** `inner` is `outer` or lies inside it. */
const isWithin = (inner: string, outer: string) => {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
};

/**
 * Throws a UsageError naming the folder when the run must not write there.
 * Otherwise creates the folders above it, takes its lock (released when the
 * staged output is committed or discarded, or when the process ends: a
 * second run on the same folder stops here, before any work) and puts back
 * a folder that an interrupted run left half replaced.
 */
export async function checkOutputFolder(outDir: string, rules: OutputTargetRules): Promise<void> {
  if (isWithin(rules.cwd, outDir)) {
    throw new UsageError(`${rules.option} ${outDir} is the working folder or contains it: replacing it would delete your files; choose a new folder`);
  }
  const input = rules.inputs.find((path) => isWithin(path, outDir));
  if (input !== undefined) {
    throw new UsageError(`${rules.option} ${outDir} holds the input ${input}: replacing it would delete your inputs; choose another folder`);
  }
  const cannot = (reason: string) => new UsageError(`${rules.option} ${outDir} cannot be used: ${reason}`);
  try {
    await createParentFolders(outDir);
  } catch (error) {
    throw cannot(error instanceof OutputPathError ? error.message : describe(error));
  }
  let lock: LockOutcome;
  try {
    lock = await lockOutputFolder(outDir);
  } catch (error) {
    throw cannot(`no file can be created in ${dirname(outDir)} (${describe(error)})`);
  }
  if (!lock.acquired) throw new UsageError(busyMessage(outDir, lock.lockFile, lock.holder, rules.option));
  try {
    await checkNotInputsThroughLinks(outDir, rules);
    recoverOutputFolder(outDir);
    await checkReplaceable(outDir, rules);
  } catch (error) {
    releaseOutputFolder(outDir);
    throw error;
  }
}

/**
 * The same rule on real paths: through a symbolic link higher up, `--out`
 * can name the working folder or an input under another name.
 */
async function checkNotInputsThroughLinks(outDir: string, rules: OutputTargetRules): Promise<void> {
  const real = async (path: string) => realpath(path).catch(() => path);
  const realOut = join(await real(dirname(outDir)), basename(outDir));
  if (isWithin(await real(rules.cwd), realOut)) {
    throw new UsageError(`${rules.option} ${outDir} is the working folder or contains it (as ${realOut}): replacing it would delete your files; choose a new folder`);
  }
  for (const input of rules.inputs) {
    if (isWithin(await real(input), realOut)) {
      throw new UsageError(`${rules.option} ${outDir} holds the input ${input} (as ${realOut}): replacing it would delete your inputs; choose another folder`);
    }
  }
}

/** The folder may be replaced: it is absent, or a folder (not a link or a file) and --force says so. */
async function checkReplaceable(outDir: string, rules: OutputTargetRules): Promise<void> {
  let entry;
  try {
    entry = await lstat(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    throw new UsageError(`${rules.option} ${outDir} cannot be used: ${describe(error)}`);
  }
  if (entry.isSymbolicLink()) {
    throw new UsageError(`${rules.option} ${outDir} is a symbolic link (to ${await readlink(outDir)}): sipro replaces its output folder whole, so name the folder itself`);
  }
  if (!entry.isDirectory()) throw new UsageError(`${rules.option} ${outDir} is a file, not a folder: choose another ${rules.option}`);
  if (!rules.force) throw new UsageError(`the output folder ${outDir} exists: pass --force to replace it, or choose another ${rules.option}`);
}

function busyMessage(outDir: string, lockFile: string, holder: LockHolder | undefined, option: string): string {
  const who = holder === undefined ? 'another sipro run' : `another sipro run (pid ${holder.pid} on ${holder.host}, since ${holder.started})`;
  return `${who} is writing ${outDir}: wait for it to end, or choose another ${option}. ` +
    `If no sipro run is writing there, delete ${lockFile}`;
}

const describe = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/**
 * The default output folder: `./sipro-out/<scheme folder name><suffix>`
 * (fixtures/demo → sipro-out/demo). The folder name is short and known to
 * the user, where the scheme's `name` is free text.
 */
export function defaultOutputFolder(cwd: string, schemeFile: string, suffix = ''): string {
  const folder = basename(dirname(schemeFile)) || 'scheme';
  return resolve(cwd, 'sipro-out', `${folder}${suffix}`);
}

/** The files and folder a scheme run reads: its output must not replace them. */
export function schemeInputs(inputs: readonly { role: string; path: string }[]): string[] {
  const schemeFile = inputs.find((input) => input.role === 'scheme')?.path;
  return [...(schemeFile ? [dirname(schemeFile)] : []), ...inputs.map((input) => input.path)];
}
