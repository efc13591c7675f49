/**
 * Double entry: what is left (ballots keyed once) and every disagreement between the two blind entries,
 * for the two commission members to settle against the paper. Only settled ballots count.
 */
import { useMemo, useState } from 'react';
import type { Mark, VoidReason } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentVersion, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { doubleEntryQueue, type DoubleEntryState } from '../../shared/paper/doubleEntry';
import { VOID_REASONS } from '../../shared/paper/ballotDiff';
import { markText } from '../../shared/tally/explain';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import type { PaperBallotRow } from '../db/records';
import { settleBallot } from './ballotRepo';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { FIELD_TEXT, FLAG_TEXT, problemText } from './texts';

function nameOf(row: PaperBallotRow, names: ReadonlyMap<string, string>): string {
  return (row.personId && names.get(row.personId)) || (currentVersion(row).ballot.voter.fullName ?? '');
}

const MARKS: Mark[] = ['for', 'against', 'abstain', 'several', 'none', 'all_crossed'];

export function DoubleEntryPanel({
  meeting,
  snap,
  store,
}: {
  meeting: Meeting;
  snap: BallotSnapshot;
  store: BallotStore;
}) {
  const numbers = useMemo(() => meeting.questions.map((q) => q.number), [meeting.questions]);
  const queue = useMemo(
    () => doubleEntryQueue(snap.input.paperRecords, numbers),
    [snap.input.paperRecords, numbers],
  );
  const names = useMemo(
    () => new Map(snap.input.registry.map((p) => [p.id, p.fullName])),
    [snap.input.registry],
  );
  return (
    <section className="double-entry" aria-label="Двойной ввод">
      <h2>Двойной ввод</h2>
      <p>
        Сверено: {queue.settled}; ждут повторного ввода: {queue.awaitingSecond.length}; расхождений:{' '}
        {queue.disagree.length}. Учитываются только сверенные бюллетени.
      </p>
      {queue.disagree.map(({ record, state }) => (
        <Disagreement
          key={`${record.id}-${record.versions.length}`}
          record={record}
          state={state}
          name={nameOf(record as PaperBallotRow, names)}
          meeting={meeting}
          snap={snap}
          store={store}
        />
      ))}
    </section>
  );
}

function Disagreement({
  record,
  state,
  name,
  meeting,
  snap,
  store,
}: {
  record: PaperBallotRecord;
  state: Extract<DoubleEntryState, { state: 'disagree' }>;
  name: string;
  meeting: Meeting;
  snap: BallotSnapshot;
  store: BallotStore;
}) {
  const db = useDb();
  const toast = useToast();
  const first = currentVersion(record).ballot;
  const c = state.comparison;
  const [marks, setMarks] = useState<Record<number, Mark>>(() =>
    Object.fromEntries(c.questions.map((q) => [q.number, q.first])),
  );
  const [flags, setFlags] = useState<Partial<Record<VoidReason, boolean>>>(() =>
    Object.fromEntries(c.flags.map((f) => [f.reason, f.first])),
  );
  const settleIt = async () => {
    const voidReasons = VOID_REASONS.filter((r) => (r in flags ? flags[r] : first.voidReasons.includes(r)));
    const agreed = { ...first, marks: { ...first.marks, ...marks }, voidReasons };
    const result = await settleBallot(
      db,
      { meeting, registry: snap.input.registry, by: `${state.firstBy}, ${state.secondBy}` },
      record.id,
      agreed,
      'сверено с бумажным бюллетенем',
    );
    if (!result.ok) {
      toast({ message: problemText(result.error) });
      return;
    }
    store.apply({ records: [result.value] });
    toast({ message: `Бюллетень участника ${name} сверен и учитывается.` });
  };
  return (
    <article className="disagreement" aria-label={`Расхождение: ${name}`}>
      <h3>{name}</h3>
      <p className="muted">
        Первый ввод: {state.firstBy}; повторный: {state.secondBy}.
        {c.fields.length > 0 &&
          ` Различаются также: ${c.fields.map((f) => FIELD_TEXT[f]).join(', ')} (остаётся как в первом вводе).`}
      </p>
      <table className="grid">
        <thead>
          <tr>
            <th>Вопрос / нарушение</th>
            <th>Первый ввод</th>
            <th>Повторный ввод</th>
            <th>Верно по бумаге</th>
          </tr>
        </thead>
        <tbody>
          {c.questions.map((q) => (
            <tr key={q.number}>
              <td>№{q.number}</td>
              <td>{markText(q.first)}</td>
              <td>{markText(q.second)}</td>
              <td>
                <select
                  aria-label={`Верно по вопросу ${q.number}`}
                  value={marks[q.number]}
                  onChange={(e) => setMarks({ ...marks, [q.number]: e.target.value as Mark })}
                >
                  {MARKS.map((m) => (
                    <option key={m} value={m}>
                      {markText(m)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
          {c.flags.map((f) => (
            <tr key={f.reason}>
              <td>{FLAG_TEXT[f.reason].text}</td>
              <td>{f.first ? 'отмечено' : 'нет'}</td>
              <td>{f.second ? 'отмечено' : 'нет'}</td>
              <td>
                <label className="choice-inline">
                  <input
                    type="checkbox"
                    checked={flags[f.reason] === true}
                    onChange={(e) => setFlags({ ...flags, [f.reason]: e.target.checked })}
                  />{' '}
                  есть
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void settleIt()}>
          Сверено с бумагой: сохранить
        </button>
      </div>
    </article>
  );
}
