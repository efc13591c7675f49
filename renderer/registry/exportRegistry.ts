import type { Partnership, Person } from '../../shared/domain/types';
import { ok, type Result } from '../../shared/result';
import { getPlatform } from '../platform/platform';
import { sortPersons } from './sortPersons';
import { todayIso } from '../../shared/meetings/dates';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `Реестр 2025-05-01.xlsx` (local date). */
export function registryFileName(now = new Date()): string {
  return `Реестр ${todayIso(now)}.xlsx`;
}

/**
 * Writes the registry to an XLSX file through the platform (a save dialog, or a download in a browser).
 * The workbook builder (exceljs) is loaded only now. Resolves with a Russian message for the user.
 */
export async function exportRegistry(
  persons: readonly Person[],
  partnership: Partnership,
): Promise<Result<string>> {
  const { buildRegistryXlsx } = await import('../../shared/registry/exportRegistry');
  const ordered = sortPersons(persons, { key: 'fullName', dir: 'asc' });
  const bytes = await buildRegistryXlsx(ordered, partnership.name);
  const saved = await getPlatform().saveFile({ suggestedName: registryFileName(), bytes, mime: XLSX_MIME });
  if (!saved.ok) return saved;
  if (saved.value === null) return ok('Экспорт отменён.');
  return ok(`Реестр сохранён (${persons.length} чел.): ${saved.value.savedAs}`);
}
