/**
 * «Резервные копии»: save a copy now, see the automatic copies, restore from a file or from the list.
 * A restore first shows what the copy holds and asks for confirmation; before replacing anything the
 * current data is itself backed up (`before-restore`), and the restore is all or nothing.
 */
import type Dexie from 'dexie';
import { useCallback, useEffect, useState } from 'react';
import { decodeBackup, BACKUP_MIME, type Backup } from '../../shared/backup/backupFile';
import { BACKUP_EXTENSION, BACKUP_REASON_LABELS, downloadBackupName } from '../../shared/backup/backupNames';
import { summarizeBackup, type BackupSummary } from '../../shared/backup/backupSummary';
import type { Problem } from '../../shared/result';
import { getPlatform, type BackupInfo, type Platform } from '../platform/platform';
import { autoBackup } from './autoBackup';
import { checkRestorable, restoreDatabase, type RestoreOptions } from './backupDb';
import { backupStoreFor, type BackupStore } from './backupStore';
import { makeBackupFile } from './makeBackupFile';
import { formatSize, tableLabel } from './format';
import { formatDateTime } from '../../shared/meetings/dates';

export interface BackupScreenProps {
  db: Dexie;
  /** Defaults to `getPlatform()`. */
  platform?: Platform;
  /** Defaults to the platform's store. */
  store?: BackupStore;
  /** Needed to restore copies made by an older version: `(name) => new GolosDb(name)`. */
  openMigrating?: RestoreOptions['openMigrating'];
  /** Called after a successful restore, so the app reloads what it shows. */
  onRestored?: () => void;
}

type Message = { kind: 'ok' | 'error'; text: string };

/** A decoded copy waiting for the user's confirmation. */
interface Pending {
  source: string;
  backup: Backup;
  summary: BackupSummary;
  /** Why it cannot be restored here, if it cannot. */
  refusal?: string;
}

const messagesOf = (problems: Problem[]) => problems.map((p) => p.message).join(' ');

