/**
 * Opening an input file safely. Only regular files are read: a FIFO would
 * block forever and /dev/zero never ends, so both are refused from their
 * `stat`, before anything is opened. A file that resolves outside the scheme
 * folder (`../../etc/passwd`, or a link that leads out) is refused unless the
 * user allows it, and a file larger than its limit is refused from its size.
 */
import { constants, type Stats } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { formatBytes } from './limits.js';

export type InputKind = 'file' | 'folder' | 'missing' | 'loop' | 'fifo' | 'device' | 'socket' | 'unreadable';

/** What lies at `path`, following links, without opening it. */
export async function inputKind(path: string): Promise<{ kind: InputKind; code?: string }> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'loop' };
    return { kind: 'unreadable', code };
  }
  return { kind: kindOfStats(stats) };
}

function kindOfStats(stats: Stats): InputKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  return 'device';
}

/** Why a path that is not a regular file cannot be read, as the end of a message. */
export function kindProblem(kind: Exclude<InputKind, 'file' | 'missing'>, code?: string): string {
  switch (kind) {
    case 'folder': return 'is a folder, not a file';
    case 'loop': return 'is a loop of symbolic links that leads back to itself: it names no file';
    case 'fifo': return 'is a named pipe (FIFO), not a regular file: sipro reads only regular files, as a pipe could block forever';
    case 'device': return 'is a device, not a regular file: sipro reads only regular files, as a device such as /dev/zero never ends';
    case 'socket': return 'is a socket, not a regular file: sipro reads only regular files';
    case 'unreadable': return `cannot be read (${describeCode(code)})`;
  }
}

export const describeCode = (code: string | undefined): string => {
  switch (code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENAMETOOLONG': return 'the name is too long';
    default: return code ?? 'unknown error';
  }
};

/** `path` is not inside `folder`, by their names (`../x`, `/etc/passwd`). */
export function leavesFolder(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}

/**
 * Where `path` really is, if that lies outside `folder` (both resolved
 * through their links); undefined when it is inside.
 */
export async function outsideFolder(path: string, folder: string): Promise<string | undefined> {
  const [realFile, realFolder] = await Promise.all([realpath(path), realpath(folder)]);
  return leavesFolder(realFile, realFolder) ? realFile : undefined;
}

export type Opened = { ok: true; handle: FileHandle; size: number } | { ok: false; problem: string };

/**
 * Opens a regular file for reading, checked again through its descriptor (the
 * path may have changed since it was looked at), and refuses it when it holds
 * more than `maxBytes`.
 */
export async function openRegularFile(path: string, maxBytes: number, limitOf: string): Promise<Opened> {
  let handle: FileHandle;
  try {
    // Non-blocking: should a FIFO take the file's place after the check, opening it must not wait for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, problem: kindProblem('loop') };
    if (code === 'ENOENT') return { ok: false, problem: 'does not exist' };
    return { ok: false, problem: kindProblem('unreadable', code) };
  }
  const stats = await handle.stat();
  const kind = kindOfStats(stats);
  if (kind !== 'file') {
    await handle.close();
    return { ok: false, problem: kindProblem(kind === 'missing' ? 'unreadable' : kind) };
  }
  if (stats.size > maxBytes) {
    await handle.close();
    return { ok: false, problem: `is ${formatBytes(stats.size)}, more than the ${formatBytes(maxBytes)} sipro reads for ${limitOf}: is it the right file?` };
  }
  return { ok: true, handle, size: stats.size };
}

/**
 * The whole content of an opened file, read up to `maxBytes` (a file that
 * grows while it is read is cut there and refused).
 */
export async function readOpened(handle: FileHandle, size: number, maxBytes: number, limitOf: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: string }> {
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.allocUnsafe(Math.min(Math.max(size, 1) + 1, 1 << 20));
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { ok: false, problem: `holds more than the ${formatBytes(maxBytes)} sipro reads for ${limitOf}: is it the right file?` };
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, problem: kindProblem('unreadable', (error as NodeJS.ErrnoException).code) };
  } finally {
    await handle.close();
  }
}

/**
 * The text of a file named on the command line or by a scheme outside the
 * scheme's own inputs (a scenarios, cases or paths file, a life table): a
 * regular file of at most `maxBytes`, decoded as UTF-8, or why it cannot be
 * read — never a wait on a FIFO or a read of /dev/zero without end.
 * @example await readNamedText('cases.csv', MAX_FILE_BYTES.table, 'a cases file') // {ok: true, text: 'scenario,...'}
 */
export async function readNamedText(path: string, maxBytes: number, limitOf: string): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  const opened = await openRegularFile(path, maxBytes, limitOf);
  if (!opened.ok) return opened;
  const read = await readOpened(opened.handle, opened.size, maxBytes, limitOf);
  return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : read;
}
