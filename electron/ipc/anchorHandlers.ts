/**
 * `golos:anchor-read`, `golos:anchor-write`: the audit trail's head kept outside the database, one file
 * per database in `<userData>/anchors` (`golos.json`), beside the backups folder and never inside it, so
 * neither a restore nor the pruning of old backups touches it. Written atomically (temp file, fsync,
 * rename, fsync folder); the renderer names only the database, never a path.
 */
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, problem, type Result } from '../../shared/result';
import { atomicWrite, type AtomicFs } from '../fs/atomicWrite';
import { errorCode, fsProblem } from '../fs/fsProblem';
import type { AnchorReadRequest, AnchorWriteRequest, AuditAnchor } from '../../shared/ipc/contract';
import { validateAuditAnchor } from '../../shared/ipc/validate';

export type AnchorFs = AtomicFs & Pick<typeof nodeFs, 'mkdir' | 'readFile'>;

export interface AnchorDeps {
  /** The folder holding the anchors; created when missing. */
  dir: string;
  fs?: AnchorFs;
}

/** The anchor file of a database (the name is validated: Latin letters, digits, hyphens). */
export const anchorPath = (dir: string, store: string) => join(dir, `${store}.json`);

export async function writeAnchorFile(req: AnchorWriteRequest, deps: AnchorDeps): Promise<Result<null>> {
  const fs = deps.fs ?? nodeFs;
  const path = anchorPath(deps.dir, req.store);
  try {
    await fs.mkdir(deps.dir, { recursive: true });
  } catch (e) {
    return err([fsProblem(e, path)]);
  }
  const bytes = new TextEncoder().encode(JSON.stringify(req.anchor) + '\n');
  const written = await atomicWrite(path, bytes, fs);
  if (!written.ok) {
    return err(written.error.map((p) => ({ ...p, message: `Якорь журнала не записан. ${p.message}` })));
  }
  return ok(null);
}

export async function readAnchorFile(
  req: AnchorReadRequest,
  deps: AnchorDeps,
): Promise<Result<AuditAnchor | null>> {
  const fs = deps.fs ?? nodeFs;
  const path = anchorPath(deps.dir, req.store);
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return ok(null);
    return err([fsProblem(e, path, 'read')]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const anchor = validateAuditAnchor(value);
  if (!anchor.ok) {
    return err([
      problem(
        'anchor_damaged',
        `Файл якоря журнала изменений «${path}» повреждён: ${anchor.error[0]!.message}`,
        {
          file: path,
        },
      ),
    ]);
  }
  return anchor;
}
