/**
 * The stored ballots of one channel: find one, see its history (every version, who, when, why), correct
 * it (the reason first, then the entry screen loads it), withdraw or restore it (with a reason). Nothing
 * is deleted: a withdrawn ballot stays in the list and in its history.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Ballot, Channel, Person } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { currentVersion, type PaperBallotRecord } from '../../shared/paper/ballotRecord';
import { diffBallots } from '../../shared/paper/ballotDiff';
import type { LiveResults } from '../../shared/paper/liveResults';
import { voterIndex } from '../../shared/paper/voterRef';
import { normalizeName } from '../../shared/text/normalizeName';
import { markText } from '../../shared/tally/explain';
import { useDb } from '../app/DbContext';
import { Modal } from '../app/Modal';
import { useToast } from '../app/Toasts';
import type { PaperBallotRow } from '../db/records';
import { restoreBallot, withdrawBallot } from './ballotRepo';
import type { BallotSnapshot, BallotStore } from './ballotStore';
import { BallotRows } from './BallotRows';
import { ReasonModal } from './ReasonModal';
import { arrivalLine, FLAG_TEXT, marksLine, problemText, VERSION_TEXT } from './texts';
import { timestampRu } from '../../shared/meetings/dates';

const LIMIT = 100;

interface Line {
  r: PaperBallotRow;
  v: ReturnType<typeof currentVersion>;
  name: string;
  /** The name as searched. */
  key: string;
  /** When it last changed. */
  last: string;
  registry: readonly Person[];
}

function voterName(ballot: Ballot, registry: readonly Person[]): string {
  const i = voterIndex(registry, ballot.voter);
  return i >= 0 ? registry[i]!.fullName : (ballot.voter.fullName ?? 'участник не найден в реестре');
}

export function BallotList({
  meeting,
  snap,
  store,
  channel,
  operator,
  live,
  onEdit,
  openRef,
  onBack,
}: {
  meeting: Meeting;
  snap: BallotSnapshot;
  store: BallotStore;
  channel: Exclude<Channel, 'gosuslugi'>;
  operator: string;
  live: LiveResults | null;
  onEdit: (ballot: Ballot, reason: string) => void;
  /** Filled with a function that opens the list from the entry (F4): the search emptied and focused. */
  openRef?: { current: (() => void) | null };
  /** Esc in the search box: back to the entry. */
  onBack?: () => void;
}) {
  const db = useDb();
  const toast = useToast();
  const registry = snap.input.registry;
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!openRef) return;
    openRef.current = () => {
      setQuery('');
      searchRef.current?.focus();
    };
    return () => {
      openRef.current = null;
    };
  }, [openRef]);
  // The history window follows the stored record, so a save made while it opens is in it.
  const [historyId, setHistoryId] = useState<string | null>(null);
  const history =
    historyId === null ? null : (snap.input.paperRecords.find((r) => r.id === historyId) ?? null);
  const [asking, setAsking] = useState<{ kind: 'edit' | 'withdraw' | 'restore'; row: PaperBallotRow } | null>(
    null,
  );

  // The list follows a save after the live figures have been drawn (it sorts every record).
  const records = useDeferredValue(snap.input.paperRecords);
  const deferredLive = useDeferredValue(live);
  // Each record's line is worked out once (records are replaced, never changed, when a ballot is saved).
  const [lines] = useState(() => new WeakMap<PaperBallotRow, Line>());
  const rows = useMemo(() => {
    const q = normalizeName(query);
    const plot = query.trim();
    const out: Line[] = [];
    for (const r of records) {
      let line = lines.get(r);
      if (!line || line.registry !== registry) {
        const v = currentVersion(r);
        const name = voterName(v.ballot, registry);
        line = { r, v, name, key: normalizeName(name), last: r.versions.at(-1)!.at, registry };
        lines.set(r, line);
      }
      if (line.v.ballot.channel !== channel) continue;
      if (q && !line.key.includes(q) && !(line.v.ballot.voter.plotNumber ?? '').startsWith(plot)) continue;
      out.push(line);
    }
    return out.sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
  }, [records, channel, registry, query, lines]);

  const shown = useMemo(() => rows.slice(0, LIMIT), [rows]);
  const outcomes = useMemo(
    () => new Map((deferredLive?.tally.ballots ?? []).map((o) => [o.ballotId, o])),
    [deferredLive],
  );
  /** Accepted ballots per person: a second ballot is shown as such, not as a plain «учитывается». */
  const ballotsOf = useMemo(() => {
    const n = new Map<string, number>();
    for (const o of deferredLive?.tally.ballots ?? []) {
      if (o.status === 'accepted' && o.personId) n.set(o.personId, (n.get(o.personId) ?? 0) + 1);
    }
    return n;
  }, [deferredLive]);

  const act = async (kind: 'withdraw' | 'restore', row: PaperBallotRow, reason: string) => {
    const ctx = { meeting, registry, by: operator };
    const result =
      kind === 'withdraw'
        ? await withdrawBallot(db, ctx, row.id, reason)
        : await restoreBallot(db, ctx, row.id, reason);
    if (!result.ok) {
      toast({ message: problemText(result.error) });
      return;
    }
    store.apply({ records: [result.value] });
    setAsking(null);
    toast({
      message:
        kind === 'withdraw' ? 'Бюллетень отозван: он больше не учитывается.' : 'Бюллетень восстановлен.',
    });
  };

  return (
    <section className="ballot-list" aria-label="Введённые бюллетени">
      <h2>Введённые бюллетени</h2>
      <div className="toolbar">
        <label className="field search">
          <span className="sr-label">Найти бюллетень</span>
          <input
            type="search"
            placeholder="ФИО или номер участка"
            aria-label="Найти бюллетень"
            value={query}
            ref={searchRef}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && onBack) {
                e.preventDefault();
                onBack();
              }
            }}
          />
        </label>
      </div>
      <p className="counts">
        {rows.length > LIMIT
          ? `Показаны последние ${LIMIT} из ${rows.length}: уточните поиск.`
          : `Бюллетеней: ${rows.length}`}
      </p>
      {rows.length > 0 && (
        <div className="table-scroll short">
          <table className="grid">
            <thead>
              <tr>
                <th>Участник</th>
                <th>Экземпляр</th>
                <th>Состояние</th>
                <th>В подсчёте</th>
                <th className="actions-cell">Действия</th>
              </tr>
            </thead>
            <BallotRows
              lines={shown}
              outcomes={outcomes}
              ballotsOf={ballotsOf}
              meeting={meeting}
              onHistory={setHistoryId}
              onAsk={setAsking}
            />
          </table>
        </div>
      )}
      {history && (
        <BallotHistory
          row={history}
          meeting={meeting}
          name={voterName(currentVersion(history).ballot, registry)}
          onClose={() => setHistoryId(null)}
        />
      )}
      {asking?.kind === 'edit' && (
        <ReasonModal
          title="Исправление бюллетеня"
          intro="Бюллетень откроется в форме ввода; прежний вариант сохранится в истории."
          action="Открыть для исправления"
          onClose={() => setAsking(null)}
          onSubmit={(reason) => {
            const row = asking.row;
            setAsking(null);
            onEdit(currentVersion(row).ballot, reason);
          }}
        />
      )}
      {asking && asking.kind !== 'edit' && (
        <ReasonModal
          title={asking.kind === 'withdraw' ? 'Отзыв бюллетеня' : 'Восстановление бюллетеня'}
          intro={
            asking.kind === 'withdraw'
              ? 'Бюллетень перестанет учитываться, но останется в списке со всей историей.'
              : 'Бюллетень снова будет учитываться в том виде, в каком был до отзыва.'
          }
          action={asking.kind === 'withdraw' ? 'Отозвать' : 'Восстановить'}
          onClose={() => setAsking(null)}
          onSubmit={(reason) => act(asking.kind as 'withdraw' | 'restore', asking.row, reason)}
        />
      )}
    </section>
  );
}

