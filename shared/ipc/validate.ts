/**
 * Validators for every IPC argument. The main process runs them on everything that crosses the bridge
 * (the renderer is not trusted); renderer/platform runs the same ones first, so both sides give the same
 * Russian messages. Pure TypeScript: no Node, Electron or DOM imports.
 */
import { isBackupReason, isIsoUtc, parseStoredBackupName } from '../backup/backupNames';
import { err, ok, problem, type Problem, type Result } from '../result';
import {
  IPC_LIMITS,
  MANIFEST_NAME,
  type AnchorReadRequest,
  type AnchorWriteRequest,
  type AuditAnchor,
  type BackupListRequest,
  type BackupReadRequest,
  type BackupSaveRequest,
  type OpenFileRequest,
  type PackageFile,
  type SaveFileRequest,
  type WritePackageRequest,
} from './contract';

const CODE = 'ipc_invalid_argument';
const SEPARATORS = /[/\\]/;
/** Characters Windows and FAT/exFAT sticks refuse in names. */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** Device names Windows opens instead of a file, whatever follows a dot or spaces (`CON.txt`, `nul .tar.gz`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³])[ .]*(\..*)?$/i;
/**
 * Invisible characters that change how a name reads: bidi controls (U+202E shows `exe.txt` for
 * `txt.exe`), zero-width characters, C1 controls.
 */
