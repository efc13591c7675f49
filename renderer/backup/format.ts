/** Russian display of sizes, times and table names on the backup and audit screens. */

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'КБ'] : [bytes / (1024 * 1024), 'МБ'];
  return `${value.toFixed(1).replace('.', ',')} ${unit}`;
}

/** Russian names of the app's tables; a table not listed is shown by its own name. */
export const TABLE_LABELS: Record<string, string> = {
  partnership: 'Товарищество',
  persons: 'Реестр участников',
  registrySnapshots: 'Снимки реестра',
  meetings: 'Собрания',
  agenda: 'Вопросы повестки',
  ballots: 'Бюллетени',
  votes: 'Голоса',
  attendance: 'Регистрация присутствующих',
  scans: 'Сканы',
  attachments: 'Вложения',
  imports: 'Импорт',
  conflicts: 'Расхождения',
  settings: 'Настройки',
  audit: 'Журнал изменений',
  // The tables of the app's database as they are named since schema version 3.
  snapshots: 'Реестры собраний (зафиксированные)',
  paperBallots: 'Бумажные бюллетени',
  gosuslugiImports: 'Импорт Госуслуг',
  importMappings: 'Сопоставления столбцов',
  resolutions: 'Решения счётной комиссии',
};

export function tableLabel(name: string): string {
  return TABLE_LABELS[name] ?? name;
}
