/** `golos:write-package`: the user picks a folder or removable drive, then the package is written there. */
import { ok, type Result } from '../../shared/result';
import { writePackageTo, type PackageFs } from '../fs/writePackage';
import type { WritePackageRequest, WrittenPackage } from '../../shared/ipc/contract';
import type { Dialogs } from './dialogs';

export interface WritePackageDeps {
  dialogs: Pick<Dialogs, 'chooseFolder'>;
  fs?: PackageFs;
}

export async function writePackage(
  req: WritePackageRequest,
  deps: WritePackageDeps,
): Promise<Result<WrittenPackage | null>> {
  const parent = await deps.dialogs.chooseFolder({
    title: 'Куда записать пакет протокола (флешка или папка)',
  });
  if (parent === null) return ok(null);
  return writePackageTo(parent, req, deps.fs);
}
