import { useState } from 'react';
import type { NameCheck } from './importRepo';
import type { ReviewRow } from './importSession';
import { personLine } from '../registry/PersonSearch';
import { NotParticipantForm, PickPerson, RowCard, type RowDecision } from './RowCard';

/** Rows listed at once (a wrong mapping can give thousands). */
const SHOWN = 200;

/** The secretary's decisions on the rows found by the name alone (undecided rows left out). */
export function nameChecks(rows: readonly ReviewRow[]): NameCheck[] {
  const out: NameCheck[] = [];
  for (const r of rows) {
    if (!r.nameMatch || r.skipped) continue;
    const m = r.match;
    const base = { row: r.row, name: r.name, personId: r.nameMatch };
    if (m.status === 'matched' && m.by === 'user') {
      out.push(
        m.personId === r.nameMatch
          ? { ...base, decision: 'confirmed' }
          : { ...base, decision: 'rejected', pickedId: m.personId },
      );
    } else if (m.status === 'not_participant') out.push({ ...base, decision: 'rejected', reason: m.reason });
  }
  return out;
}

/**
 * Rows of an electronic results file that matched a registry person by the name alone (no СНИЛС, no
 * cadastral number that names someone): a namesake is possible, so such a row is counted only after the
 * secretary confirms it is that person; rejecting it (another person, or not a participant with a
 * reason) keeps it out. The import cannot go on while one is undecided.
 */
export function NameMatches({
  rows,
  ...decision
}: {
  /** Review rows with `nameMatch`. */
  rows: readonly ReviewRow[];
} & RowDecision) {
  const isOpen = (r: ReviewRow) => !r.skipped && r.match.status === 'matched' && r.match.by === 'name';
  const open = rows.filter(isOpen);
  // Undecided rows first, so that the ones beyond those shown come up as the first are decided.
  const shown = [...open, ...rows.filter((r) => !isOpen(r))].slice(0, SHOWN);
  return (
    <section aria-labelledby="gos-name-title">
      <h4 id="gos-name-title">
        Найдены только по ФИО: строк {rows.length}
        {open.length > 0 ? `, не подтверждено ${open.length}` : ', все решены'}
      </h4>
      <p className="lead">
        В этих строках нет СНИЛС и кадастрового номера, участник найден по совпадению ФИО — это может быть
        однофамилец. Подтвердите, что это тот человек, или отклоните совпадение: строка будет учтена только
        после подтверждения.
      </p>
      <ul className="gos-review" aria-label="Строки, найденные только по ФИО">
        {shown.map((r) => (
          <NameCard key={r.row} row={r} {...decision} />
        ))}
      </ul>
      {rows.length > SHOWN && <p className="counts">Показаны первые {SHOWN} строк.</p>}
    </section>
  );
}

function NameCard({ row, ...decision }: { row: ReviewRow } & RowDecision) {
  const { persons, busy, onDecide } = decision;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const found = persons.get(row.nameMatch!);
  const foundText = found ? personLine(found) : row.nameMatch!;
  const [check] = nameChecks([row]);
  const status = check
    ? check.decision === 'confirmed'
      ? `Подтверждено: ${foundText}.`
      : check.pickedId
        ? `Совпадение отклонено, выбран другой участник: ${persons.get(check.pickedId)?.fullName ?? check.pickedId}.`
        : `Совпадение отклонено, не участник: ${check.reason}.`
    : `Найден только по ФИО: ${foundText}.`;
  return (
    <RowCard
      row={row}
      label={`Строка ${row.row} (по ФИО)`}
      details={`${row.name}${row.plot ? `, № ${row.plot}` : ''}`}
      decided={check !== undefined}
      status={status}
      {...decision}
    >
      {rejecting ? (
        <>
          <PickPerson row={row} label={`Другой участник: строка ${row.row}`} {...decision} />
          <NotParticipantForm
            row={row}
            label={`Или: почему не участник (строка ${row.row})`}
            placeholder="например: однофамилец, не собственник"
            submit="Отклонить: не участник"
            reason={reason}
            onReason={setReason}
            onCancel={() => setRejecting(false)}
            {...decision}
          />
        </>
      ) : (
        <div className="toolbar">
          <button
            type="button"
            disabled={busy || row.skipped}
            onClick={() => onDecide({ row: row.row, kind: 'person', personId: row.nameMatch! })}
          >
            Подтвердить: это {found?.fullName ?? 'он'}
          </button>
          <button type="button" disabled={busy || row.skipped} onClick={() => setRejecting(true)}>
            Отклонить совпадение…
          </button>
        </div>
      )}
    </RowCard>
  );
}
