import { useState } from 'react';
import type { GosuslugiValue } from '../../shared/gosuslugi/values';
import { formatSnils } from '../../shared/registry/snils';
import type { ErrorRow, PreviewView, ReviewRow } from './importSession';
import { matchText, VALUE_OPTIONS } from './importText';
import { NameMatches } from './NameMatches';
import { personLine } from '../registry/PersonSearch';
import { NotParticipantForm, PickPerson, RowCard, type RowDecision } from './RowCard';
import { PreviewCounts } from './PreviewCounts';

/** Rows listed at once in each section; the rest are counted (a wrong mapping can give thousands). */
const SHOWN = 200;

/**
 * Step 2: the rows that need the user. Answers that are not answers (fix the value or skip the row),
 * rows matching no one or several persons (pick the person, or mark the row as not a participant with
 * a reason), persons on two rows. Nothing is stored here.
 */
export function ReviewStep({
  preview,
  skipRows,
  persons,
  getIndex,
  busy,
  onFix,
  onSkip,
  onDecide,
  onUndecide,
  onBack,
  onNext,
}: {
  preview: PreviewView;
  /** Rows the user skipped (those without errors are listed here to be taken back). */
  skipRows: readonly number[];
  onFix: (row: number, question: number, value: GosuslugiValue | null) => void;
  onSkip: (row: number, skip: boolean) => void;
  onBack: () => void;
  onNext: () => void;
} & RowDecision) {
  const nameOf = (id: string) => persons.get(id)?.fullName ?? id;
  const decision: RowDecision = { persons, getIndex, busy, onDecide, onUndecide };
  const errorRows = preview.errorRows;
  const open = errorRows.filter((r) => !r.skipped && r.cells.some((c) => c.fixed === undefined));
  // Skipped rows with errors are listed (and taken back) in the table of errors.
  const withErrors = new Set(errorRows.map((r) => r.row));
  const skippedElsewhere = [...skipRows].filter((r) => !withErrors.has(r)).sort((a, b) => a - b);
  // Rows found by the name alone have their own section: confirm or reject each.
  const nameRows = preview.reviewRows.filter((r) => r.nameMatch !== undefined);
  const reviewRows = preview.reviewRows.filter((r) => r.nameMatch === undefined);
  return (
    <div className="gos-step">
      <h3>Шаг 2. Проверка строк</h3>
      <PreviewCounts preview={preview} />

      <section aria-labelledby="gos-errors-title">
        <h4 id="gos-errors-title">
          Непонятные значения:{' '}
          {errorRows.length === 0 ? 'нет' : `строк ${errorRows.length}, не исправлено ${open.length}`}
        </h4>
        {errorRows.length > 0 && (
          <>
            <p className="lead">
              Выберите, что ответил участник, или пропустите строку — пропущенная строка не учитывается.
            </p>
            <div className="table-scroll gos-scroll">
              <table className="grid gos-errors" aria-label="Строки с непонятными значениями">
                <thead>
                  <tr>
                    <th className="gos-col-row">Строка</th>
                    <th>Участник</th>
                    <th>Столбец</th>
                    <th>В файле</th>
                    <th>Исправить на</th>
                    <th className="gos-col-action" />
                  </tr>
                </thead>
                <tbody>
                  {errorRows.slice(0, SHOWN).map((r) => (
                    <ErrorLines key={r.row} row={r} busy={busy} onFix={onFix} onSkip={onSkip} />
                  ))}
                </tbody>
              </table>
            </div>
            {errorRows.length > SHOWN && <p className="counts">Показаны первые {SHOWN} строк.</p>}
          </>
        )}
      </section>

      <section aria-labelledby="gos-review-title">
        <h4 id="gos-review-title">
          Не найдены в реестре или неоднозначны:{' '}
          {reviewRows.length === 0 ? 'нет' : `строк ${reviewRows.length}`}
        </h4>
        {reviewRows.length > 0 && (
          <p className="lead">
            Найдите человека в реестре собрания или отметьте, что это не участник (с причиной). Строки без
            решения не учитываются.
          </p>
        )}
        <ul className="gos-review" aria-label="Строки для сопоставления">
          {reviewRows.slice(0, SHOWN).map((r) => (
            <ReviewCard key={r.row} row={r} nameOf={nameOf} {...decision} />
          ))}
        </ul>
        {reviewRows.length > SHOWN && <p className="counts">Показаны первые {SHOWN} строк.</p>}
      </section>

      {nameRows.length > 0 && <NameMatches rows={nameRows} {...decision} />}

      {preview.duplicates.length > 0 && (
        <section aria-labelledby="gos-twice-title">
          <h4 id="gos-twice-title">Один участник в нескольких строках</h4>
          <p className="lead">
            Совпадающие ответы будут учтены один раз, расходящиеся — как расхождение для счётной комиссии.
            Лишнюю строку можно пропустить.
          </p>
          <ul className="gos-twice">
            {preview.duplicates.map((d) => (
              <li key={d.personId}>
                {nameOf(d.personId)}: строки {d.rows.join(', ')}{' '}
                {d.rows.map((row) => (
                  <button
                    key={row}
                    type="button"
                    className="link"
                    disabled={busy}
                    onClick={() => onSkip(row, true)}
                  >
                    Пропустить строку {row}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {skippedElsewhere.length > 0 && (
        <section aria-labelledby="gos-skipped-title">
          <h4 id="gos-skipped-title">Пропущенные строки: {skippedElsewhere.join(', ')}</h4>
          <p>
            {skippedElsewhere.map((row) => (
              <button
                key={row}
                type="button"
                className="link"
                disabled={busy}
                onClick={() => onSkip(row, false)}
              >
                Вернуть строку {row}
              </button>
            ))}
          </p>
        </section>
      )}

      {preview.otherErrors.length > 0 && (
        <ul className="problems" aria-label="Ошибки">
          {preview.otherErrors.map((p, i) => (
            <li key={i} className="error">
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {preview.warningCount > 0 && (
        <details className="gos-warnings">
          <summary>Предупреждения: {preview.warningCount}</summary>
          <ul className="problems">
            {preview.warnings.map((p, i) => (
              <li key={i} className="warning">
                {p.message}
              </li>
            ))}
          </ul>
          {preview.warningCount > preview.warnings.length && (
            <p className="counts">Показаны первые {preview.warnings.length}.</p>
          )}
        </details>
      )}

      <div className="actions">
        <button type="button" onClick={onBack} disabled={busy}>
          Назад к столбцам
        </button>
        <button
          type="button"
          className="primary"
          onClick={onNext}
          disabled={busy || !preview.ready || preview.nameOpen > 0}
        >
          Далее: подтверждение
        </button>
        {!preview.ready ? (
          <span className="counts">Сначала исправьте или пропустите строки с ошибками.</span>
        ) : (
          preview.nameOpen > 0 && (
            <span className="counts">
              Сначала подтвердите или отклоните строки, найденные только по ФИО: {preview.nameOpen}.
            </span>
          )
        )}
      </div>
    </div>
  );
}

function ErrorLines({
  row,
  busy,
  onFix,
  onSkip,
}: {
  row: ErrorRow;
  busy: boolean;
  onFix: (row: number, question: number, value: GosuslugiValue | null) => void;
  onSkip: (row: number, skip: boolean) => void;
}) {
  const skip = (
    <button type="button" className="link" disabled={busy} onClick={() => onSkip(row.row, !row.skipped)}>
      {row.skipped ? `Вернуть строку ${row.row}` : `Пропустить строку ${row.row}`}
    </button>
  );
  return (
    <>
      {row.cells.map((c, i) => (
        <tr key={c.question} className={row.skipped ? 'gos-skipped' : undefined}>
          <td>{row.row}</td>
          <td title={row.name}>{row.name || '—'}</td>
          <td title={c.column}>{c.column}</td>
          <td>«{c.text}»</td>
          <td>
            <select
              aria-label={`Строка ${row.row}, ${c.column}: исправить на`}
              value={c.fixed ?? ''}
              disabled={busy || row.skipped}
              onChange={(e) =>
                onFix(row.row, c.question, e.target.value === '' ? null : (e.target.value as GosuslugiValue))
              }
            >
              <option value="">— выберите —</option>
              {VALUE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </td>
          <td>{i === 0 ? skip : null}</td>
        </tr>
      ))}
      {row.other.map((text, i) => (
        <tr key={`other-${i}`} className={row.skipped ? 'gos-skipped' : undefined}>
          <td>{row.row}</td>
          <td title={row.name}>{row.name || '—'}</td>
          <td colSpan={3} title={text}>
            {text}
          </td>
          <td>{row.cells.length === 0 && i === 0 ? skip : null}</td>
        </tr>
      ))}
    </>
  );
}

function ReviewCard({
  row,
  nameOf,
  ...decision
}: { row: ReviewRow; nameOf: (id: string) => string } & RowDecision) {
  const { persons, busy, onDecide } = decision;
  const [reason, setReason] = useState('');
  const [notParticipant, setNotParticipant] = useState(false);
  const m = row.match;
  const decided = (m.status === 'matched' && m.by === 'user') || m.status === 'not_participant';
  const details = [
    row.name || 'ФИО не указано',
    row.snils && `СНИЛС ${formatSnils(row.snils)}`,
    row.cadastral.length > 0 && `кадастровый номер ${row.cadastral.join(', ')}`,
    row.plot && `№ ${row.plot}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <RowCard
      row={row}
      label={`Строка ${row.row}`}
      details={details}
      decided={decided}
      status={`${decided ? 'Решено: ' : ''}${matchText(m, nameOf)}`}
      {...decision}
    >
      {m.status === 'ambiguous' && (
        <ul className="gos-candidates" aria-label={`Кто подходит: строка ${row.row}`}>
          {m.candidates.map((pid) => {
            const p = persons.get(pid);
            return (
              <li key={pid}>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => onDecide({ row: row.row, kind: 'person', personId: pid })}
                >
                  Это {p ? personLine(p) : pid}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <PickPerson row={row} label={`Найти в реестре: строка ${row.row}`} {...decision} />
      {!notParticipant ? (
        <button type="button" className="link" disabled={busy} onClick={() => setNotParticipant(true)}>
          Не участник…
        </button>
      ) : (
        <NotParticipantForm
          row={row}
          label={`Почему не участник (строка ${row.row})`}
          placeholder="например: продал участок до начала голосования"
          submit="Отметить: не участник"
          reason={reason}
          onReason={setReason}
          onCancel={() => setNotParticipant(false)}
          {...decision}
        />
      )}
    </RowCard>
  );
}