const INVISIBLE = /[\u0080-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
/** Full-width and other look-alikes of `/ \\ . : * ? < > | "` and of Latin letters and digits. */
const LOOK_ALIKE = /[\uff01-\uff5e\u2024\u2044\u2215\u29f8\u29f9\ufe52\ufe55\ufe56\ufe57\ufe64\ufe65\ufe68]/;
/** `.xlsx`, `.golos-backup`: a dot, then Latin letters and digits, hyphenated parts allowed. */
const EXTENSION = /^\.(?=.{1,16}$)[a-z0-9]+(?:-[a-z0-9]+)*$/i;
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

const utf8 = new TextEncoder();

function hasControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function invalid(field: string, message: string): Problem {
  return problem(CODE, message, { field });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'массив';
  return typeof value;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} МБ`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True for a Uint8Array (or Buffer) from any realm: IPC and jsdom hand over foreign-realm arrays. */
export function isUint8Array(value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array ||
    (ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]')
  );
}

function checkKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  what: string,
  problems: Problem[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      problems.push(invalid(key, `${what}: неизвестное поле «${key.slice(0, 40)}».`));
  }
}

/**
 * A plain file or folder name: no folders, no path traversal, nothing Windows or a FAT stick refuses,
 * not hidden, not longer than {@link IPC_LIMITS.maxNameBytes} bytes in UTF-8.
 */
export function validateFileName(value: unknown, field: string): Result<string> {
  if (typeof value !== 'string') {
    return err([invalid(field, `${field}: ожидалась строка, получено ${describe(value)}.`)]);
  }
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  const reasons: string[] = [];
  if (value.trim() === '') reasons.push('имя пустое');
  else if (value === '.' || value === '..' || value.split(SEPARATORS).includes('..'))
    reasons.push('переход в другую папку («..») запрещён');
  else if (SEPARATORS.test(value))
    reasons.push('имя не должно содержать «/» или «\\» — только имя, без папок');
  if (hasControlChars(value)) reasons.push('имя содержит управляющие символы');
  if (WINDOWS_FORBIDDEN.test(value)) reasons.push('имя содержит недопустимые символы < > : " | ? *');
  if (value.startsWith('.') && value !== '.' && value !== '..')
    reasons.push('имя не должно начинаться с точки (скрытый файл)');
  if (/[. ]$/.test(value) && value.trim() !== '' && value !== '.' && value !== '..')
    reasons.push('имя не должно оканчиваться точкой или пробелом');
  if (WINDOWS_RESERVED.test(value)) reasons.push('это имя зарезервировано в Windows');
  if (INVISIBLE.test(value))
    reasons.push('имя содержит невидимые символы или знаки направления текста (например U+202E)');
  if (LOOK_ALIKE.test(value)) reasons.push('имя содержит полноширинные или похожие на «/», «.», «:» символы');
  const bytes = utf8.encode(value).length;
  if (bytes > IPC_LIMITS.maxNameBytes)
    reasons.push(`имя слишком длинное (${bytes} байт, допустимо не более ${IPC_LIMITS.maxNameBytes})`);
  if (reasons.length > 0) return err([invalid(field, `${field} «${shown}»: ${reasons.join('; ')}.`)]);
  return ok(value);
}

function validateBytes(value: unknown, field: string, name: string): Result<Uint8Array> {
  if (!isUint8Array(value)) {
    return err([
      invalid(
        field,
        `${field} файла «${name}»: ожидался массив байтов (Uint8Array), получено ${describe(value)}.`,
      ),
    ]);
  }
  if (value.byteLength > IPC_LIMITS.maxFileBytes) {
    return err([
      invalid(
        field,
        `Файл «${name}» слишком большой: ${formatMegabytes(value.byteLength)}, допустимо не более ${formatMegabytes(IPC_LIMITS.maxFileBytes)}.`,
      ),
    ]);
  }
  return ok(value);
}

function collect<T>(problems: Problem[], result: Result<T>): T | undefined {
  if (result.ok) return result.value;
  problems.push(...result.error);
  return undefined;
}

export function validateSaveFileRequest(value: unknown): Result<SaveFileRequest> {
  if (!isPlainObject(value)) {
    return err([
      invalid('запрос', `Запрос на сохранение файла: ожидался объект, получено ${describe(value)}.`),
    ]);
  }
  const problems: Problem[] = [];
  checkKeys(value, ['suggestedName', 'bytes', 'mime', 'beside'], 'Запрос на сохранение файла', problems);
  const besideFiles = { folderName: '-', files: value.beside };
  const beside =
    value.beside === undefined ? undefined : collect(problems, validateWritePackageRequest(besideFiles));
  const suggestedName = collect(problems, validateFileName(value.suggestedName, 'Имя файла'));
  const shownName = typeof value.suggestedName === 'string' ? value.suggestedName : '?';
  const bytes = collect(problems, validateBytes(value.bytes, 'Содержимое', shownName));
  const mime = value.mime;
  if (typeof mime !== 'string' || mime.length > IPC_LIMITS.maxMimeLength || !MIME.test(mime)) {
    problems.push(
      invalid(
        'Тип файла',
        `Тип файла: ожидался MIME-тип вида «application/pdf», получено ${typeof mime === 'string' ? `«${mime.slice(0, 40)}»` : describe(mime)}.`,
      ),
    );
  }
  if (problems.length > 0 || suggestedName === undefined || bytes === undefined) return err(problems);
  return ok({ suggestedName, bytes, mime: mime as string, ...(beside ? { beside: beside.files } : {}) });
}

export function validateOpenFileRequest(value: unknown): Result<OpenFileRequest> {
  if (!isPlainObject(value)) {
    return err([
      invalid('запрос', `Запрос на открытие файла: ожидался объект, получено ${describe(value)}.`),
    ]);
  }
  const problems: Problem[] = [];
  checkKeys(value, ['accept', 'multiple'], 'Запрос на открытие файла', problems);
  const accept = value.accept;
  if (!Array.isArray(accept) || accept.length === 0 || accept.length > IPC_LIMITS.maxAcceptExtensions) {
    problems.push(
      invalid(
        'Типы файлов',
        `Типы файлов: ожидался список от 1 до ${IPC_LIMITS.maxAcceptExtensions} расширений вида «.xlsx».`,
      ),
    );
  } else {
    for (const ext of accept) {
      if (typeof ext !== 'string' || !EXTENSION.test(ext)) {
        problems.push(
          invalid(
            'Типы файлов',
            `Типы файлов: «${String(ext).slice(0, 40)}» — не расширение вида «.xlsx» (точка, затем латинские буквы и цифры, можно через дефис).`,
          ),
        );
      }
    }
  }
  if (value.multiple !== undefined && typeof value.multiple !== 'boolean') {
    problems.push(
      invalid(
        'Несколько файлов',
        `Несколько файлов: ожидалось true или false, получено ${describe(value.multiple)}.`,
      ),
    );
  }
  if (problems.length > 0) return err(problems);
  return ok({
    accept: (accept as string[]).map((e) => e.toLowerCase()),
    multiple: value.multiple === true,
  });
}

export function validateWritePackageRequest(value: unknown): Result<WritePackageRequest> {
  if (!isPlainObject(value)) {
    return err([invalid('запрос', `Запрос на запись пакета: ожидался объект, получено ${describe(value)}.`)]);
  }
  const problems: Problem[] = [];
  checkKeys(value, ['folderName', 'files'], 'Запрос на запись пакета', problems);
  const folderName = collect(problems, validateFileName(value.folderName, 'Имя папки пакета'));
  const files = value.files;
  if (!Array.isArray(files) || files.length === 0 || files.length > IPC_LIMITS.maxPackageFiles) {
    problems.push(
      invalid('Файлы пакета', `Файлы пакета: ожидался список от 1 до ${IPC_LIMITS.maxPackageFiles} файлов.`),
    );
    return err(problems);
  }
  const seen = new Set<string>();
  const valid: PackageFile[] = [];
  let total = 0;
  files.forEach((file: unknown, index) => {
    const where = `Файл пакета №${index + 1}`;
    if (!isPlainObject(file)) {
      problems.push(
        invalid('Файлы пакета', `${where}: ожидался объект { name, bytes }, получено ${describe(file)}.`),
      );
      return;
    }
    checkKeys(file, ['name', 'bytes'], where, problems);
    const name = collect(problems, validateFileName(file.name, `${where}: имя`));
    if (name === undefined) return;
    const key = name.toLowerCase();
    if (key === MANIFEST_NAME) {
      problems.push(
        invalid(
          'Файлы пакета',
          `${where}: имя «${MANIFEST_NAME}» зарезервировано для списка контрольных сумм.`,
        ),
      );
    } else if (seen.has(key)) {
      problems.push(
        invalid('Файлы пакета', `${where}: имя «${name}» повторяется (регистр букв не различается).`),
      );
    }
    seen.add(key);
    const bytes = collect(problems, validateBytes(file.bytes, `${where}: содержимое`, name));
    if (bytes === undefined) return;
    total += bytes.byteLength;
    valid.push({ name, bytes });
  });
  if (total > IPC_LIMITS.maxPackageBytes) {
    problems.push(
      invalid(
        'Файлы пакета',
        `Пакет слишком большой: ${formatMegabytes(total)}, допустимо не более ${formatMegabytes(IPC_LIMITS.maxPackageBytes)}.`,
      ),
    );
  }
  if (problems.length > 0 || folderName === undefined) return err(problems);
  return ok({ folderName, files: valid });
}

export function validateBackupSaveRequest(value: unknown): Result<BackupSaveRequest> {
  if (!isPlainObject(value)) {
    return err([
      invalid('запрос', `Запрос на запись резервной копии: ожидался объект, получено ${describe(value)}.`),
    ]);
  }
  const problems: Problem[] = [];
  checkKeys(value, ['createdAt', 'reason', 'bytes'], 'Запрос на запись резервной копии', problems);
  const { createdAt, reason } = value;
  if (!isIsoUtc(createdAt)) {
    problems.push(
      invalid(
        'Время копии',
        `Время копии: ожидалось время вида «2025-05-01T10:00:00.000Z», получено ${typeof createdAt === 'string' ? `«${createdAt.slice(0, 40)}»` : describe(createdAt)}.`,
      ),
    );
  }
  if (!isBackupReason(reason)) {
    problems.push(
      invalid(
        'Причина копии',
        `Причина копии: неизвестное значение ${typeof reason === 'string' ? `«${reason.slice(0, 40)}»` : describe(reason)}.`,
      ),
    );
  }
  const bytes = collect(problems, validateBytes(value.bytes, 'Содержимое', 'резервная копия'));
  if (problems.length > 0 || bytes === undefined) return err(problems);
  return ok({ createdAt: createdAt as string, reason: reason as BackupSaveRequest['reason'], bytes });
}

export function validateBackupListRequest(value: unknown): Result<BackupListRequest> {
  if (!isPlainObject(value) || Object.keys(value).length > 0) {
    return err([
      invalid(
        'запрос',
        `Запрос списка резервных копий: ожидался пустой объект, получено ${describe(value)}.`,
      ),
    ]);
  }
  return ok({});
}

export function validateBackupReadRequest(value: unknown): Result<BackupReadRequest> {
  if (!isPlainObject(value)) {
    return err([
      invalid('запрос', `Запрос на чтение резервной копии: ожидался объект, получено ${describe(value)}.`),
    ]);
  }
  const problems: Problem[] = [];
  checkKeys(value, ['id'], 'Запрос на чтение резервной копии', problems);
  const id = value.id;
  if (typeof id !== 'string' || parseStoredBackupName(id) === null) {
    problems.push(
      invalid(
        'Копия',
        `Копия: ${typeof id === 'string' ? `«${id.slice(0, 60)}»` : describe(id)} — не имя автоматической резервной копии.`,
      ),
    );
  }
  if (problems.length > 0) return err(problems);
  return ok({ id: id as string });
}

/** A database name as the app gives it (`golos`): Latin letters, digits and hyphens, so it is a safe file name. */
const STORE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/i;
const HASH = /^[0-9a-f]{64}$/;

function checkStore(store: unknown, what: string, problems: Problem[]): void {
  if (typeof store !== 'string' || !STORE.test(store)) {
    problems.push(
      invalid(
        'База',
        `${what}: ${typeof store === 'string' ? `«${store.slice(0, 60)}»` : describe(store)} — не имя базы данных программы.`,
      ),
    );
  }
}

/** The anchor itself (also what the main process reads back from its file). */
export function validateAuditAnchor(value: unknown): Result<AuditAnchor> {
  const what = 'Якорь журнала изменений';
  if (!isPlainObject(value))
    return err([invalid('Якорь', `${what}: ожидался объект, получено ${describe(value)}.`)]);
  const problems: Problem[] = [];
  checkKeys(value, ['seq', 'hash', 'at'], what, problems);
  const { seq, hash, at } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    problems.push(invalid('Номер записи', `${what}: номер записи должен быть целым неотрицательным числом.`));
  }
  if (typeof hash !== 'string' || !HASH.test(hash)) {
    problems.push(invalid('Хеш', `${what}: хеш должен состоять из 64 шестнадцатеричных цифр.`));
  }
  if (!isIsoUtc(at)) {
    problems.push(invalid('Время', `${what}: ожидалось время вида «2025-05-01T10:00:00.000Z».`));
  }
  if (problems.length > 0) return err(problems);
  return ok({ seq: seq as number, hash: hash as string, at: at as string });
}

export function validateAnchorReadRequest(value: unknown): Result<AnchorReadRequest> {
  const what = 'Запрос на чтение якоря журнала';
  if (!isPlainObject(value))
    return err([invalid('запрос', `${what}: ожидался объект, получено ${describe(value)}.`)]);
  const problems: Problem[] = [];
  checkKeys(value, ['store'], what, problems);
  checkStore(value.store, what, problems);
  if (problems.length > 0) return err(problems);
  return ok({ store: value.store as string });
}

export function validateAnchorWriteRequest(value: unknown): Result<AnchorWriteRequest> {
  const what = 'Запрос на запись якоря журнала';
  if (!isPlainObject(value))
    return err([invalid('запрос', `${what}: ожидался объект, получено ${describe(value)}.`)]);
  const problems: Problem[] = [];
  checkKeys(value, ['store', 'anchor'], what, problems);
  checkStore(value.store, what, problems);
  const anchor = collect(problems, validateAuditAnchor(value.anchor));
  if (problems.length > 0 || anchor === undefined) return err(problems);
  return ok({ store: value.store as string, anchor });
}
