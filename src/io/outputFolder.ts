/**
 * A run's output folder is replaced whole or not at all (§9): files go to a
 * staging folder `.OUT.sipro-<hex>` beside it, which is renamed into place at
 * the end. Replacing an existing folder takes two renames (no call swaps two
 * folders in one step), OUT → `.OUT.sipro-<hex>.old` then staging → OUT: a
 * run killed between them leaves OUT missing. So every run, under the
 * folder's lock (outputLock.ts), first puts a retired folder back when OUT is
 * missing and removes staging leftovers (`recoverOutputFolder`); SIGINT and
 * SIGTERM during a replacement do the same before the process ends.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { lstat, mkdir, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { lockOutputFolder, releaseOutputFolder } from './outputLock.js';

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Why a folder cannot be created, found on the way (a dangling link, a file in the path, a folder that refuses). */
export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

/**
 * Creates the missing folders above `outDir`, one at a time from the deepest
 * existing one. Not `mkdir -p`: Node's recursive mkdir loops forever where
 * the file system answers ENOENT to a create (/proc/nope/x).
 */
export async function createParentFolders(outDir: string): Promise<void> {
  const missing: string[] = [];
  let folder = dirname(outDir);
  while (!(await isFolder(folder))) {
    missing.unshift(folder);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new OutputPathError(`the folder ${path} cannot be created (${code ?? String(error)})`);
    }
  }
}

/** Whether a folder is at `path` (links followed); false if nothing is; OutputPathError for a file or a dangling link. */
async function isFolder(path: string): Promise<boolean> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file higher up, which the walk up reaches and names.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const link = await lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink()) throw new OutputPathError(`${path} is a symbolic link to ${await readlink(path)}, which does not exist`);
    return false;
  }
  if (!info.isDirectory()) throw new OutputPathError(`${path} is a file, not a folder`);
  return true;
}

/** The staging (`.OUT.sipro-<12 hex>`) and retired (`….old`) folders of `outDir` left in its parent. */
function leftoversOf(outDir: string): { staging: string[]; retired: string[] } {
  const prefix = `.${basename(outDir)}.sipro-`;
  const pattern = /^[0-9a-f]{12}(\.old)?$/;
  const names = readdirSync(dirname(outDir)).filter((name) => name.startsWith(prefix) && pattern.test(name.slice(prefix.length))).sort();
  return {
    staging: names.filter((name) => !name.endsWith('.old')).map((name) => join(dirname(outDir), name)),
    retired: names.filter((name) => name.endsWith('.old')).map((name) => join(dirname(outDir), name)),
  };
}

/**
 * Puts `outDir` back in one piece after an interrupted run: if it is missing
 * and a retired copy exists, the retired copy returns (the interrupted run
 * never finished, so the folder is as before it); then staging and retired
 * leftovers are removed. Call it only holding the folder's lock. Synchronous,
 * so that a signal handler can run it. Returns whether a folder was restored.
 */
export function recoverOutputFolder(outDir: string): boolean {
  const { staging, retired } = leftoversOf(outDir);
  let restored = false;
  // Under the lock there is at most one retired folder; were there more, the first is kept, the others removed.
  const [previous] = retired;
  if (previous !== undefined && lstatSync(outDir, { throwIfNoEntry: false }) === undefined) {
    renameSync(previous, outDir);
    restored = true;
  }
  for (const path of [...staging, ...retired]) rmSync(path, { recursive: true, force: true });
  return restored;
}

/**
 * Tests only: `SIPRO_TEST_PAUSE=<step>` holds a replacement at that step
 * (staged, retired or replaced) for a minute after saying so on stderr, so
 * that a test can kill the process exactly there. Unset, it does nothing.
 */
async function pauseForTests(step: 'staged' | 'retired' | 'replaced'): Promise<void> {
  if (process.env['SIPRO_TEST_PAUSE'] !== step) return;
  process.stderr.write(`sipro: SIPRO_TEST_PAUSE: paused at ${step}\n`);
  await new Promise((resolve) => setTimeout(resolve, 60_000));
}

/** A folder being written next to its final place, renamed into place by `commit` (§9: replaced whole or not at all). */
export interface StagedFolder {
  /** The temporary folder to write into. */
  path: string;
  /** Replaces `outDir` by the staged folder, then releases the folder's lock. */
  commit(): Promise<void>;
  /** Removes the staged folder (after a failure) and releases the lock. */
  discard(): Promise<void>;
}

/**
 * A staging folder beside `outDir` to write a run's files into. The caller
 * has checked --force (cli/outputTarget.ts, which also takes the lock; a
 * caller that did not gets the lock here). The staging folder is made with
 * mkdir, not mkdtemp, so that it follows the umask (mkdtemp's is 0700).
 */
export async function stageFolder(outDir: string): Promise<StagedFolder> {
  await createParentFolders(outDir);
  const lock = await lockOutputFolder(outDir);
  if (!lock.acquired) throw new Error(`${outDir} is being written by another run (lock file ${lock.lockFile})`);
  const staging = join(dirname(outDir), `.${basename(outDir)}.sipro-${randomBytes(6).toString('hex')}`);
  const retired = `${staging}.old`;
  const onSignal = (signal: NodeJS.Signals) => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    try {
      recoverOutputFolder(outDir);
    } finally {
      releaseOutputFolder(outDir);
    }
    // With nobody else listening, end as the signal would have without us (exit status 128 + n).
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const finish = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    releaseOutputFolder(outDir);
  };
  try {
    await mkdir(staging);
  } catch (error) {
    releaseOutputFolder(outDir);
    throw new OutputPathError(`cannot create a folder beside ${outDir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    path: staging,
    async commit() {
      try {
        await pauseForTests('staged');
        if (await pathExists(outDir)) {
          await rename(outDir, retired);
          await pauseForTests('retired');
          await rename(staging, outDir);
          await pauseForTests('replaced');
          await rm(retired, { recursive: true, force: true });
        } else {
          await rename(staging, outDir);
        }
      } catch (error) {
        recoverOutputFolder(outDir);
        throw error;
      } finally {
        finish();
      }
    },
    async discard() {
      try {
        await rm(staging, { recursive: true, force: true });
      } finally {
        finish();
      }
    },
  };
}

/**
 * Writes `files` (name → content) as the folder `outDir`, replacing any
 * existing folder of that name in one rename. The caller has checked --force.
 */
export async function replaceFolder(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const staged = await stageFolder(outDir);
  try {
    for (const [name, content] of files) await writeFile(join(staged.path, name), content);
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
