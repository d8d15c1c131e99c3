/**
 * Where a run may write. A finished run replaces its output folder whole
 * (§9), so --force must never point that replacement at the user's inputs or
 * at a folder they are working in.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
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

/** Throws a UsageError naming the folder when the run must not write there. */
export async function checkOutputFolder(outDir: string, rules: OutputTargetRules): Promise<void> {
  if (isWithin(rules.cwd, outDir)) {
    throw new UsageError(`${rules.option} ${outDir} is the working folder or contains it: replacing it would delete your files; choose a new folder`);
  }
  const input = rules.inputs.find((path) => isWithin(path, outDir));
  if (input !== undefined) {
    throw new UsageError(`${rules.option} ${outDir} holds the input ${input}: replacing it would delete your inputs; choose another folder`);
  }
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(outDir)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new UsageError(`${rules.option} ${outDir} cannot be created: part of that path is a file, not a folder`);
    throw new UsageError(`${rules.option} ${outDir} cannot be used: ${(error as Error).message}`);
  }
  if (!isDirectory) throw new UsageError(`${rules.option} ${outDir} is a file, not a folder: choose another ${rules.option}`);
  if (!rules.force) throw new UsageError(`the output folder ${outDir} exists: pass --force to replace it, or choose another ${rules.option}`);
}

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
