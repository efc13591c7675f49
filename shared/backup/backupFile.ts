/**
 * The backup file (`.golos-backup`): the whole database in one file.
 *
 * Layout: UTF-8 JSON, optionally gzip-compressed (detected on reading by the gzip magic bytes):
 *   { "format": "golos-backup", "formatVersion": 1, "sha256": "<hex>", "content": { ... } }
 * `content` holds the app's schema version, the creation time, the reason, and every table by name:
 * its Dexie schema, its rows (values in the tagged JSON form of ./taggedValue, so binary data, dates and
 * the rest come back exactly) and, for tables whose keys are not inside the rows, the keys.
 * `sha256` is the SHA-256 of the canonical JSON of `content` (keys sorted at every depth), so any change
 * to the content, or a truncated file, is caught before anything is restored.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { canonicalJson, sha256Hex } from '../crypto/sha256';
import { err, ok, problem, type Result } from '../result';
import { BACKUP_EXTENSION, isBackupReason, isIsoUtc, type BackupReason } from './backupNames';
import { fromTagged, TaggedValueError, toTagged, type Json } from './taggedValue';

export const BACKUP_FORMAT = 'golos-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_MIME = 'application/octet-stream';

export interface TableDump {
  /** The table's Dexie schema: primary key, then indexes, e.g. `id, snils, *plotNumbers`. */
  schema: string;
  /** Every row, in primary-key order. */
  rows: unknown[];
  /** The primary keys, only for tables whose keys are not stored inside the rows (outbound keys). */
  keys?: unknown[];
}

/** What a backup holds, as read from or written to the database. */
export interface BackupSnapshot {
  /** The database schema version the rows belong to (Dexie `verno`). */
  schemaVersion: number;
  /** ISO UTC time the snapshot was taken. */
  createdAt: string;
  reason: BackupReason;
  /** The program version that made it, when known. */
  appVersion?: string;
  tables: Record<string, TableDump>;
}

export interface Backup extends BackupSnapshot {
  formatVersion: number;
  /** The checksum of the content, as verified when the file was read. */
  sha256: string;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

function encodeTable(name: string, table: TableDump): Json {
  const where = (index: number, e: TaggedValueError) =>
    new Error(
      `Таблица «${name}», строка ${index + 1}${e.field ? `, поле «${e.field}»` : ''}: ${e.message}. Резервная копия не создана.`,
    );
  const rows = table.rows.map((row, i) => {
    try {
      return toTagged(row);
    } catch (e) {
      throw e instanceof TaggedValueError ? where(i, e) : e;
    }
  });
  const out: { [key: string]: Json } = { schema: table.schema, rows };
  if (table.keys) {
    out.keys = table.keys.map((key, i) => {
      try {
        return toTagged(key);
      } catch (e) {
        throw e instanceof TaggedValueError ? where(i, e) : e;
      }
    });
  }
  return out;
}

/**
 * The file bytes for a snapshot. Throws an Error with a Russian message naming the table, row and field
 * when a value cannot be stored (IndexedDB itself would not hold it either, so this is a programming
 * error, not a user one).
 */
export function encodeBackup(snapshot: BackupSnapshot, options: { compress?: boolean } = {}): Uint8Array {
  const content: { [key: string]: Json } = {
    schemaVersion: snapshot.schemaVersion,
    createdAt: snapshot.createdAt,
    reason: snapshot.reason,
    tables: Object.fromEntries(
      Object.entries(snapshot.tables).map(([name, table]) => [name, encodeTable(name, table)]),
    ),
  };
  if (snapshot.appVersion !== undefined) content.appVersion = snapshot.appVersion;
  const file = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    sha256: sha256Hex(canonicalJson(content)),
    content,
  };
  const text = new TextEncoder().encode(JSON.stringify(file));
  if (options.compress === false) return text;
  return gzipSync(text, { level: 6, mtime: new Date(snapshot.createdAt) });
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const FOREIGN_KINDS: { magic: number[]; what: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'это документ PDF' },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'это архив ZIP (например, таблица Excel или пакет протокола)' },
  { magic: [0xff, 0xd8, 0xff], what: 'это изображение JPEG' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'это изображение PNG' },
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a backup file: checks it is ours, of a format version this program knows, intact (checksum),
 * and well-formed. Every failure is a Russian problem naming what is wrong; nothing is thrown.
 */
