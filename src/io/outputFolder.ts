/**
 * A run's output folder is replaced whole or not at all (§9): files go to a
 * temporary sibling folder first, which is renamed into place at the end.
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A folder being written next to its final place, renamed into place by `commit` (§9: replaced whole or not at all). */
export interface StagedFolder {
  /** The temporary folder to write into. */
  path: string;
  /** Replaces `outDir` by the staged folder in one rename. */
  commit(): Promise<void>;
  /** Removes the staged folder (after a failure). */
  discard(): Promise<void>;
}

/**
 * A temporary sibling of `outDir` to write a run's files into, for runs that
 * write as they go (a sweep's `--keep-outputs`). The caller has checked --force.
 */
export async function stageFolder(outDir: string): Promise<StagedFolder> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(outDir)}.sipro-`));
  return {
    path: staging,
    async commit() {
      if (await pathExists(outDir)) {
        const retired = `${staging}.old`;
        await rename(outDir, retired);
        await rename(staging, outDir);
        await rm(retired, { recursive: true, force: true });
      } else {
        await rename(staging, outDir);
      }
    },
    discard: () => rm(staging, { recursive: true, force: true }),
  };
}

/**
 * Writes `files` (name → content) as the folder `outDir`, replacing any
 * existing folder of that name in one rename. The caller has checked --force.
 */
export async function replaceFolder(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const staged = await stageFolder(outDir);
  try {
    for (const [name, content] of files) await writeFile(join(staged.path, name), content);
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
