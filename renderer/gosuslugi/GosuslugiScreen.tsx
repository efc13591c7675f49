import { useCallback, useEffect, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import { formatDateRu } from '../../shared/meetings/dates';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import type { GosuslugiImportRecord } from '../db/records';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { getPlatform, type OpenedFile } from '../platform/platform';
import { loadMeetingRegistry } from '../tally/meetingTally';
import { createImportEngine, type ImportEngine } from './importEngine';
import { listImports, undoImport } from './importRepo';
import { BALLOTS, countText, IMPORT_ACCEPT, notCountedText, ROWS } from './importText';
import { ImportWizard } from './ImportWizard';
import './gosuslugi.css';

interface Loaded {
  registry: Person[];
  frozen: boolean;
  imports: GosuslugiImportRecord[];
}

/** The «Госуслуги» tab: the meeting's imports of the platform's results file, and the import wizard. */
export function GosuslugiScreen({ meeting }: MeetingTabProps) {
  const db = useDb();
  const toast = useToast();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [confirmUndo, setConfirmUndo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One worker while the tab is open: started before a file is picked, warm for the next file.
  const [engine, setEngine] = useState<ImportEngine | null>(null);
  useEffect(() => {
    const e = createImportEngine();
    setEngine(e);
    return () => e.dispose();
  }, []);

  const load = useCallback(async () => {
    try {
      const [{ persons, frozen }, imports] = await Promise.all([
        loadMeetingRegistry(db, meeting),
        listImports(db, meeting.id),
      ]);
      setLoaded({ registry: persons, frozen, imports });
    } catch (e) {
      setFailed(`Не удалось прочитать данные собрания: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [db, meeting]);

  useEffect(() => {
    void load();
  }, [load]);

  const pick = async () => {
    const picked = await getPlatform().openFile({ accept: IMPORT_ACCEPT });
    if (!picked.ok) {
      setFailed(picked.error.map((p) => p.message).join(' '));
      return;
    }
    const first = picked.value[0];
    if (first) {
      setFailed(null);
      setFile(first);
    }
  };

  const undo = async (id: string) => {
    setBusy(true);
    try {
      const r = await undoImport(db, id);
      if (!r.ok) setFailed(r.error.map((p) => p.message).join(' '));
      else
        toast({
          message: r.value
            ? `Замена отменена: снова действует «${r.value.fileName}».`
            : 'Импорт отменён: бюллетени Госуслуг больше не учитываются.',
        });
      setConfirmUndo(null);
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (failed && !loaded) return <p role="alert">{failed}</p>;
  if (!loaded) return <p className="loading">Загрузка…</p>;
  if (meeting.questions.length === 0) {
    return (
      <p className="notice">
        В повестке собрания нет вопросов. Сначала составьте повестку на вкладке «Подготовка» — столбцы файла
        Госуслуг сопоставляются с её вопросами.
      </p>
    );
  }

  if (file && engine) {
    return (
      <ImportWizard
        key={`${file.name}:${file.bytes.length}`}
        file={file}
        meeting={meeting}
        registry={loaded.registry}
        imports={loaded.imports}
        engine={engine}
        onCancel={() => setFile(null)}
        onDone={(record) => {
          setFile(null);
          toast({
            message: `Импорт подтверждён: «${record.fileName}», учтено ${countText(record.ballots.length, BALLOTS)}.`,
          });
          void load();
        }}
      />
    );
  }

  const active = loaded.imports.find((i) => i.status === 'active');
  const byId = new Map(loaded.imports.map((i) => [i.id, i]));
  return (
    <section className="gos" aria-labelledby="gos-title">
      <h2 id="gos-title">Результаты голосования на Госуслугах</h2>
      {!loaded.frozen && (
        <p className="notice">
          Реестр собрания ещё не зафиксирован: участники сопоставляются с текущим реестром.
        </p>
      )}
      {failed && (
        <p role="alert" className="notice error">
          {failed}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void pick()}>
          {active ? 'Загрузить исправленный файл…' : 'Загрузить файл результатов…'}
        </button>
      </div>
      {loaded.imports.length === 0 ? (
        <p className="empty">Файл результатов ещё не загружен.</p>
      ) : (
        <div className="table-scroll gos-scroll">
          <table className="grid" aria-label="Импорты файлов Госуслуг">
            <thead>
              <tr>
                <th>Файл</th>
                <th>Загружен</th>
                <th>Кто</th>
                <th>Учтено</th>
                <th>Не учтено</th>
                <th>Состояние</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {loaded.imports.map((i) => {
                const previous = loaded.imports.find((p) => p.replacedBy === i.id);
                return (
                  <tr key={i.id}>
                    <td title={i.fileName}>{i.fileName}</td>
                    <td>{formatDateRu(i.importedAt.slice(0, 10))}</td>
                    <td>{i.importedBy}</td>
                    <td>{countText(i.ballots.length, BALLOTS)}</td>
                    <td>{countText(i.notCounted.length, ROWS)}</td>
                    <td>
                      {i.status === 'active'
                        ? 'действует'
                        : `заменён файлом «${byId.get(i.replacedBy ?? '')?.fileName ?? '?'}»`}
                    </td>
                    <td className="actions-cell">
                      {i.status === 'active' && confirmUndo !== i.id && (
                        <button type="button" className="link" onClick={() => setConfirmUndo(i.id)}>
                          {previous ? 'Отменить замену' : 'Отменить импорт'}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {confirmUndo && (
        <UndoConfirm
          imports={loaded.imports}
          id={confirmUndo}
          busy={busy}
          onYes={() => void undo(confirmUndo)}
          onNo={() => setConfirmUndo(null)}
        />
      )}
      {active && <NotCounted record={active} />}
    </section>
  );
}

function UndoConfirm({
  imports,
  id,
  busy,
  onYes,
  onNo,
}: {
  imports: GosuslugiImportRecord[];
  id: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  const current = imports.find((i) => i.id === id);
  const previous = imports.find((p) => p.replacedBy === id);
  return (
    <div className="notice" role="group" aria-label="Подтверждение отмены">
      <p>
        {previous
          ? `Отменить замену? Снова будет действовать «${previous.fileName}», бюллетени из «${current?.fileName}» учитываться не будут.`
          : `Отменить импорт «${current?.fileName}»? Его бюллетени перестанут учитываться.`}
      </p>
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={onYes}>
          {previous ? 'Да, отменить замену' : 'Да, отменить импорт'}
        </button>
        <button type="button" disabled={busy} onClick={onNo}>
          Нет
        </button>
      </div>
    </div>
  );
}

/** Rows of the active import that give no ballot, each with the reason. */
function NotCounted({ record }: { record: GosuslugiImportRecord }) {
  if (record.notCounted.length === 0) return null;
  return (
    <details className="gos-not-counted" open={record.notCounted.length <= 20}>
      <summary>
        Не учтено строк из «{record.fileName}»: {record.notCounted.length}
      </summary>
      <table className="grid" aria-label="Строки файла, которые не учитываются">
        <thead>
          <tr>
            <th className="gos-col-row">Строка</th>
            <th>ФИО в файле</th>
            <th>Почему не учитывается</th>
          </tr>
        </thead>
        <tbody>
          {record.notCounted.map((r) => (
            <tr key={r.source}>
              <td>{r.row}</td>
              <td title={r.name}>{r.name || '—'}</td>
              <td title={notCountedText(r)}>{notCountedText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
