import { ImportSession, type ImportAnalysis } from './importSession';

/** A small registry with a problem of each kind a messy file has, read the way an import reads a file. */
export const WARM_UP_SAMPLE = [
  'Реестр членов СНТ',
  '',
  '№;ФИО;СНИЛС;Участок;Площадь;Доля;Статус;Эл. почта;Телефон',
  '1;;;3;600;;член;;',
  '2;Иванов Иван Иванович;112-233-445 95;1;600;1/2;член;ivanov@example.ru;+7 900 000-00-01',
  '3;Петрова Анна Сергеевна;112-233-445 96;1;600;1/2;арендатор;petrova@@example;',
].join('\n');

/**
 * Reads, checks and fixes the sample once, so that the code of a first import is loaded and compiled
 * before the user's file comes (a cold worker reads its first file several times slower). Changes no
 * state of the import under way. Returns the sample's reading before and after its row without a name is fixed.
 */
export async function warmUpImport(): Promise<ImportAnalysis[]> {
  const bytes = new TextEncoder().encode(WARM_UP_SAMPLE);
  const opened = await ImportSession.open(bytes, 'образец.csv', [], 'snt');
  if (!opened.ok) return [];
  const read = opened.value.analyze({});
  const row = read.problemRows[0];
  return row ? [read, opened.value.edit(row.row, row.cells.with(1, 'Сидоров Пётр Петрович'))] : [read];
}
