/**
 * Writes a protocol package into a new folder inside `parent` (a removable drive or any folder), all or
 * nothing:
 *   1. `parent` must be writable and have room for every file (checked before anything is written);
 *   2. every file and then `manifest.sha256` go into a hidden staging folder `.golos-partial-XXXXXX`,
 *      each fsynced;
 *   3. the staging folder is fsynced and renamed to the package name (a new name such as `Имя (2)` when
 *      that one exists, so an earlier package is never overwritten), then `parent` is fsynced.
 * Success is reported only after step 3, so "можно извлекать" is true. On any failure the staging folder
 * is removed and nothing appears under the package name; leftovers of an earlier interrupted write
 * (a stick pulled mid-write) are removed at the next write.
 */
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { err, ok, problem, type Result } from '../../shared/result';
import { MANIFEST_NAME, type WritePackageRequest, type WrittenPackage } from '../../shared/ipc/contract';
import { formatManifest } from '../../shared/ipc/manifest';
import { formatMegabytes } from '../../shared/ipc/validate';
import { fsyncDir, writeFileDurable } from './atomicWrite';
import { errorCode, fsProblem } from './fsProblem';

export type PackageFs = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'unlink' | 'access' | 'statfs' | 'stat' | 'mkdtemp' | 'rm' | 'readdir'
>;

const STAGING_PREFIX = '.golos-partial-';
/** Room for folder entries and file-system bookkeeping, in blocks. */
const SPARE_BLOCKS = 16;
const MAX_NAME_ATTEMPTS = 999;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function roundUp(size: number, block: number): number {
  return Math.ceil(size / block) * block;
}

async function exists(fs: PackageFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return false;
    throw e;
  }
}

async function freeName(fs: PackageFs, parent: string, folderName: string): Promise<string | null> {
  for (let n = 1; n <= MAX_NAME_ATTEMPTS; n += 1) {
    const name = n === 1 ? folderName : `${folderName} (${n})`;
    if (!(await exists(fs, join(parent, name)))) return name;
  }
  return null;
}

async function removeStaleStaging(fs: PackageFs, parent: string): Promise<void> {
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.startsWith(STAGING_PREFIX)) {
      await fs.rm(join(parent, entry), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

export async function writePackageTo(
  parent: string,
  req: WritePackageRequest,
  fs: PackageFs = nodeFs,
  platform: NodeJS.Platform = process.platform,
): Promise<Result<WrittenPackage>> {
  const written = req.files.map((f) => ({
    name: f.name,
    size: f.bytes.byteLength,
    sha256: sha256Hex(f.bytes),
  }));
  const manifest = new TextEncoder().encode(formatManifest(written));

  try {
    await fs.access(parent, constants.W_OK);
  } catch (e) {
    return err([fsProblem(e, join(parent, req.folderName))]);
  }
  await removeStaleStaging(fs, parent);

  try {
    const space = await fs.statfs(parent);
    const block = space.bsize > 0 ? space.bsize : 4096;
    const needed =
      req.files.reduce((sum, f) => sum + roundUp(f.bytes.byteLength, block), 0) +
      roundUp(manifest.byteLength, block) +
      SPARE_BLOCKS * block;
    const free = space.bavail * space.bsize;
    if (free < needed) {
      return err([
        problem(
          'fs_no_space',
          `Недостаточно места в «${parent}»: для пакета нужно ${formatMegabytes(needed)}, свободно ${formatMegabytes(free)}. Ничего не записано.`,
          { file: req.folderName },
        ),
      ]);
    }
  } catch (e) {
    const code = errorCode(e);
    // A file system that cannot report free space: the writes themselves will report ENOSPC.
    if (code !== 'ENOSYS' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') {
      return err([fsProblem(e, join(parent, req.folderName))]);
    }
  }

  let staging: string;
  try {
    staging = await fs.mkdtemp(join(parent, STAGING_PREFIX));
  } catch (e) {
    return err([fsProblem(e, join(parent, req.folderName))]);
  }

  let current = req.folderName;
  let location: string | null = null;
  try {
    for (const f of req.files) {
      current = f.name;
      await writeFileDurable(join(staging, f.name), f.bytes, fs);
    }
    current = MANIFEST_NAME;
    await writeFileDurable(join(staging, MANIFEST_NAME), manifest, fs);
    current = req.folderName;
    await fsyncDir(staging, fs, platform);

    const name = await freeName(fs, parent, req.folderName);
    if (name === null) {
      await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      return err([
        problem(
          'package_name_taken',
          `В «${parent}» уже слишком много папок с именем «${req.folderName}». Выберите другую папку.`,
          { file: req.folderName },
        ),
      ]);
    }
    await fs.rename(staging, join(parent, name));
    location = join(parent, name);
    await fsyncDir(parent, fs, platform);
    return ok({ location, files: written, manifest: MANIFEST_NAME, flushed: true });
  } catch (e) {
    // All or nothing: remove what was written, under the staging name or (if only the final flush
    // failed) under the package name.
    await fs.rm(location ?? staging, { recursive: true, force: true }).catch(() => undefined);
    await fsyncDir(parent, fs, platform).catch(() => undefined);
    const reason = fsProblem(e, join(parent, req.folderName));
    return err([{ ...reason, file: current, message: `${reason.message} Пакет не записан.` }]);
  }
}
