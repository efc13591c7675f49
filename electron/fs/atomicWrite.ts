/**
 * Durable and atomic file writes.
 *
 * `atomicWrite` writes to a temp file in the target's folder, fsyncs it, renames it over the target and
 * fsyncs the folder: readers see either the previous file or the new one, never a mix, and after success
 * the data survives a power cut or a pulled stick. On any failure the temp file is removed and the
 * previous target is left as it was.
 *
 * File-system access is injected (`fs`, default node:fs/promises) so tests can make a step fail midway.
 */
import { randomBytes } from 'node:crypto';
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
    const code = errorCode(e);
    if (code === undefined || !DIR_FSYNC_UNSUPPORTED.has(code)) throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
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
