/**
 * «Протокол»: the protocol previewed on screen from the meeting's tally (the same figures as `golos tally`),
 * then downloaded as PDF or XLSX (built in a worker, with progress) or written with everything else as
 * the protocol package to a USB stick. The number and the date are kept on the meeting when the protocol
 * is produced (audit-logged); the due date and a lateness warning show above the preview; the audit
 * chain's head hash is printed and a broken chain is shown as a warning.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { nextTask } from '../../shared/async/nextTask';
import { formatFigure } from '../../shared/documents/figuresRu';
import { buildProtocolModel, type ProtocolModel } from '../../shared/documents/protocolModel';
import { proofOf, type WithProof } from '../../shared/documents/protocolProof';
import { isIsoDate, plural, todayIso } from '../../shared/meetings/dates';
import type { Problem } from '../../shared/result';
import { useDb } from '../app/DbContext';
import { Field } from '../app/Field';
import { describeAuditCheck, getAuditHead, type AuditCheck } from '../audit/auditLog';
import type { Integrity } from '../audit/integrity';
import { verifyIntegrity } from '../audit/integrityCheck';
import { IntegrityNotice } from '../audit/IntegrityNotice';
import { autoBackup } from '../backup/autoBackup';
import { PendingEntries } from '../ballots/PendingEntries';
import type { MeetingTabProps } from '../meetings/meetingTabProps';
import { getPlatform, MANIFEST_NAME, type Platform } from '../platform/platform';
import { createDocumentEngine, type DocumentEngine, type DocumentKind } from './documentEngine';
import { collectPackageFiles, packageFolderName, safeName } from './protocolPackage';
import { recordProtocolProduced } from './protocolRecord';
import { loadProtocolSource, type TalliedMeeting } from './protocolSource';
import { FollowUpOffer } from './FollowUpOffer';
import { ProtocolCheckPanel } from './ProtocolCheckPanel';
import { ProtocolPreview } from './ProtocolPreview';
import './protocol.css';
import { DateInput } from '../app/DateInput';

export interface ProtocolViewProps extends MeetingTabProps {
  /** Defaults to `getPlatform()`. */
  platform?: Platform;
  /** Defaults to the documents worker. */
  createEngine?: () => DocumentEngine;
  /** The clock (tests). */
  now?: () => Date;
}

interface AuditState {
  check: AuditCheck;
  head: { seq: number; hash: string };
  /** The data compared with the log: differences hold the protocol back until the commission decides. */
  integrity: Integrity;
}

type Busy = { label: string; done?: number; total?: number };
type Message = { kind: 'ok' | 'error'; text: string };

const MIME: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const messagesOf = (problems: readonly Problem[]) => problems.map((p) => p.message).join(' ');

async function loadAudit(db: ReturnType<typeof useDb>): Promise<AuditState> {
  // The chain and the data checked off the main thread (integrityCheck).
  const [{ check, integrity }, head] = await Promise.all([verifyIntegrity(db), getAuditHead(db)]);
  return { check, head, integrity: integrity ?? { issues: [], reason: null, records: 0 } };
}