export function decodeBackup(bytes: Uint8Array, options: { fileName?: string } = {}): Result<Backup> {
  const name = options.fileName;
  const subject = name ? `Файл «${name}»` : 'Файл';
  const where = name ? { file: name } : {};
  const fail = (code: string, message: string): Result<Backup> => err([problem(code, message, where)]);
  const foreign = (why: string) =>
    fail(
      'backup_foreign',
      `${subject} — не резервная копия «Голоса»: ${why}. Выберите файл ${BACKUP_EXTENSION}.`,
    );

  if (bytes.byteLength === 0) return fail('backup_empty', `${subject} пуст — это не резервная копия.`);
  let data = bytes;
  if (startsWith(bytes, GZIP_MAGIC)) {
    try {
      data = gunzipSync(bytes);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return fail(
        'backup_corrupt',
        `${subject} повреждён: сжатые данные не распаковываются (${detail}). Возможно, файл скопирован не полностью.`,
      );
    }
  }
  for (const kind of FOREIGN_KINDS) if (startsWith(data, kind.magic)) return foreign(kind.what);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return foreign('в нём двоичные данные, а не текст');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (text.startsWith(`{"format":"${BACKUP_FORMAT}"`)) {
      return fail(
        'backup_corrupt',
        `${subject} повреждён: текст копии оборван или испорчен. Возможно, файл скопирован не полностью.`,
      );
    }
    return foreign('его содержимое не в формате резервной копии');
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) {
    return foreign('в нём нет отметки формата «golos-backup»');
  }
  const version = parsed.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('backup_invalid', `${subject} повреждён: не указана версия формата копии.`);
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return fail(
      'backup_newer_format',
      `${subject} создан более новой версией программы (формат копии ${version}, эта программа понимает до ${BACKUP_FORMAT_VERSION}). Обновите «Голос» и повторите.`,
    );
  }
  const content = parsed.content;
  if (!isObject(content) || typeof parsed.sha256 !== 'string') {
    return fail('backup_invalid', `${subject} повреждён: нет содержимого или контрольной суммы.`);
  }
  const actual = sha256Hex(canonicalJson(content));
  if (actual !== parsed.sha256) {
    return fail(
      'backup_checksum',
      `${subject} повреждён или изменён после создания: контрольная сумма SHA-256 не совпадает (в файле ${parsed.sha256.slice(0, 16)}…, по содержимому ${actual.slice(0, 16)}…). Восстанавливать из него нельзя.`,
    );
  }
  const decoded = decodeContent(content);
  if (!decoded.ok) {
    return err(decoded.error.map((p) => ({ ...p, ...where, message: `${subject} повреждён: ${p.message}` })));
  }
  return ok({ ...decoded.value, formatVersion: version, sha256: actual });
}

function decodeContent(content: Record<string, unknown>): Result<BackupSnapshot> {
  const invalid = (message: string, field?: string): Result<BackupSnapshot> =>
    err([problem('backup_invalid', message, field ? { field } : {})]);
  const { schemaVersion, createdAt, reason, appVersion, tables } = content;
  if (typeof schemaVersion !== 'number' || !(schemaVersion > 0)) {
    return invalid('не указана версия данных (schemaVersion).', 'schemaVersion');
  }
  if (!isIsoUtc(createdAt)) return invalid('неверная дата создания (createdAt).', 'createdAt');
  if (!isBackupReason(reason)) return invalid(`неизвестная причина создания «${String(reason)}».`, 'reason');
  if (appVersion !== undefined && typeof appVersion !== 'string') {
    return invalid('неверная версия программы (appVersion).', 'appVersion');
  }
  if (!isObject(tables)) return invalid('нет списка таблиц (tables).', 'tables');

  const out: Record<string, TableDump> = {};
  for (const [name, table] of Object.entries(tables)) {
    if (!isObject(table) || typeof table.schema !== 'string' || !Array.isArray(table.rows)) {
      return invalid(`таблица «${name}» записана не полностью (нет схемы или строк).`, name);
    }
    const keys = table.keys;
    if (keys !== undefined && (!Array.isArray(keys) || keys.length !== table.rows.length)) {
      return invalid(`в таблице «${name}» число ключей не совпадает с числом строк.`, name);
    }
    const rowsJson: unknown[] = table.rows;
    let index = 0;
    try {
      const rows = rowsJson.map((row, i) => {
        index = i;
        return fromTagged(row);
      });
      const dump: TableDump = { schema: table.schema, rows };
      if (keys) {
        dump.keys = keys.map((key: unknown, i) => {
          index = i;
          return fromTagged(key);
        });
      }
      out[name] = dump;
    } catch (e) {
      if (!(e instanceof TaggedValueError)) throw e;
      const field = e.field ? `, поле «${e.field}»` : '';
      return err([
        problem('backup_invalid', `таблица «${name}», строка ${index + 1}${field}: ${e.message}.`, {
          row: index + 1,
          field: e.field || name,
        }),
      ]);
    }
  }
  const snapshot: BackupSnapshot = { schemaVersion, createdAt, reason, tables: out };
  if (appVersion !== undefined) snapshot.appVersion = appVersion;
  return ok(snapshot);
}
