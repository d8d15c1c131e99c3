/**
 * The output folder, in process: parent folders created without Node's
 * recursive mkdir, leftovers of interrupted runs recovered, staging folders
 * that follow the umask, and the one-writer lock.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createParentFolders, OutputPathError, recoverOutputFolder, replaceFolder, stageFolder } from '../../src/io/outputFolder.js';
import { lockFileOf, lockOutputFolder, releaseOutputFolder } from '../../src/io/outputLock.js';
import { scratchFolder } from '../cli/helpers.js';

/** A folder holding `files` (name → text). */
async function folderWith(path: string, files: Record<string, string>) {
  await mkdir(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(path, name), text);
}
const contents = async (path: string) => Object.fromEntries(await Promise.all((await readdir(path)).sort().map(async (name) => [name, await readFile(join(path, name), 'utf8')])));

describe('createParentFolders', () => {
  it('creates every missing folder above the output folder, not the folder itself', async () => {
    const root = await scratchFolder();
    await createParentFolders(join(root, 'a', 'b', 'out'));
    expect((await stat(join(root, 'a', 'b'))).isDirectory()).toBe(true);
    expect(existsSync(join(root, 'a', 'b', 'out'))).toBe(false);
  });

  it('names a dangling symbolic link on the way', async () => {
    const root = await scratchFolder();
    await symlink(join(root, 'nowhere'), join(root, 'link'));
    await expect(createParentFolders(join(root, 'link', 'out'))).rejects.toThrow(new OutputPathError(`${join(root, 'link')} is a symbolic link to ${join(root, 'nowhere')}, which does not exist`));
  });

  it('names a file on the way', async () => {
    const root = await scratchFolder();
    await writeFile(join(root, 'notes.txt'), '');
    await expect(createParentFolders(join(root, 'notes.txt', 'a', 'out'))).rejects.toThrow(new OutputPathError(`${join(root, 'notes.txt')} is a file, not a folder`));
  });

  // Node's mkdir(…, {recursive: true}) never returns there.
  it.runIf(existsSync('/proc/self'))('fails at once under /proc, where a create answers ENOENT', async () => {
    await expect(createParentFolders('/proc/nope/deeper/out')).rejects.toThrow(new OutputPathError('the folder /proc/nope cannot be created (ENOENT)'));
  }, 5000);
});

describe('recoverOutputFolder', () => {
  it('puts the retired folder back when a run was killed between its two renames', async () => {
    const root = await scratchFolder();
    const out = join(root, 'out');
    await folderWith(join(root, '.out.sipro-0123456789ab.old'), { 'a.csv': 'old' });
    await folderWith(join(root, '.out.sipro-0123456789ab'), { 'a.csv': 'new' });
    expect(recoverOutputFolder(out)).toBe(true);
    expect(await contents(out)).toEqual({ 'a.csv': 'old' });
    expect(await readdir(root)).toEqual(['out']);
  });

  it('removes a staging folder and keeps the output folder when the kill came before the renames', async () => {
    const root = await scratchFolder();
    const out = join(root, 'out');
    await folderWith(out, { 'a.csv': 'old' });
    await folderWith(join(root, '.out.sipro-00000000000f'), { 'a.csv': 'half' });
    expect(recoverOutputFolder(out)).toBe(false);
    expect(await contents(out)).toEqual({ 'a.csv': 'old' });
    expect(await readdir(root)).toEqual(['out']);
  });

  it('removes the retired folder when the kill came after the new folder was in place', async () => {
    const root = await scratchFolder();
    const out = join(root, 'out');
    await folderWith(out, { 'a.csv': 'new' });
    await folderWith(join(root, '.out.sipro-abcdefabcdef.old'), { 'a.csv': 'old' });
    expect(recoverOutputFolder(out)).toBe(false);
    expect(await contents(out)).toEqual({ 'a.csv': 'new' });
    expect(await readdir(root)).toEqual(['out']);
  });

  it('leaves other folders\' leftovers, its own lock and look-alikes alone', async () => {
    const root = await scratchFolder();
    const others = ['.out2.sipro-0123456789ab', '.out.sipro-notahexname', '.out.sipro-0123456789ab.sipro-0123456789ab', '.out.sipro-lock'];
    for (const name of others) await folderWith(join(root, name), {});
    recoverOutputFolder(join(root, 'out'));
    expect((await readdir(root)).sort()).toEqual([...others].sort());
  });
});

