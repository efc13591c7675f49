/**
 * Turns a Node file-system error into a Russian problem the user can act on: a read-only or pulled-out
 * stick, missing rights, no space. Never shows a raw error code alone.
 */
import { basename, dirname } from 'node:path';
import { problem, type Problem } from '../../shared/result';

export type FsOperation = 'write' | 'read';

export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}

export function fsProblem(e: unknown, path: string, op: FsOperation = 'write'): Problem {
  const code = errorCode(e);
  const where = { file: basename(path) };
  const folder = op === 'write' ? dirname(path) : path;
  switch (code) {
    case 'EROFS':
      return problem(
        'fs_read_only',
        `Носитель с папкой «${folder}» доступен только для чтения (защищён от записи). Снимите защиту или выберите другой носитель.`,
        where,
      );
    case 'EACCES':
    case 'EPERM':
      return problem(
        'fs_no_permission',
        op === 'write'
          ? `Нет прав на запись в папку «${folder}». Выберите другую папку.`
          : `Нет прав на чтение файла «${path}».`,
        where,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return problem(
        'fs_no_space',
        `На носителе с папкой «${folder}» закончилось место. Освободите место или выберите другой носитель.`,
        where,
      );
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENODEV':
    case 'ENXIO':
    case 'EIO':
    case 'ESTALE':
      return problem(
        'fs_vanished',
        op === 'write'
          ? `Папка «${folder}» недоступна — возможно, флешку извлекли. Вставьте её и повторите запись.`
          : `Файл «${path}» недоступен — возможно, его удалили или извлекли носитель.`,
        where,
      );
    case 'ENAMETOOLONG':
      return problem('fs_name_too_long', `Слишком длинное имя или путь: «${path}».`, where);
    case 'EISDIR':
      return problem('fs_is_directory', `«${path}» — это папка, а нужен файл.`, where);
    default: {
      const detail = code ?? (e instanceof Error ? e.message : String(e));
      return problem(
        'fs_failed',
        op === 'write'
          ? `Не удалось записать «${path}» (${detail}).`
          : `Не удалось прочитать «${path}» (${detail}).`,
        where,
      );
    }
  }
}
