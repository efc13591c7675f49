/** The start of a message naming where: `Строка 14, поле «СНИЛС»: ` or `Поле «СНИЛС»: ` without a row. */
export function at(row: number | undefined, field: string, who?: string): string {
  if (row !== undefined) return `Строка ${row}, поле «${field}»: `;
  if (who !== undefined) return `${who || 'Без ФИО'}, поле «${field}»: `;
  return `Поле «${field}»: `;
}
