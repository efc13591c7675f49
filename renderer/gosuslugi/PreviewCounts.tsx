import type { PreviewView } from './importSession';

/** The figures of a preview: rows read, found in the registry (and how), not found, errors. */
export function PreviewCounts({ preview }: { preview: PreviewView }) {
  const c = preview.counts;
  const n = (x: number) => x.toLocaleString('ru-RU');
  const found = c.matched.snils + c.matched.cadastral + c.matched.name + c.matched.user;
  return (
    <ul className="summary" aria-label="Итоги проверки файла">
      <li>
        Строк участников: <strong>{n(c.rows)}</strong>
      </li>
      <li>
        Найдено в реестре: <strong>{n(found)}</strong> (по СНИЛС {n(c.matched.snils)}, по кадастровому номеру{' '}
        {n(c.matched.cadastral)}, по ФИО {n(c.matched.name)}, выбрано вручную {n(c.matched.user)})
      </li>
      <li>
        Не найдено: <strong>{n(c.unmatched)}</strong>, неоднозначно: <strong>{n(c.ambiguous)}</strong>, не
        участники: <strong>{n(c.notParticipant)}</strong>
      </li>
      <li>
        С ошибками в значениях: <strong>{n(c.withErrors)}</strong>, пропущено: <strong>{n(c.skipped)}</strong>
      </li>
      <li>
        Будет учтено бюллетеней: <strong>{n(c.counted)}</strong>
      </li>
    </ul>
  );
}
