/**
 * «Сканы»: the commission picks the scans of a stack of ballots (PDF from the copier, PNG, JPEG, TIFF)
 * and says what the stack is; the pages are read in a Web Worker (progress, cancel), the ballots read
 * clearly go into the count at once, and what the reader is not sure of waits on review cards.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_OMR_SETTINGS, type OmrSettings } from '../../shared/omr/settings';
import { useDb } from '../app/DbContext';
import { useMeetingBallots, useOperator } from '../ballots/hooks';
import { StoreStatus } from '../ballots/StoreStatus';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { isIsoDate, timestampRu, todayIso } from '../../shared/meetings/dates';
import { FillHistogramView } from './FillHistogramView';
import { loadOmrSettings } from './omrSettingsRepo';
import { ReviewCards } from './ReviewCards';
import { TestDeckPanel } from './TestDeckPanel';
import { ThresholdsPanel } from './ThresholdsPanel';
import { useScanStack, type StackKind } from './useScanStack';
import '../ballots/ballots.css';
import './scans.css';
import { DateInput } from '../app/DateInput';

const STACKS: Record<string, { label: string; kind: Omit<StackKind, 'receivedAt'> }> = {
  mail: { label: 'Оригиналы, пришедшие по почте', kind: { copy: 'original', delivery: 'mail' } },
  hand: { label: 'Оригиналы, сданные лично', kind: { copy: 'original', delivery: 'hand' } },
  email: { label: 'Сканы, присланные по электронной почте', kind: { copy: 'scan', delivery: 'email' } },
};

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff';

export function ScansTab({ meeting, partnership }: MeetingTabProps) {
  const { store, state: storeState } = useMeetingBallots(meeting);
  const [operator] = useOperator();
  const [stack, setStack] = useState('mail');
  const [receivedAt, setReceivedAt] = useState(todayIso());
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const db = useDb();
  const [settings, setSettings] = useState<OmrSettings | null>(null);
  useEffect(() => {
    let live = true;
    void loadOmrSettings(db, meeting.id).then((s) => live && setSettings(s));
    return () => {
      live = false;
    };
  }, [db, meeting.id]);
  const snap = storeState.status === 'ready' ? storeState.snap : null;
  const registry = useMemo(() => snap?.input.registry ?? [], [snap?.input.registry]);
  const names = useMemo(() => new Map(registry.map((p) => [p.id, p.fullName])), [registry]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const scan = useScanStack({
    meeting,
    registry,
    partnershipName: partnership.name,
    settings: settings ?? DEFAULT_OMR_SETTINGS,
    operator,
    store,
  });
  const { state } = scan;
  if (!snap || !settings) return <StoreStatus state={snap ? { status: 'loading' } : storeState} />;

  const pick = async (list: FileList | null) => {
    setError('');
    if (!list || list.length === 0) return;
    if (!operator.trim()) {
      setError('Укажите, кто работает: поле «Оператор» вверху окна.');
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedAt)) {
      setError('Дата получения: укажите дату.');
      return;
    }
    // The files go to the scans worker as picked: it reads them, the window's thread never does.
    const files = [...list];
    if (input.current) input.current.value = '';
    await scan.start(files, { ...STACKS[stack]!.kind, receivedAt });
  };

  const reading = state.phase === 'reading';
  return (
    <div className="ballots-tab scans-tab">
      <h2>Сканы бюллетеней</h2>
      <p className="muted">
        Голос читает отметки на сканах бюллетеней, которые он сам напечатал (QR-код и угловые метки). Ясно
        прочитанные бюллетени сразу учитываются; то, в чём чтение не уверено, показывается на карточках для
        решения.
      </p>
      <fieldset className="scan-stack" disabled={reading}>
        <legend>Пачка</legend>
        <label>
          Что за пачка{' '}
          <select value={stack} onChange={(e) => setStack(e.target.value)}>
            {Object.entries(STACKS).map(([k, s]) => (
              <option key={k} value={k}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Дата получения <DateInput value={receivedAt} onChange={(v) => isIsoDate(v) && setReceivedAt(v)} />
        </label>
        <button type="button" onClick={() => input.current?.click()}>
          Выбрать сканы…
        </button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          aria-label="Файлы сканов"
          onChange={(e) => void pick(e.target.files)}
        />
      </fieldset>
      <ThresholdsPanel
        meetingId={meeting.id}
        settings={settings}
        operator={operator}
        onSaved={setSettings}
        disabled={reading}
      />
      <TestDeckPanel
        meeting={meeting}
        partnershipName={partnership.name}
        settings={settings}
        disabled={reading}
      />
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
      {state.phase === 'reading' && (
        <div className="scan-progress" role="status" aria-label="Чтение сканов">
          <progress
            max={state.progress.total || 1}
            value={state.progress.done}
            aria-label="Прочитано страниц"
          />{' '}
          {state.progress.total
            ? `Прочитано страниц: ${state.progress.done} из ${state.progress.total}`
            : 'Подготовка к чтению…'}
          {state.progress.last && !state.progress.last.read && (
            <span className="muted">
              {' '}
              · {state.progress.last.source}: {state.progress.last.message}
            </span>
          )}{' '}
          <button type="button" onClick={scan.cancel}>
            Отменить
          </button>
        </div>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="notice error">
          Сканы не прочитаны: {state.message}
        </p>
      )}
      {state.phase === 'done' && (
        <>
          {state.resumed && (
            <p className="notice" role="status">
              Проверка пачки, прочитанной {timestampRu(state.readAt)}, не закончена: её карточки сохранены,
              решите оставшиеся.
            </p>
          )}
          <ul className="scan-summary" aria-label="Итоги чтения сканов">
            <li>Страниц: {state.run.outcome.pages}</li>
            <li>Бюллетеней прочитано: {state.run.outcome.ballots.length}</li>
            <li>Внесено в подсчёт: {state.saved}</li>
            <li>Карточек на проверку: {state.run.outcome.cards.length}</li>
            <li>Не прочитано страниц: {state.run.outcome.rejected.length + state.run.unreadable.length}</li>
          </ul>
          <ReviewCards
            cards={state.run.outcome.cards}
            crops={state.run.outcome.crops}
            given={state.given}
            nameOf={nameOf}
            busy={state.busy}
            onAnswer={(c, a) => void scan.answer(c, a)}
          />
          {(state.run.outcome.rejected.length > 0 || state.run.unreadable.length > 0) && (
            <table aria-label="Не прочитанные страницы">
              <caption>Не прочитанные страницы</caption>
              <thead>
                <tr>
                  <th>Страница</th>
                  <th>Почему</th>
                </tr>
              </thead>
              <tbody>
                {[...state.run.outcome.rejected, ...state.run.unreadable].map((r) => (
                  <tr key={r.source}>
                    <td>{r.source}</td>
                    <td>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {state.notes.length > 0 && (
            <table aria-label="Не внесённые бюллетени">
              <caption>Не внесены</caption>
              <thead>
                <tr>
                  <th>Голосующий</th>
                  <th>Скан</th>
                  <th>Почему</th>
                </tr>
              </thead>
              <tbody>
                {state.notes.map((n) => (
                  <tr key={`${n.personId}|${n.source}`}>
                    <td>{nameOf(n.personId)}</td>
                    <td>{n.source}</td>
                    <td>{n.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FillHistogramView histogram={state.run.outcome.histogram} settings={state.settings} />
        </>
      )}
    </div>
  );
}