/** Every version of one ballot: what changed, who, when and why. */
export function BallotHistory({
  row,
  meeting,
  name,
  onClose,
}: {
  row: PaperBallotRecord;
  meeting: Meeting;
  name: string;
  onClose: () => void;
}) {
  const numbers = meeting.questions.map((q) => q.number);
  return (
    <Modal title={`История бюллетеня: ${name}`} onClose={onClose}>
      <table className="grid history" aria-label="Версии бюллетеня">
        <thead>
          <tr>
            <th className="n">№</th>
            <th>Что</th>
            <th>Кто, когда</th>
            <th>Причина</th>
            <th>Содержание</th>
          </tr>
        </thead>
        <tbody>
          {row.versions.map((v, i) => {
            const prev = row.versions
              .slice(0, i)
              .reverse()
              .find((x) => x.kind !== 'second_entry');
            const d = prev && v.kind !== 'logged' ? diffBallots(prev.ballot, v.ballot, numbers) : null;
            const changes = d
              ? [
                  ...d.questions.map((q) => `№${q.number}: ${markText(q.a)} → ${markText(q.b)}`),
                  ...d.flags.map((f) => `${FLAG_TEXT[f.reason].text}: ${f.b ? 'отмечено' : 'снято'}`),
                ]
              : [];
            return (
              <tr key={v.n}>
                <td className="n">{v.n}</td>
                <td>{VERSION_TEXT[v.kind]}</td>
                <td>
                  {v.by}, {timestampRu(v.at)}
                </td>
                <td>{v.reason ?? ''}</td>
                <td className="wrap">
                  {arrivalLine(v.ballot)}
                  {v.receiptMark ? `, отметка о получении «${v.receiptMark}»` : ''}
                  {v.marksEntered ? `; ${marksLine(v.ballot, numbers)}` : '; отметки не введены'}
                  {v.ballot.voidReasons.length > 0 &&
                    `; недействителен: ${v.ballot.voidReasons.map((r) => FLAG_TEXT[r].text).join(', ')}`}
                  {changes.length > 0 && (
                    <strong className="changes"> Изменено: {changes.join('; ')}.</strong>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Modal>
  );
}
