import { err, ok, type Result } from '../result';
import { readTable } from '../spreadsheet/readTable';
import { parseRegistry, type ParseRegistryOptions, type RegistryImport } from './parseRegistry';

/**
 * readTable + parseRegistry: an error only when the file cannot be read as a table at all. The table is
 * this function's own: it is let go row by row as the persons are read.
 */
export async function readRegistryFile(
  bytes: Uint8Array,
  fileName: string,
  opts: ParseRegistryOptions,
): Promise<Result<RegistryImport>> {
  const table = await readTable(bytes, fileName);
  if (!table.ok) return err(table.error);
  return ok(parseRegistry(table.value, { ...opts, consume: true }));
}
