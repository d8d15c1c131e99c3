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

/**
 * Writes `files` (name → content) as the folder `outDir`, replacing any
 * existing folder of that name in one rename. The caller has checked --force.
 */
export async function replaceFolder(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(outDir)}.sipro-`));
  try {
    for (const [name, content] of files) await writeFile(join(staging, name), content);
    if (await pathExists(outDir)) {
      const retired = `${staging}.old`;
      await rename(outDir, retired);
      await rename(staging, outDir);
      await rm(retired, { recursive: true, force: true });
    } else {
      await rename(staging, outDir);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