describe('stageFolder', () => {
  it.each([{ umask: '022', mode: '755' }, { umask: '027', mode: '750' }, { umask: '077', mode: '700' }])('makes folders that follow the umask $umask (mode $mode)', async ({ umask, mode }) => {
    const root = await scratchFolder();
    const previous = process.umask(parseInt(umask, 8));
    try {
      await replaceFolder(join(root, 'out'), new Map([['a.csv', 'x']]));
    } finally {
      process.umask(previous);
    }
    expect(((await stat(join(root, 'out'))).mode & 0o777).toString(8)).toBe(mode);
  });

  it('releases the lock and removes the staging folder on discard', async () => {
    const root = await scratchFolder();
    const staged = await stageFolder(join(root, 'out'));
    expect(existsSync(lockFileOf(join(root, 'out')))).toBe(true);
    await staged.discard();
    expect(await readdir(root)).toEqual([]);
  });

  it('replaces an existing folder whole and leaves nothing beside it', async () => {
    const root = await scratchFolder();
    await folderWith(join(root, 'out'), { 'old.csv': 'old' });
    await replaceFolder(join(root, 'out'), new Map([['new.csv', 'new']]));
    expect(await contents(join(root, 'out'))).toEqual({ 'new.csv': 'new' });
    expect(await readdir(root)).toEqual(['out']);
  });
});

/** A process that stays alive until killed, and its pid. */
function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}
/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('lockOutputFolder', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });
  const writeLock = (out: string, holder: object | string) => writeFile(lockFileOf(out), typeof holder === 'string' ? holder : JSON.stringify(holder));

  it('holds the lock once per process, and release removes the file', async () => {
    const out = join(await scratchFolder(), 'out');
    expect(await lockOutputFolder(out)).toEqual({ acquired: true });
    expect(JSON.parse(await readFile(lockFileOf(out), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(await lockOutputFolder(out)).toEqual({ acquired: true });
    releaseOutputFolder(out);
    expect(existsSync(lockFileOf(out))).toBe(false);
  });

  it('refuses a lock held by a running process of this host, and names it', async () => {
    const out = join(await scratchFolder(), 'out');
    const holder = liveProcess();
    stops.push(holder.stop);
    await writeLock(out, { pid: holder.pid, host: hostname(), started: '2026-01-01T00:00:00.000Z' });
    expect(await lockOutputFolder(out)).toEqual({ acquired: false, lockFile: lockFileOf(out), holder: { pid: holder.pid, host: hostname(), started: '2026-01-01T00:00:00.000Z' } });
  });

  it('takes over the lock of a process that has ended', async () => {
    const out = join(await scratchFolder(), 'out');
    await writeLock(out, { pid: await deadPid(), host: hostname(), started: '2026-01-01T00:00:00.000Z' });
    expect(await lockOutputFolder(out)).toEqual({ acquired: true });
    expect(JSON.parse(await readFile(lockFileOf(out), 'utf8'))).toMatchObject({ pid: process.pid });
    releaseOutputFolder(out);
  });

  it('never takes over a lock of another host (its process cannot be checked)', async () => {
    const out = join(await scratchFolder(), 'out');
    await writeLock(out, { pid: await deadPid(), host: `not-${hostname()}`, started: '2026-01-01T00:00:00.000Z' });
    expect(await lockOutputFolder(out)).toMatchObject({ acquired: false });
  });

  it('waits out an unreadable lock while it may still be being written, then takes it over', async () => {
    const out = join(await scratchFolder(), 'out');
    await writeLock(out, '');
    expect(await lockOutputFolder(out)).toMatchObject({ acquired: false, holder: undefined });
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockFileOf(out), minuteAgo, minuteAgo);
    expect(await lockOutputFolder(out)).toEqual({ acquired: true });
    releaseOutputFolder(out);
  });
});