export function BackupScreen({
  db,
  platform: given,
  store: givenStore,
  openMigrating,
  onRestored,
}: BackupScreenProps) {
  const [platform] = useState(() => given ?? getPlatform());
  const store = givenStore ?? backupStoreFor(platform);
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const refresh = useCallback(async () => {
    const r = await store.list();
    if (r.ok) {
      setList(r.value);
      setListError(null);
    } else {
      setList([]);
      setListError(messagesOf(r.error));
    }
  }, [store]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (label: string, task: () => Promise<void>) => {
    setBusy(label);
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

  const saveNow = () =>
    run('Сохранение копии…', async () => {
      const now = new Date();
      const bytes = await makeBackupFile(db, { reason: 'manual', now });
      const saved = await platform.saveFile({
        suggestedName: downloadBackupName(now.toISOString()),
        bytes,
        mime: BACKUP_MIME,
      });
      if (!saved.ok) setMessage({ kind: 'error', text: messagesOf(saved.error) });
      else if (saved.value) setMessage({ kind: 'ok', text: `Копия сохранена: ${saved.value.savedAs}` });
    });

  const saveListed = (info: BackupInfo) =>
    run('Сохранение копии…', async () => {
      const read = await store.read(info.id);
      if (!read.ok) return setMessage({ kind: 'error', text: messagesOf(read.error) });
      const saved = await platform.saveFile({
        suggestedName: downloadBackupName(info.createdAt),
        bytes: read.value,
        mime: BACKUP_MIME,
      });
      if (!saved.ok) setMessage({ kind: 'error', text: messagesOf(saved.error) });
      else if (saved.value) setMessage({ kind: 'ok', text: `Копия сохранена: ${saved.value.savedAs}` });
    });

  const review = (source: string, bytes: Uint8Array, fileName?: string) => {
    const decoded = decodeBackup(bytes, fileName ? { fileName } : {});
    if (!decoded.ok) {
      setPending(null);
      setMessage({ kind: 'error', text: messagesOf(decoded.error) });
      return;
    }
    const backup = decoded.value;
    const restorable = checkRestorable(db, backup, { openMigrating });
    setPending({
      source,
      backup,
      summary: summarizeBackup(backup),
      ...(restorable.ok ? {} : { refusal: messagesOf(restorable.error) }),
    });
  };

  const reviewFile = () =>
    run('Чтение файла…', async () => {
      if (!db.isOpen()) await db.open();
      const opened = await platform.openFile({ accept: [BACKUP_EXTENSION] });
      if (!opened.ok) return setMessage({ kind: 'error', text: messagesOf(opened.error) });
      const file = opened.value[0];
      if (file) review(`файл «${file.name}»`, file.bytes, file.name);
    });

  const reviewListed = (info: BackupInfo) =>
    run('Чтение копии…', async () => {
      if (!db.isOpen()) await db.open();
      const read = await store.read(info.id);
      if (!read.ok) return setMessage({ kind: 'error', text: messagesOf(read.error) });
      review(`автоматическая копия от ${formatDateTime(info.createdAt)}`, read.value);
    });

  const restore = (p: Pending) =>
    run('Восстановление…', async () => {
      const safety = await autoBackup(db, platform, 'before-restore', { store });
      if (!safety.ok) {
        setMessage({
          kind: 'error',
          text: `Восстановление не начато: не удалось сохранить текущие данные перед заменой. ${messagesOf(safety.error)}`,
        });
        return;
      }
      const restored = await restoreDatabase(db, p.backup, { openMigrating });
      setPending(null);
      if (!restored.ok) {
        setMessage({ kind: 'error', text: messagesOf(restored.error) });
      } else {
        const kept = safety.value
          ? ` Прежние данные сохранены в автоматической копии от ${formatDateTime(safety.value.createdAt)}.`
          : '';
        setMessage({
          kind: 'ok',
          text: `Данные восстановлены из копии от ${formatDateTime(p.summary.createdAt)}: записей — ${restored.value.rows}.${kept}`,
        });
        onRestored?.();
      }
      await refresh();
    });

  const disabled = busy !== null;

  return (
    <section aria-labelledby="backup-title">
      <h1 id="backup-title">Резервные копии</h1>
      <p className="lead">
        Программа сама делает копию всех данных не реже раза в день, а также перед каждым импортом и перед
        выгрузкой протокола. Автоматические копии хранятся {store.where}. Копию можно в любой момент сохранить
        в файл — например, на флешку.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={disabled} onClick={() => void saveNow()}>
          Сохранить копию в файл
        </button>
        <button type="button" disabled={disabled} onClick={() => void reviewFile()}>
          Восстановить из файла…
        </button>
        {busy && <span role="status">{busy}</span>}
      </div>

      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      {pending && (
        <RestoreConfirmation
          pending={pending}
          disabled={disabled}
          onConfirm={() => void restore(pending)}
          onCancel={() => setPending(null)}
        />
      )}

      <h2>Автоматические копии</h2>
      {listError && (
        <p className="notice error" role="alert">
          {listError}
        </p>
      )}
      {list === null ? (
        <p className="loading">Загрузка…</p>
      ) : list.length === 0 ? (
        <p className="empty">Автоматических копий пока нет.</p>
      ) : (
        <table className="grid" aria-label="Автоматические копии">
          <thead>
            <tr>
              <th>Дата</th>
              <th>Причина</th>
              <th>Размер</th>
              <th>
                <span className="visually-hidden">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((info) => (
              <tr key={info.id}>
                <td>{formatDateTime(info.createdAt)}</td>
                <td>{BACKUP_REASON_LABELS[info.reason]}</td>
                <td>{formatSize(info.size)}</td>
                <td className="actions-cell">
                  <button type="button" disabled={disabled} onClick={() => void reviewListed(info)}>
                    Восстановить…
                  </button>{' '}
                  <button type="button" disabled={disabled} onClick={() => void saveListed(info)}>
                    Сохранить в файл
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RestoreConfirmation({
  pending,
  disabled,
  onConfirm,
  onCancel,
}: {
  pending: Pending;
  disabled: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { summary, refusal, source } = pending;
  return (
    <section className="notice" aria-labelledby="restore-title">
      <h2 id="restore-title">Восстановление из копии</h2>
      <p>Источник: {source}.</p>
      <dl>
        <dt>Создана</dt>
        <dd>
          {formatDateTime(summary.createdAt)} ({summary.reasonLabel})
        </dd>
        <dt>Товарищество</dt>
        <dd>{summary.partnershipName ?? 'не указано'}</dd>
        <dt>Версия данных</dt>
        <dd>
          {summary.schemaVersion}
          {summary.appVersion ? `, программа ${summary.appVersion}` : ''}
        </dd>
        <dt>Вложения (сканы, файлы)</dt>
        <dd>
          {summary.attachments.count > 0
            ? `${summary.attachments.count}, ${formatSize(summary.attachments.bytes)}`
            : 'нет'}
        </dd>
        <dt>Контрольная сумма SHA-256</dt>
        <dd>
          <code>{summary.sha256}</code> (проверена)
        </dd>
      </dl>
      <table className="grid" aria-label="Содержимое копии">
        <thead>
          <tr>
            <th>Раздел</th>
            <th>Записей</th>
          </tr>
        </thead>
        <tbody>
          {summary.tables.map((t) => (
            <tr key={t.name}>
              <td>{tableLabel(t.name)}</td>
              <td>{t.rows}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Всего</th>
            <th>{summary.totalRows}</th>
          </tr>
        </tfoot>
      </table>
      {refusal ? (
        <p className="notice error" role="alert">
          {refusal}
        </p>
      ) : (
        <p>
          <strong>Все текущие данные будут заменены содержимым этой копии.</strong> Перед заменой программа
          сохранит текущие данные в автоматическую копию.
        </p>
      )}
      <div className="actions">
        {!refusal && (
          <button type="button" className="danger" disabled={disabled} onClick={onConfirm}>
            Восстановить
          </button>
        )}
        <button type="button" disabled={disabled} onClick={onCancel}>
          {refusal ? 'Закрыть' : 'Отмена'}
        </button>
      </div>
    </section>
  );
}
