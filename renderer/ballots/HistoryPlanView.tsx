/**
 * The preview of a batch file v2 import: new ballots, changes made on the other laptop (corrections,
 * withdrawals…), the clashes it opens (recorded on «Сверка» even when the import is cancelled).
 */
import type { BatchOrigin } from '../../shared/paper/ballotBatchV2';
import { currentVersion } from '../../shared/paper/ballotRecord';
import type { LaptopClash } from '../../shared/paper/batchClashes';
import type { HistoryPlan } from './batchFile';
import { timestampRu } from '../../shared/meetings/dates';

const KIND_TEXT: Record<string, string> = {
  logged: 'записей о получении',
  entered: 'вводов отметок',
  corrected: 'исправлений',
  withdrawn: 'отзывов',
  restored: 'восстановлений',
  second_entry: 'повторных вводов',
  settled: 'сверок',
};

export function clashVoter(c: LaptopClash): string {
  const r = c.kind === 'versions' ? c.record : c.records[0]!;
  const v = currentVersion(r).ballot.voter;
  return v.fullName ?? v.plotNumber ?? v.snils ?? r.id;
}

export function HistoryPlanView({
  fileName,
  origin,
  plan,
}: {
  fileName: string;
  origin: BatchOrigin;
  plan: HistoryPlan;
}) {
  const changes = Object.entries(plan.changes).map(([k, n]) => `${KIND_TEXT[k] ?? k}: ${n}`);
  return (
    <>
      <p>
        Файл «{fileName}» ноутбука «{origin.laptop.name}», выгружен {timestampRu(origin.exportedAt)}. Новых
        бюллетеней: {plan.newBallots}; изменений в бюллетенях, которые уже есть:{' '}
        {changes.length ? changes.join(', ') : 'нет'}; без изменений: {plan.merge.unchanged}; расхождений:{' '}
        {plan.clashes.length}.
      </p>
      {plan.older && (
        <p className="notice warning">
          Этот файл старше уже загруженного с ноутбука «{plan.older.laptopName}» (тот выгружен{' '}
          {timestampRu(plan.older.exportedAt)}, загружен {timestampRu(plan.older.importedAt)}).
        </p>
      )}
      {plan.clashes.length > 0 && (
        <>
          <ul className="problems" aria-label="Расхождения с файлом">
            {plan.clashes.map((c, i) => (
              <li key={i} className="warning">
                {clashVoter(c)}:{' '}
                {c.kind === 'versions'
                  ? 'бюллетень изменён по-разному на двух ноутбуках'
                  : 'бюллетень введён на двух ноутбуках с разными отметками'}
              </li>
            ))}
          </ul>
          <p className="muted">
            Расхождения записываются на вкладку «Сверка» (и при отмене загрузки) и остаются там, пока комиссия
            их не сверит; бюллетень, изменённый по-разному, до сверки не учитывается.
          </p>
        </>
      )}
    </>
  );
}
