import { err, ok, problem, type Result } from '../result';
import { decodeText, detectDelimiter, parseCsv } from './readCsv';
import { readXlsx } from './readXlsx';
import type { Table } from './table';

export type { Table } from './table';

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Control characters other than tab and line breaks: a text file has (almost) none. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control > sample.length / 100;
}

/**
 * Reads a spreadsheet the user picked: XLSX (first non-empty worksheet) or CSV (UTF-8 or Windows-1251,
 * `;`, `,` or tab). The kind is found from the bytes, not the file name.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Result<Table>> {
  const where = { file: fileName };
  if (bytes.length === 0) return err([problem('file_empty', `Файл «${fileName}» пуст.`, where)]);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return readXlsx(bytes, fileName);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return err([
      problem(
        'file_old_xls',
        `Файл «${fileName}» сохранён в старом формате Excel (XLS): откройте его в Excel или LibreOffice ` +
          'и сохраните как XLSX или CSV.',
        where,
      ),
    ]);
  }
  const { text } = decodeText(bytes);
  if (looksBinary(text)) {
    return err([
      problem(
        'file_unreadable',
        `Файл «${fileName}» не удалось прочитать: это не таблица Excel (XLSX) и не CSV.`,
        where,
      ),
    ]);
  }
  const rows = parseCsv(text, detectDelimiter(text));
  if (rows.length === 0) return err([problem('file_empty', `Файл «${fileName}» пуст.`, where)]);
  return ok({ fileName, rows });
}
