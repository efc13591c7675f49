/**
 * Durable and atomic file writes.
 *
 * `atomicWrite` writes to a temp file in the target's folder, fsyncs it, renames it over the target and
 * fsyncs the folder: readers see either the previous file or the new one, never a mix, and after success
 * the data survives a power cut or a pulled stick. On any failure the temp file is removed and the
 * previous target is left as it was.
 *
 * `atomicWriteAllSync` is the same steps for several files at once, synchronously (the command line):
 * every file goes to its temp file first; only when all are written and fsynced are they renamed over
 * their targets, then their folders are fsynced.
 *
 * One module for the app (electron/) and the command line (cli/ imports it from here): both write files the same way.
 * File-system access is injected (`fs`, default node:fs/promises) so tests can make a step fail midway.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { err, ok, type Result } from '../../shared/result';
import { errorCode, fsProblem } from './fsProblem';

export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink'>;

/** Bytes handed to one write() call; large files are written in pieces. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Creates `path` (which must not exist), writes all bytes, fsyncs and closes it. On failure removes the
 * partial file and rethrows.
 */
export async function writeFileDurable(
  path: string,
  bytes: Uint8Array,
  fs: AtomicFs = nodeFs,
): Promise<void> {
  const handle = await fs.open(path, 'wx', 0o644);
  try {
    let offset = 0;
    while (offset < bytes.byteLength) {
      const length = Math.min(CHUNK_BYTES, bytes.byteLength - offset);
      const { bytesWritten } = await handle.write(bytes, offset, length, offset);
      if (bytesWritten <= 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
      offset += bytesWritten;
    }
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
    throw e;
  }
  try {
    await handle.close();
  } catch (e) {
    await fs.unlink(path).catch(() => undefined);
    throw e;
  }
}

/** Error codes meaning "this file system cannot fsync a folder": nothing more can be flushed. */
const DIR_FSYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR']);

/**
 * Flushes a folder's entries (new names, renames) to the device. Windows cannot open a folder for fsync
 * (NTFS/FAT journal the rename themselves), so it is skipped there.
 */
export async function fsyncDir(
  dir: string,
  fs: Pick<typeof nodeFs, 'open'> = nodeFs,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  if (platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch (e) {
    if (!dirFsyncUnsupported(e)) throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function dirFsyncUnsupported(e: unknown): boolean {
  const code = errorCode(e);
  return code !== undefined && DIR_FSYNC_UNSUPPORTED.has(code);
}

/** `fsyncDir`, synchronously. */
export function fsyncDirSync(dir: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!dirFsyncUnsupported(e)) throw e;
  } finally {
    closeSync(fd);
  }
}

/** A hidden temp file beside `target`; `tag` (default random) tells concurrent writers apart. */
export function tempNameFor(target: string, tag: string = randomBytes(6).toString('hex')): string {
  return join(dirname(target), `.${basename(target)}.${tag}.tmp`);
}

export async function atomicWrite(
  target: string,
  bytes: Uint8Array,
  fs: AtomicFs = nodeFs,
  platform: NodeJS.Platform = process.platform,
): Promise<Result<{ path: string }>> {
  const temp = tempNameFor(target);
  try {
    await writeFileDurable(temp, bytes, fs);
  } catch (e) {
    return err([fsProblem(e, target)]);
  }
  try {
    await fs.rename(temp, target);
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    return err([fsProblem(e, target)]);
  }
  try {
    await fsyncDir(dirname(target), fs, platform);
  } catch (e) {
    // The new file is in place but its name may not be on the device yet.
    return err([fsProblem(e, target)]);
  }
  return ok({ path: target });
}

/** A file's content: text (UTF-8), bytes, or text produced piece by piece (a large results.json). */
export type FileData = string | Uint8Array | ((emit: (chunk: string) => void) => void);

function writeAllBytes(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const length = Math.min(CHUNK_BYTES, bytes.byteLength - offset);
    const written = writeSync(fd, bytes, offset, length);
    if (written <= 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
    offset += written;
  }
}

/** Text produced piece by piece, written in pieces of about 1 MB. */
function writePieces(fd: number, produce: (emit: (chunk: string) => void) => void): void {
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    writeAllBytes(fd, Buffer.from(pending.join(''), 'utf8'));
    pending = [];
    size = 0;
  };
  produce((chunk) => {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) flush();
  });
  flush();
}

/**
 * All or nothing, synchronously: every file goes to a temp file beside it (`tempNameFor(path, pid)`,
 * fsynced); only when all are written are they renamed over their targets and their folders fsynced. A
 * failed write removes the temp files, leaves the targets alone and throws.
 */
export function atomicWriteAllSync(
  files: readonly { path: string; data: FileData }[],
  platform: NodeJS.Platform = process.platform,
): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      const temp = tempNameFor(f.path, String(process.pid));
      temps.push(temp);
      const fd = openSync(temp, 'w', 0o644);
      try {
        if (typeof f.data === 'function') writePieces(fd, f.data);
        else writeAllBytes(fd, typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw e;
  }
  files.forEach((f, i) => renameSync(temps[i]!, f.path));
  for (const dir of new Set(files.map((f) => dirname(f.path)))) fsyncDirSync(dir, platform);
}
