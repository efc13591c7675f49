/**
 * `golos verify --protocol protocol.pdf --results results.json`: does this protocol come from this
 * results.json? The QR code is read from the first and the last page (pdftoppm + jsQR; without poppler
 * from the PDF's document properties, said so) and compared with the file: its SHA-256, the meeting's
 * date, every question's figures and decision. Exit 0 when they match; 1 with every difference named.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  compareProtocolQr,
  parseProtocolQr,
  protocolQrFromPdfProperties,
  readResultsFile,
} from '../shared/documents/protocolProof';
import { readFirstLastPageQr } from './pdfQr';

export const VERIFY_USAGE = 'Использование: golos verify --protocol ПРОТОКОЛ.pdf --results results.json';

type Args = { protocol: string; results: string };

export function parseVerifyArgs(
  argv: readonly string[],
): { ok: true; args: Args } | { ok: false; message: string } {
  const found: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? a.slice(2, eq > 0 ? eq : undefined) : '';
    if (name !== 'protocol' && name !== 'results') {
      return { ok: false, message: `Неизвестный параметр «${a}».\n${VERIFY_USAGE}` };
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (!value || (eq < 0 && value.startsWith('--'))) {
      return { ok: false, message: `Параметр --${name}: не указан файл.\n${VERIFY_USAGE}` };
    }
    if (found[name] !== undefined) {
      return { ok: false, message: `Параметр --${name} указан больше одного раза.\n${VERIFY_USAGE}` };
    }
    found[name] = value;
  }
  for (const name of ['protocol', 'results'] as const) {
    if (found[name] === undefined)
      return { ok: false, message: `Параметр --${name} обязателен.\n${VERIFY_USAGE}` };
  }
  return { ok: true, args: found as Args };
}

function readInput(path: string): Uint8Array | string {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'файл не найден'
        : code === 'EISDIR'
          ? 'это папка, а не файл'
          : 'файл не удалось прочитать';
    return `${basename(path)}: ${why} (${path}).`;
  }
}

/** The QR text of the protocol, or the Russian reasons it could not be read; notes go to stderr as warnings. */
async function protocolQr(
  pdf: Uint8Array,
  name: string,
): Promise<{ text?: string; problems: string[]; notes: string[] }> {
  const fromProperties = protocolQrFromPdfProperties(pdf);
  let pages;
  try {
    pages = await readFirstLastPageQr(pdf);
  } catch {
    return { problems: [`${name}: файл не читается как PDF.`], notes: [] };
  }
  if (pages === null) {
    const note = `Программа poppler-utils (pdftoppm) не установлена: QR-код не распознан с изображения страницы, текст его взят из свойств документа ${name}.`;
    if (!fromProperties)
      return { problems: [`${name}: в свойствах документа нет текста QR-кода протокола.`], notes: [note] };
    return { text: fromProperties, problems: [], notes: [note] };
  }
  const problems: string[] = [];
  for (const p of pages) {
    if (p.text === undefined)
      problems.push(`${name}: на странице ${p.page} QR-код протокола не найден или не читается.`);
  }
  const texts = [...new Set(pages.flatMap((p) => (p.text === undefined ? [] : [p.text])))];
  if (texts.length > 1) problems.push(`${name}: QR-коды первой и последней страниц различаются.`);
  if (fromProperties !== undefined && texts.length === 1 && texts[0] !== fromProperties) {
    problems.push(`${name}: QR-код на странице и текст в свойствах документа различаются.`);
  }
  return texts.length === 1 ? { text: texts[0]!, problems, notes: [] } : { problems, notes: [] };
}

export async function runVerify(argv: readonly string[]): Promise<number> {
  const parsed = parseVerifyArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 1;
  }
  const { args } = parsed;
  const pdf = readInput(args.protocol);
  const results = readInput(args.results);
  const readErrors = [pdf, results].filter((x): x is string => typeof x === 'string');
  if (readErrors.length > 0 || typeof pdf === 'string' || typeof results === 'string') {
    process.stderr.write(`${readErrors.join('\n')}\n`);
    return 1;
  }
  const pdfName = basename(args.protocol);
  const resultsName = basename(args.results);
  const qr = await protocolQr(pdf, pdfName);
  for (const note of qr.notes) process.stderr.write(`Предупреждение: ${note}\n`);
  const problems = [...qr.problems];
  const printed = qr.text === undefined ? undefined : parseProtocolQr(qr.text);
  if (printed && !printed.ok) problems.push(...printed.error.map((p) => `${pdfName}: ${p.message}`));
  const actual = readResultsFile(results, resultsName);
  if (!actual.ok) problems.push(...actual.error.map((p) => p.message));
  if (printed?.ok && actual.ok) {
    problems.push(
      ...compareProtocolQr(printed.value, actual.value, {
        printed: 'в протоколе',
        actual: `в ${resultsName}`,
      }),
    );
  }
  if (problems.length > 0) {
    process.stderr.write(
      `Протокол ${pdfName} не подтверждает файл ${resultsName}:\n${problems.join('\n')}\n`,
    );
    return 1;
  }
  const value = actual.ok ? actual.value : undefined;
  process.stdout.write(
    `Протокол ${pdfName} и файл ${resultsName} совпадают: контрольная сумма ${value?.resultsSha256}, ` +
      `дата собрания ${value?.date}, вопросов ${value?.questions.length}.\n`,
  );
  return 0;
}
