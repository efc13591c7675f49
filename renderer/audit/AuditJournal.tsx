/**
 * The journal's list in plain Russian: filters by who, what and when, a page at a time, newest first,
 * and the filtered list as a PDF or an XLSX file for the commission.
 */
import type Dexie from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import type { Person } from '../../shared/domain/types';
import type { JournalDocument } from '../../shared/documents/journalDocuments';
import { getPlatform } from '../platform/platform';
import { AUDIT_GROUP_LABELS, type AuditGroup } from '../../shared/audit/auditCatalogue';
import { readChain } from './auditLog';
import { journalLine, type JournalLine } from './auditText';
import { describeFilter, filterJournal, NO_FILTER, type JournalFilter } from './journalFilter';
import { formatJournalDate, isIsoDate } from '../../shared/meetings/dates';
import { DateInput } from '../app/DateInput';

const SHOWN_CHANGES = 6;

async function readPersons(db: Dexie): Promise<Map<string, Person>> {
  try {
    const rows = await db.table<Person, string>('persons').toArray();
    return new Map(rows.map((p) => [p.id, p]));
  } catch {
    return new Map();
  }
}

function journalDocument(lines: readonly JournalLine[], filter: JournalFilter): JournalDocument {
  return {
    title: 'Журнал изменений',
    subtitle: `${describeFilter(filter, (g) => AUDIT_GROUP_LABELS[g])}; записей: ${lines.length}; сформирован ${formatJournalDate(new Date().toISOString())}`,
    rows: lines.map((l) => [
      String(l.seq),
      l.when,
      l.actor,
      l.what,
      l.subject,
      l.changes.join('\n'),
      l.reason ?? '',
    ]),
  };
}

export function AuditJournal({
  db,
  pageSize,
  brokenSeq,
  reload,
}: {
  db: Dexie;
  pageSize: number;
  brokenSeq: number | null;
  /** Changes when the journal should be read again (after a check). */
  reload: number;
}) {
  const [lines, setLines] = useState<JournalLine[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [limit, setLimit] = useState(pageSize);
  const [filter, setFilter] = useState<JournalFilter>(NO_FILTER);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([readChain(db), readPersons(db)])
      .then(([entries, persons]) => {
        if (!live) return;
        setLines(entries.reverse().map((e) => journalLine(e, { persons })));
      })
      .catch((e: unknown) => {
        if (!live) return;
        setLines([]);
        setFailure(`Не удалось прочитать журнал: ${e instanceof Error ? e.message : String(e)}`);
      });
    return () => {
      live = false;
    };
  }, [db, reload]);

  const actors = useMemo(() => [...new Set((lines ?? []).map((l) => l.actor))].sort(), [lines]);
  const shown = useMemo(() => filterJournal(lines ?? [], filter), [lines, filter]);
  const set = (patch: Partial<JournalFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(pageSize);
  };

  const save = async (format: 'pdf' | 'xlsx') => {
    setExporting(true);
    setFailure(null);
    try {
      const doc = journalDocument(shown, filter);
      const bytes =
        format === 'pdf'
          ? await import('../documents/documentRunner').then((m) =>
              m.runDocumentJob(
                { type: 'journalPdf', journal: doc },
                { onProgress: () => {}, signal: new AbortController().signal },
              ),
            )
          : await import('../../shared/documents/journalDocuments').then((m) => m.buildJournalWorkbook(doc));
      const saved = await getPlatform().saveFile({
        suggestedName: `Журнал изменений.${format}`,
        bytes,
        mime:
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      if (!saved.ok) setFailure(saved.error.map((p) => p.message).join(' '));
    } catch (e) {
      setFailure(`Файл журнала не создан: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setExporting(false);
    }
  };

  if (lines === null) return <p className="loading">Загрузка…</p>;
  if (lines.length === 0 && !failure) return <p className="empty">Изменений ещё не было.</p>;
  return (
    <>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <div className="toolbar" role="group" aria-label="Отбор записей">
        <div className="field">
          <label htmlFor="journal-actor">Кто</label>
          <select id="journal-actor" value={filter.actor} onChange={(e) => set({ actor: e.target.value })}>
            <option value="">все</option>
            {actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="journal-group">Что</label>
          <select
            id="journal-group"
            value={filter.group}
            onChange={(e) => set({ group: e.target.value as AuditGroup | '' })}
          >
            <option value="">всё</option>
            {(Object.keys(AUDIT_GROUP_LABELS) as AuditGroup[]).map((g) => (
              <option key={g} value={g}>
                {AUDIT_GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="journal-from">С</label>
          <DateInput
            id="journal-from"
            value={filter.from}
            onChange={(v) => (v === '' || isIsoDate(v)) && set({ from: v })}
          />
        </div>
        <div className="field">
          <label htmlFor="journal-to">По</label>
          <DateInput
            id="journal-to"
            value={filter.to}
            onChange={(v) => (v === '' || isIsoDate(v)) && set({ to: v })}
          />
        </div>
      </div>
      <div className="actions">
        <button type="button" disabled={exporting || shown.length === 0} onClick={() => void save('pdf')}>
          Сохранить журнал в PDF
        </button>
        <button type="button" disabled={exporting || shown.length === 0} onClick={() => void save('xlsx')}>
          Сохранить журнал в Excel
        </button>
        {exporting && <span role="status">Готовлю файл…</span>}
      </div>
      <p className="counts">
        Показано {Math.min(limit, shown.length)} из {shown.length}
        {shown.length < lines.length ? ` (отобрано из ${lines.length})` : ''}, сначала новые.
      </p>
      <table className="grid journal" aria-label="Записи журнала">
        <thead>
          <tr>
            <th style={{ width: '4rem' }}>№</th>
            <th style={{ width: '11rem' }}>Когда</th>
            <th style={{ width: '11rem' }}>Кто</th>
            <th style={{ width: '20rem' }}>Действие</th>
            <th>Изменения</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, limit).map((l) => (
            <JournalRow key={l.seq} line={l} broken={l.seq === brokenSeq} />
          ))}
        </tbody>
      </table>
      {limit < shown.length && (
        <div className="actions">
          <button type="button" onClick={() => setLimit((n) => n + pageSize)}>
            Показать ещё
          </button>
        </div>
      )}
    </>
  );
}

function JournalRow({ line, broken }: { line: JournalLine; broken: boolean }) {
  const changes = line.changes.slice(0, SHOWN_CHANGES);
  const more = line.changes.length - changes.length;
  return (
    <tr aria-invalid={broken || undefined} className={broken ? 'broken' : undefined}>
      <td>
        {line.seq}
        {broken && <strong> — нарушение</strong>}
      </td>
      <td>{line.when}</td>
      <td>{line.actor}</td>
      <td>
        {line.what}
        {line.subject && (
          <>
            <br />
            <small>{line.subject}</small>
          </>
        )}
      </td>
      <td>
        {changes.length > 0 && (
          <ul>
            {changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
            {more > 0 && (
              <li>
                <details>
                  <summary>и ещё {more}</summary>
                  <ul>
                    {line.changes.slice(SHOWN_CHANGES).map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </details>
              </li>
            )}
          </ul>
        )}
        {line.reason && <p>Причина: {line.reason}</p>}
      </td>
    </tr>
  );
}
