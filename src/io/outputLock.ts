/**
 * One writer per output folder: a run that will replace `OUT` first creates
 * the lock file `.OUT.sipro-lock` next to it (open with O_EXCL, so only one
 * run can), holding its pid, host and start time. A second run finds the
 * lock and stops with a message naming the holder rather than racing the
 * first one's renames.
 *
 * A killed run's lock is stale when its pid no longer runs on this host; the
 * next run takes it over. Liveness, not a heartbeat: a heartbeat (proper-
 * lockfile's mtime refresh) stops while a long synchronous projection holds
 * the event loop, and the live run would lose its lock. A lock held from
 * another host cannot be checked; the message says which file to delete.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  started: string;
}

export type LockOutcome =
  | { acquired: true }
  | { acquired: false; lockFile: string; holder: LockHolder | undefined };

/** An unreadable lock younger than this is taken to be one being written (the O_EXCL create and the write are two steps). */
const UNREADABLE_GRACE_MS = 10_000;

/** `.OUT.sipro-lock` beside the folder `OUT`. */
export const lockFileOf = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.sipro-lock`);

/**
 * Lock files this process holds. A lock belongs to the process, not to a
 * call, so this is process state: the exit handler below must find them.
 */
const held = new Set<string>();
let exitHandlerInstalled = false;

function releaseAllOnExit() {
  for (const lockFile of held) {
    try {
      unlinkSync(lockFile);
    } catch {
      // Already gone (its folder was deleted): nothing to release.
    }
  }
  held.clear();
}

/** Takes the lock of `outDir` (whose parent must exist), or says who holds it. Taking a lock this process holds succeeds. */
export async function lockOutputFolder(outDir: string): Promise<LockOutcome> {
  const lockFile = lockFileOf(outDir);
  if (held.has(lockFile)) return { acquired: true };
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  // A stale lock taken over between our read and our rename sends us round again; a few rounds settle any race.
  for (let round = 0; round < 5; round += 1) {
    try {
      await writeFile(lockFile, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      held.add(lockFile);
      if (!exitHandlerInstalled) {
        process.on('exit', releaseAllOnExit);
        exitHandlerInstalled = true;
      }
      return { acquired: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockFile);
    if (holder === 'gone') continue;
    if (!(await isStale(lockFile, holder))) return { acquired: false, lockFile, holder: holder ?? undefined };
    await breakStaleLock(lockFile);
  }
  return { acquired: false, lockFile, holder: undefined };
}

/** Releases the lock of `outDir` if this process holds it. Synchronous, so that signal handlers can call it. */
export function releaseOutputFolder(outDir: string): void {
  const lockFile = lockFileOf(outDir);
  if (!held.delete(lockFile)) return;
  try {
    unlinkSync(lockFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** The holder written in a lock file; null if it cannot be read as one; 'gone' if the file vanished meanwhile. */
async function readHolder(lockFile: string): Promise<LockHolder | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    if (typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.started === 'string') {
      return { pid: holder.pid, host: holder.host, started: holder.started };
    }
  } catch {
    // Half-written or not ours: judged by its age below.
  }
  return null;
}

async function isStale(lockFile: string, holder: LockHolder | null): Promise<boolean> {
  if (holder === null) {
    try {
      return Date.now() - (await stat(lockFile)).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return true;
    }
  }
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(lockFile);
  return !isRunning(holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a stale lock aside under a name of our own (only one of two runs
 * breaking the same lock can), then checks that what we moved is still
 * stale: if a live run had taken the lock in between, it is put back.
 */
async function breakStaleLock(lockFile: string): Promise<void> {
  const aside = `${lockFile}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside);
  if (moved !== 'gone' && !(await isStale(aside, moved))) {
    await link(aside, lockFile).catch(() => undefined);
  }
  await rm(aside, { force: true });
}
