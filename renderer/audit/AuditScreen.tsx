/**
 * «Журнал изменений»: every logged change, newest first (who, when, what, what changed), and the
 * integrity check of the hash chain, which shows either «Цепочка цела…» with the head hash or the
 * entry where the chain breaks (that row is marked in the list).
 */
import type Dexie from 'dexie';
import type { GolosDb } from '../db/db';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../shared/audit/auditChain';
import { formatDateTime } from '../backup/format';
import { describeChange, diffSummary } from './auditDiff';
import { checkAuditChain, countEntries, describeAuditCheck, readNewest, type AuditCheck } from './auditLog';
import { loadIntegrity, type Integrity } from './integrity';
import { IntegrityNotice } from './IntegrityNotice';

export interface AuditScreenProps {
  db: Dexie;
  /** Entries shown at first and added by «Показать ещё». */
  pageSize?: number;
}

const SHOWN_CHANGES = 6;

export function AuditScreen({ db, pageSize = 200 }: AuditScreenProps) {
  const [limit, setLimit] = useState(pageSize);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [integrity, setIntegrity] = useState<Integrity | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [newest, count] = await Promise.all([readNewest(db, limit), countEntries(db)]);
      setEntries(newest);
      setTotal(count);
    } catch (e) {
      setEntries([]);
      setFailure(`Не удалось прочитать журнал: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [db, limit]);

  useEffect(() => {
    void load();
  }, [load]);

  const verify = async () => {
    setChecking(true);
    setFailure(null);
    try {
      setCheck(await checkAuditChain(db));
      // The data against the log too, where the database is the app's (the tables it checks exist).
      if (db.tables.some((t) => t.name === 'paperBallots')) setIntegrity(await loadIntegrity(db as GolosDb));
      await load();
    } catch (e) {
      setFailure(`Проверка не выполнена: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setChecking(false);
    }
  };

  const brokenSeq = check && !check.intact ? check.break.seq : null;

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Журнал изменений</h1>
      <p className="lead">
        Каждое изменение данных записывается сюда: кто, когда, что и как изменил. Записи связаны в цепочку
        контрольными суммами SHA-256: изменить, удалить или переставить запись незаметно нельзя. Последний хеш
        цепочки печатается в протоколе.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={checking} onClick={() => void verify()}>
          Проверить целостность
        </button>
        {checking && <span role="status">Проверка…</span>}
      </div>
      {check && (
        <p className={`notice ${check.intact ? 'ok' : 'error'}`} role={check.intact ? 'status' : 'alert'}>
          {describeAuditCheck(check)}
          {!check.intact &&
            ` Записи начиная с № ${check.break.seq} не подтверждены. Восстановите данные из резервной копии, сделанной до нарушения.`}
        </p>
      )}
      {integrity && <IntegrityNotice integrity={integrity} />}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}

      {entries === null ? (
        <p className="loading">Загрузка…</p>
      ) : entries.length === 0 ? (
        <p className="empty">Изменений ещё не было.</p>
      ) : (
        <>
          <p className="counts">
            Показано {entries.length} из {total}, сначала новые.
          </p>
          <table className="grid" aria-label="Записи журнала">
            <thead>
              <tr>
                <th style={{ width: '4rem' }}>№</th>
                <th style={{ width: '9rem' }}>Когда</th>
                <th style={{ width: '10rem' }}>Кто</th>
                <th style={{ width: '14rem' }}>Действие</th>
                <th>Изменения</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <AuditRow key={e.seq} entry={e} broken={e.seq === brokenSeq} />
              ))}
            </tbody>
          </table>
          {entries.length < total && (
            <div className="actions">
              <button type="button" onClick={() => setLimit((n) => n + pageSize)}>
                Показать ещё
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function AuditRow({ entry, broken }: { entry: AuditEntry; broken: boolean }) {
  const diff = diffSummary(entry.before, entry.after);
  const lead = { created: 'Создано', deleted: 'Удалено', changed: '', unchanged: 'Без изменений', none: '' }[
    diff.kind
  ];
  const shown = diff.changes.slice(0, SHOWN_CHANGES);
  const more = diff.changes.length - shown.length;
  return (
    <tr aria-invalid={broken || undefined} className={broken ? 'broken' : undefined}>
      <td>
        {entry.seq}
        {broken && <strong> — нарушение</strong>}
      </td>
      <td>{formatDateTime(entry.at)}</td>
      <td>{entry.actor}</td>
      <td>
        {entry.action}
        <br />
        <small>
          {entry.entity} {entry.entityId}
        </small>
      </td>
      <td>
        {lead && <span>{lead}</span>}
        {shown.length > 0 && (
          <ul>
            {shown.map((c) => (
              <li key={c.field}>{describeChange(c)}</li>
            ))}
            {more > 0 && <li>и ещё {more}</li>}
          </ul>
        )}
        {entry.reason && <p>Причина: {entry.reason}</p>}
      </td>
    </tr>
  );
}