export function ProtocolView({
  meeting,
  partnership,
  onMeetingChange,
  platform: givenPlatform,
  createEngine = createDocumentEngine,
  now = () => new Date(),
}: ProtocolViewProps) {
  const db = useDb();
  const [platform] = useState(() => givenPlatform ?? getPlatform());
  const [source, setSource] = useState<TalliedMeeting | null>(null);
  const [audit, setAudit] = useState<AuditState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mask, setMask] = useState(false);
  const [number, setNumber] = useState(meeting.protocolNumber ?? '');
  const [date, setDate] = useState(meeting.protocolDate ?? todayIso(now()));
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const engineRef = useRef<DocumentEngine | null>(null);
  const meetingRef = useRef(meeting);
  meetingRef.current = meeting;

  useEffect(() => {
    const engine = createEngine();
    engineRef.current = engine;
    return () => {
      engine.dispose();
      engineRef.current = null;
    };
  }, [createEngine]);

  /** Reads the tally and the audit chain afresh (the figures as stored right now). */
  const reload = useCallback(
    async (m = meetingRef.current) => {
      const [fresh, chain] = await Promise.all([loadProtocolSource(db, m, partnership), loadAudit(db)]);
      setSource(fresh);
      setAudit(chain);
      return { source: fresh, audit: chain };
    },
    [db, partnership],
  );

  useEffect(() => {
    let live = true;
    reload().catch((e: unknown) => {
      if (live) setLoadError(`Не удалось подсчитать итоги: ${e instanceof Error ? e.message : String(e)}`);
    });
    return () => {
      live = false;
    };
  }, [reload]);

  const today = todayIso(now());
  const dateValid = isIsoDate(date);
  const protocolDate = dateValid ? date : today;

  // The last model built: a download builds it from the data read afresh, and the preview that follows
  // shows the same one instead of building it again.
  const lastModel = useRef<{ key: unknown[]; model: ProtocolModel & WithProof } | null>(null);
  const modelFor = useCallback(
    (s: TalliedMeeting, a: AuditState, masked: boolean): ProtocolModel & WithProof => {
      const key = [s, a, masked, today, number, protocolDate];
      const last = lastModel.current;
      if (last && last.key.every((k, i) => k === key[i])) return last.model;
      const model = {
        ...buildProtocolModel(s, {
          maskSnils: masked,
          auditHeadHash: a.head.hash,
          today,
          number,
          date: protocolDate,
        }),
        proof: proofOf(
          s.results,
          {
            inputSha256: s.inputSha256,
            auditHead: a.head,
            ...(a.integrity.reason !== null
              ? { integrityReason: a.integrity.reason, integrityIssues: a.integrity.issues }
              : {}),
          },
          s.resultsSha256,
        ),
      };
      lastModel.current = { key, model };
      return model;
    },
    [today, number, protocolDate],
  );

  const model = useMemo(
    () => (source && audit ? modelFor(source, audit, mask) : null),
    [source, audit, mask, modelFor],
  );

  const run = async (label: string, task: () => Promise<void>) => {
    setBusy({ label });
    setMessage(null);
    try {
      await task();
    } catch (e) {
      setMessage({
        kind: 'error',
        text: `Непредвиденная ошибка: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      setBusy(null);
    }
  };

  /** Stores the protocol's number and date on the meeting, then reads everything afresh. */
  const produce = async () => {
    const updated = await recordProtocolProduced(db, meeting.id, { date: protocolDate, number });
    if (updated !== meetingRef.current) onMeetingChange(updated);
    const fresh = await reload(updated);
    // The model is built next (0.2 s at 5,000 participants): a task of its own, after a paint.
    await nextTask();
    return fresh;
  };

  const build = async (kind: DocumentKind, m: ProtocolModel, label: string) => {
    const engine = engineRef.current ?? createEngine();
    return engine.build(kind, m, (done, total) => setBusy({ label, done, total }));
  };

  const fileBase = () => {
    const name = packageFolderName(number, protocolDate);
    return mask ? `${name} (для публикации)` : name;
  };

  const download = (kind: DocumentKind) =>
    run(kind === 'pdf' ? 'Составляю PDF…' : 'Составляю таблицу итогов…', async () => {
      const fresh = await produce();
      const label = kind === 'pdf' ? 'Составляю PDF: строки приложений' : 'Составляю таблицу итогов…';
      const built = await build(kind, modelFor(fresh.source, fresh.audit, mask), label);
      if (!built.ok) return setMessage({ kind: 'error', text: messagesOf(built.error) });
      const suggestedName = safeName(`${fileBase()}.${kind}`);
      const saved = await platform.saveFile({ suggestedName, bytes: built.value, mime: MIME[kind] });
      if (!saved.ok) setMessage({ kind: 'error', text: messagesOf(saved.error) });
      else if (saved.value) setMessage({ kind: 'ok', text: `Сохранено: ${saved.value.savedAs}` });
    });

  const writePackage = () =>
    run('Резервная копия перед выгрузкой…', async () => {
      const copy = await autoBackup(db, platform, 'before-protocol');
      if (!copy.ok) {
        setMessage({
          kind: 'error',
          text: `Пакет не записан: не удалось сделать резервную копию перед выгрузкой. ${messagesOf(copy.error)}`,
        });
        return;
      }
      const fresh = await produce();
      // The package is the partnership's own record: СНИЛС in full (its backup holds them anyway).
      const full = modelFor(fresh.source, fresh.audit, false);
      const pdf = await build('pdf', full, 'Составляю PDF: строки приложений');
      if (!pdf.ok) return setMessage({ kind: 'error', text: messagesOf(pdf.error) });
      setBusy({ label: 'Составляю таблицу итогов…' });
      const workbook = await build('xlsx', full, 'Составляю таблицу итогов…');
      if (!workbook.ok) return setMessage({ kind: 'error', text: messagesOf(workbook.error) });
      setBusy({ label: 'Собираю пакет: бюллетени, сканы, резервная копия…' });
      const files = await collectPackageFiles(
        db,
        fresh.source,
        { pdf: pdf.value, workbook: workbook.value },
        now(),
      );
      if (!files.ok) return setMessage({ kind: 'error', text: messagesOf(files.error) });
      setBusy({ label: platform.kind === 'electron' ? 'Записываю на носитель…' : 'Готовлю архив…' });
      const written = await platform.writePackage({
        folderName: packageFolderName(number, protocolDate),
        files: files.value,
      });
      if (!written.ok) {
        setMessage({ kind: 'error', text: `Пакет не записан. ${messagesOf(written.error)}` });
        return;
      }
      const result = written.value;
      if (!result) return setMessage({ kind: 'ok', text: 'Запись пакета отменена.' });
      const count = `${formatFigure(result.files.length)} ${filesWord(result.files.length)} и ${result.manifest}`;
      setMessage(
        result.flushed
          ? {
              kind: 'ok',
              text: `Пакет записан в папку «${result.location}»: ${count}. Данные сброшены на носитель — можно извлекать флешку.`,
            }
          : {
              kind: 'ok',
              text: `Пакет скачан одним архивом «${result.location}» (внутри ${count}). Браузер сохраняет загрузки сам: прежде чем извлекать флешку, дождитесь окончания загрузки и проверьте, что архив записан на неё.`,
            },
      );
    });

  /** «Проверить протокол» compares with the data as stored now (the preview follows it too). */
  const currentResults = async () => (await reload()).source.results;

  const heldBack = !audit || (audit.integrity.issues.length > 0 && audit.integrity.reason === null);
  const disabled = busy !== null || !model || heldBack;
  const stick = platform.kind === 'electron' ? 'Записать на флешку…' : 'Записать на флешку (скачать архив)';

  return (
    <section className="protocol" aria-labelledby="protocol-title">
      <h2 id="protocol-title">Протокол</h2>
      <div className="form-row protocol-options">
        <Field label="Номер протокола">
          {(props) => (
            <input {...props} value={number} maxLength={20} onChange={(e) => setNumber(e.target.value)} />
          )}
        </Field>
        <Field label="Дата протокола" error={dateValid ? undefined : 'Укажите дату составления протокола.'}>
          {(props) => <DateInput {...props} value={date} onChange={setDate} />}
        </Field>
        <label className="choice">
          <input type="checkbox" checked={mask} onChange={(e) => setMask(e.target.checked)} /> Скрыть СНИЛС
          (копия для публикации)
        </label>
      </div>

      {model && (
        <div className="protocol-status">
          <p>{model.due.text}</p>
          {model.due.warning && (
            <p className="notice error" role="alert">
              {model.due.warning}
            </p>
          )}
          {source && !source.frozen && (
            <p className="notice">
              Реестр собрания ещё не зафиксирован: итоги посчитаны по текущему реестру.
            </p>
          )}
        </div>
      )}
      {source && (
        <PendingEntries meeting={meeting} records={source.paperRecords} registry={source.registry} />
      )}
      {source && <FollowUpOffer meeting={meeting} quorumReached={source.results.quorum.reached} />}
      {audit && <AuditNotice audit={audit} />}
      {audit && audit.integrity.issues.length > 0 && (
        <IntegrityNotice integrity={audit.integrity} db={db} onAccepted={() => void reload()} />
      )}

      <div className="actions">
        <button type="button" className="primary" disabled={disabled} onClick={() => void download('pdf')}>
          Скачать PDF
        </button>
        <button type="button" disabled={disabled} onClick={() => void download('xlsx')}>
          Скачать XLSX
        </button>
        <button type="button" disabled={disabled} onClick={() => void writePackage()}>
          {stick}
        </button>
      </div>
      <p className="field-hint">
        Пакет для флешки: протокол (PDF), таблица итогов (XLSX), файл итогов results.json (его контрольная
        сумма — в QR-коде протокола), пакетный файл бюллетеней, сканы бюллетеней, полная резервная копия
        данных и список контрольных сумм {MANIFEST_NAME}. Перед записью программа делает резервную копию.
      </p>
      <ProtocolCheckPanel platform={platform} currentResults={source ? currentResults : null} />
      {busy && <BusyLine busy={busy} />}
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {loadError && (
        <p className="notice error" role="alert">
          {loadError}
        </p>
      )}
      {!model && !loadError && <p className="loading">Подсчёт итогов…</p>}
      {model && <ProtocolPreview model={model} />}
    </section>
  );
}

function filesWord(n: number): string {
  return plural(n, ['файл', 'файла', 'файлов']);
}

function AuditNotice({ audit }: { audit: AuditState }) {
  if (!audit.check.intact) {
    return (
      <p className="notice error" role="alert">
        {describeAuditCheck(audit.check)} Данные могли быть изменены в обход программы: проверьте «Журнал
        изменений» прежде чем подписывать протокол. Последний хеш журнала: <code>{audit.head.hash}</code>
      </p>
    );
  }
  return (
    <p className="notice ok protocol-audit">
      Журнал изменений цел: {formatFigure(audit.check.count)}{' '}
      {plural(audit.check.count, ['запись', 'записи', 'записей'])}. В протоколе печатается последний хеш:{' '}
      <code>{audit.head.hash}</code>
    </p>
  );
}

function BusyLine({ busy }: { busy: Busy }) {
  const counted = busy.total !== undefined && busy.total > 0 && busy.done !== undefined;
  return (
    <div className="protocol-busy" role="status">
      <span>
        {busy.label}
        {counted ? ` ${formatFigure(busy.done!)} из ${formatFigure(busy.total!)}` : ''}
      </span>
      {counted ? <progress value={busy.done} max={busy.total} /> : <progress />}
    </div>
  );
}
