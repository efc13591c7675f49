/**
 * Test helpers: the real node:fs/promises with one step made to fail, to simulate a stick pulled out,
 * a full disk or a read-only medium in the middle of a write.
 */
import * as fsp from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type RealFs = typeof fsp;

export function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated failure`), { code });
}

/** Every write() call writes half of what it was given, then fails with `code`. */
export function failingWriteFs(code = 'EIO', shouldFail: (path: string) => boolean = () => true): RealFs {
  const open = (async (path: string, flags?: string, mode?: number) => {
    const handle = await fsp.open(path, flags, mode);
    if (!shouldFail(path)) return handle;
    const realWrite = handle.write.bind(handle) as (
      b: Uint8Array,
      o: number,
      l: number,
      p: number | null,
    ) => Promise<{ bytesWritten: number }>;
    handle.write = (async (buffer: Uint8Array, offset: number, length: number, position: number | null) => {
      await realWrite(buffer, offset, Math.floor(length / 2), position);
      throw fsError(code);
    }) as unknown as typeof handle.write;
    return handle;
  }) as RealFs['open'];
  return { ...fsp, open };
}

/** The real fs with some functions replaced. */
export function withFs(overrides: Partial<RealFs>): RealFs {
  return { ...fsp, ...overrides };
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'golos-test-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
