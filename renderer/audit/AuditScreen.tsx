/**
 * «Журнал изменений»: every logged change in plain Russian, newest first (AuditJournal: who, when,
 * what, about whom, what changed; filters; PDF and XLSX), and the
 * integrity check of the hash chain, which shows either «Цепочка цела…» with the head hash or the
 * entry where the chain breaks (that row is marked in the list).
 */
import type Dexie from 'dexie';
import { useState } from 'react';
import { AuditJournal } from './AuditJournal';
import { describeAuditCheck, type AuditCheck } from './auditLog';
import type { Integrity } from './integrity';
import { verifyIntegrity } from './integrityCheck';
import { IntegrityNotice } from './IntegrityNotice';

export interface AuditScreenProps {
  db: Dexie;
  /** Entries shown at first and added by «Показать ещё». */
  pageSize?: number;
}

export function AuditScreen({ db, pageSize = 200 }: AuditScreenProps) {
  const [reload, setReload] = useState(0);
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [integrity, setIntegrity] = useState<Integrity | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const verify = async () => {
    setChecking(true);
    setFailure(null);
    // The last result is no longer shown while the data is checked again: it may no longer hold.
    setCheck(null);
    setIntegrity(null);
    try {
      // Off the main thread: the chain, and the data against the log where the database is the app's.
      const outcome = await verifyIntegrity(db);
      setCheck(outcome.check);
      if (outcome.integrity) setIntegrity(outcome.integrity);
      // The journal below is read again only where the chain breaks (to show the rows as they are now):
      // re-reading a large intact log here would undo the point of checking off the main thread.
      if (!outcome.check.intact) setReload((n) => n + 1);
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

      <AuditJournal db={db} pageSize={pageSize} brokenSeq={brokenSeq} reload={reload} />
    </section>
  );
}
